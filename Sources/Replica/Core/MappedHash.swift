import Vocabulary
internal import GRDB
internal import GRDBSQLite

/// The hash of a row's mapped fields: 64-bit FNV-1a over the values, each
/// tagged with its storage type, written as 16 hex digits.
///
/// It is registered as the SQL function `econsync_hash(…)` so that "which rows
/// changed since the last reconcile" is one query. A first pull hashes every
/// row it inserts with it, so it is registered on the raw connection (as
/// ``ChangeClock`` is) and reads SQLite's values in place: GRDB's wrapper
/// would copy every text into a `String` and box every argument first.
///
/// ```swift
/// try db.execute(sql: "UPDATE customer SET synced_hash = \(MappedHash.expression(for: .customer))")
/// ```
enum MappedHash {
    /// One value as the hash reads it.
    enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case text(UnsafeRawBufferPointer)
        case blob(UnsafeRawBufferPointer)
    }

    /// The hash of `values` as GRDB holds them (what the SQL function computes for the same values).
    static func hash(_ values: [DatabaseValue]) -> String {
        var hasher = FNV1a()
        for value in values {
            switch value.storage {
            case .null: hasher.add(.null)
            case .int64(let int): hasher.add(.integer(int))
            case .double(let double): hasher.add(.real(double))
            case .string(var string): string.withUTF8 { hasher.add(.text(UnsafeRawBufferPointer($0))) }
            case .blob(let data): data.withUnsafeBytes { hasher.add(.blob($0)) }
            }
        }
        return hasher.hex
    }

    /// Registers `econsync_hash(…)` on `db`'s connection.
    static func register(on db: Database) throws {
        let code = sqlite3_create_function_v2(
            db.sqliteConnection, "econsync_hash", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, count, arguments in
                var hasher = FNV1a()
                for index in 0..<Int(count) { hasher.add(MappedHash.value(arguments![index])) }
                hasher.withHex { sqlite3_result_text(context, $0, 16, SQLITE_TRANSIENT) }
            },
            nil, nil, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register econsync_hash()")
        }
    }

    /// SQLite's value `argument`, its text or blob read in place (valid until the function returns).
    fileprivate static func value(_ argument: OpaquePointer?) -> Value {
        switch sqlite3_value_type(argument) {
        case SQLITE_INTEGER: return .integer(sqlite3_value_int64(argument))
        case SQLITE_FLOAT: return .real(sqlite3_value_double(argument))
        case SQLITE_TEXT:
            let bytes = sqlite3_value_text(argument)  // before the length: the length is of the text as converted
            return .text(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(argument))))
        case SQLITE_BLOB:
            let bytes = sqlite3_value_blob(argument)
            return .blob(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(argument))))
        default: return .null
        }
    }

    /// The SQL expression hashing the mapped columns of `kind`.
    static func expression(for kind: Kind) -> String {
        "econsync_hash(\(kind.mappedColumns.joined(separator: ", ")))"
    }
}

/// SQLite copies the result text before the call returns.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

struct FNV1a {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ word: UInt64) {
        var word = word
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: word))
            word >>= 8
        }
    }

    /// Adds one value, tagged with its storage type.
    mutating func add(_ value: MappedHash.Value) {
        switch value {
        case .null:
            add(byte: 0)
        case .integer(let int):
            add(byte: 1)
            add(UInt64(bitPattern: int))
        case .real(let double):
            // Whole doubles hash like integers: SQLite may hand back either.
            if double.rounded() == double, abs(double) < 9e15 {
                add(byte: 1)
                add(UInt64(bitPattern: Int64(double)))
            } else {
                add(byte: 2)
                add(double.bitPattern)
            }
        case .text(let bytes):
            add(byte: 3)
            add(bytes: bytes)
        case .blob(let bytes):
            add(byte: 4)
            add(bytes: bytes)
        }
    }

    /// Adds a length, then the bytes.
    private mutating func add(bytes: UnsafeRawBufferPointer) {
        add(UInt64(bytes.count))
        for byte in bytes { add(byte: byte) }
    }

    /// The state as 16 lowercase hex digits.
    var hex: String {
        withHex { String(cString: $0) }
    }

    /// Calls `body` with the state as 16 lowercase hex digits, NUL-terminated, on the stack.
    func withHex<T>(_ body: (UnsafePointer<CChar>) -> T) -> T {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 17) { digits in
            for position in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: state >> UInt64(60 - 4 * position)) & 0xf
                digits[position] = CChar(bitPattern: digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            }
            digits[16] = 0
            return body(UnsafePointer(digits.baseAddress!))
        }
    }
}
