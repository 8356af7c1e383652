import Vocabulary
internal import GRDB

/// The hash of a row's mapped fields: 64-bit FNV-1a over the values, each
/// tagged with its storage type, written as 16 hex digits.
///
/// It is registered as the SQL function `econsync_hash(…)` so that "which rows
/// changed since the last reconcile" is one query.
enum MappedHash {
    static func hash(_ values: [DatabaseValue]) -> String {
        var hasher = FNV1a()
        for value in values {
            switch value.storage {
            case .null:
                hasher.add(byte: 0)
            case .int64(let int):
                hasher.add(byte: 1)
                hasher.add(UInt64(bitPattern: int))
            case .double(let double):
                // Whole doubles hash like integers: SQLite may hand back either.
                if double.rounded() == double, abs(double) < 9e15 {
                    hasher.add(byte: 1)
                    hasher.add(UInt64(bitPattern: Int64(double)))
                } else {
                    hasher.add(byte: 2)
                    hasher.add(double.bitPattern)
                }
            case .string(let string):
                hasher.add(byte: 3)
                hasher.add(UInt64(string.utf8.count))
                for byte in string.utf8 { hasher.add(byte: byte) }
            case .blob(let data):
                hasher.add(byte: 4)
                hasher.add(UInt64(data.count))
                for byte in data { hasher.add(byte: byte) }
            }
        }
        return hasher.hex
    }

    static let function = DatabaseFunction("econsync_hash", pure: true) { values in hash(values) }

    /// The SQL expression hashing the mapped columns of `kind`.
    static func expression(for kind: Kind) -> String {
        "econsync_hash(\(kind.mappedColumns.joined(separator: ", ")))"
    }
}

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

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
