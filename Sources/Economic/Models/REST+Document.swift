import Foundation

extension REST {
    /// A document of a resource the client has no model for (journals,
    /// accounting years, pricing): any JSON object, kept whole.
    public struct Document: Codable, Sendable, Equatable {
        public var fields: [String: AnyValue]

        public init(from decoder: any Decoder) throws {
            fields = try decoder.singleValueContainer().decode([String: AnyValue].self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(fields)
        }
    }

    /// Any JSON value.
    public indirect enum AnyValue: Codable, Sendable, Equatable {
        case null, bool(Bool), number(Decimal), string(String), array([AnyValue]), object([String: AnyValue])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Decimal.self) { self = .number(number) }
            else if let text = try? container.decode(String.self) { self = .string(text) }
            else if let items = try? container.decode([AnyValue].self) { self = .array(items) }
            else { self = .object(try container.decode([String: AnyValue].self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let flag): try container.encode(flag)
            case .number(let number): try container.encode(number)
            case .string(let text): try container.encode(text)
            case .array(let items): try container.encode(items)
            case .object(let fields): try container.encode(fields)
            }
        }
    }
}
