import Foundation

/// The key of a record within its kind: e-conomic's number (`customerNumber`
/// 1001) or, for products, its string (`productNumber` "P-100").
///
/// Keys sort integers numerically, strings by their UTF-8 bytes, and every
/// integer before every string.
public enum RecordKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    case int(Int64)
    case string(String)

    public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): a < b
        case (.string(let a), .string(let b)): utf8Precedes(a, b)
        case (.int, .string): true
        case (.string, .int): false
        }
    }

    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .string(let value): value
        }
    }

    /// The key as JSON.
    public var json: JSONValue {
        switch self {
        case .int(let value): .int(value)
        case .string(let value): .string(value)
        }
    }

    /// The key a JSON value names: a whole number or a string.
    public init?(_ json: JSONValue) {
        switch json {
        case .number(let text):
            guard let value = Int64(text) else { return nil }
            self = .int(value)
        case .string(let text):
            self = .string(text)
        default:
            return nil
        }
    }
}

/// Whether `a` sorts before `b` by their UTF-8 bytes (a byte comparison, no
/// Unicode rules): the order of kinds and string keys in a snapshot.
public func utf8Precedes(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let shared = min(x.count, y.count)
            if shared > 0, let p = x.baseAddress, let q = y.baseAddress {
                let order = memcmp(p, q, shared)
                if order != 0 { return order < 0 }
            }
            return x.count < y.count
        }
    }
}
