import Foundation

/// A JSON value as `--json` and the panel's `/api/…` print it: numbers as
/// numbers (whole ones as integers, others with their exact decimal value), never as text.
///
/// ```swift
/// try JSONEncoder().encode(JSONValue.number("1002"))   // 1002
/// ```
extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let text):
            if let int = Int64(text) { try container.encode(int) } else { try container.encode(Decimal(string: text) ?? 0) }
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let fields): try container.encode(fields)
        }
    }
}
