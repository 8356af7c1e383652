/// A record's field values read one by one, in an order fixed beforehand,
/// with ``JSONValueDecoder``'s rules: a missing or `null` value is absent
/// for an optional, an integer must be whole and in range, and a mismatch
/// is the `DecodingError` the decoder throws, naming the field.
///
/// A record type's own initializer reads it where `Decodable` would look
/// each field up by name, through a keyed container's generic witnesses:
/// that had cost a fifth of writing each of a first pull's 100,000 rows.
///
/// ```swift
/// var reader = FieldReader(names: ["name", "number"], values: [.string("Timer"), nil])
/// let unit = Unit(name: try reader.string(), number: try reader.optionalInt())   // number: nil
/// ```
public struct FieldReader {
    private let names: [String]
    private let values: [JSONValue?]
    private var next = 0

    /// Reads `values[i]`, the value of the field named `names[i]` (nil when there is none), in that order.
    public init(names: [String], values: [JSONValue?]) {
        precondition(names.count == values.count, "one name per value")
        self.names = names
        self.values = values
    }

    // The next field's value, as each type records hold it.
    public mutating func string() throws -> String { try required(JSONValueDecoder.string) }
    public mutating func optionalString() throws -> String? { try optional(JSONValueDecoder.string) }
    public mutating func bool() throws -> Bool { try required(JSONValueDecoder.bool) }
    public mutating func optionalDouble() throws -> Double? { try optional(JSONValueDecoder.double) }
    public mutating func optionalInt() throws -> Int? { try optional { try JSONValueDecoder.integer(Int.self, $0, $1) } }
    public mutating func optionalInt64() throws -> Int64? { try optional { try JSONValueDecoder.integer(Int64.self, $0, $1) } }

    /// The next field's value converted by `convert`; a missing one is `keyNotFound`, as `decode(_:forKey:)` throws.
    private mutating func required<T>(_ convert: (JSONValue, () -> [any CodingKey]) throws -> T) throws -> T {
        let index = advance()
        guard let value = values[index] else {
            let key = Name(names[index])
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return try convert(value) { [Name(names[index])] }
    }

    /// The next field's value converted by `convert`; nil when missing or `null`, as `decodeIfPresent(_:forKey:)` returns.
    private mutating func optional<T>(_ convert: (JSONValue, () -> [any CodingKey]) throws -> T) throws -> T? {
        let index = advance()
        guard let value = values[index], value != .null else { return nil }
        return try convert(value) { [Name(names[index])] }
    }

    private mutating func advance() -> Int {
        precondition(next < values.count, "read past the last field (\(names.last ?? "none"))")
        defer { next += 1 }
        return next
    }

    /// A field's name as a coding path names it.
    private struct Name: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
