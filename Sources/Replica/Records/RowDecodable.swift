internal import GRDB

/// A record kind decoded from its row by hand rather than through `Codable`:
/// listings of hours and materials run to many thousands of rows.
/// ``StoredRecord`` picks the decoder once per fetch.
protocol RowDecodable {
    init(row: Row) throws
}

extension RowDecodable {
    /// `init(row:)`, typed as decoding `type` (which is `Self`: the caller
    /// found the conformance on `type`).
    static func decoder<Value>(as type: Value.Type) -> (Row) throws -> Value {
        let decode: (Row) throws -> Self = { try Self(row: $0) }
        return decode as! (Row) throws -> Value
    }
}
