/// A JSON value as kept in snapshots: objects are unordered here and written
/// with sorted keys; numbers keep their exact decimal value as canonical text
/// (no rounding through `Double`), so e-conomic's amounts survive untouched.
///
/// ```swift
/// let value = try CanonicalJSON.parse(#"{"b":1.50,"a":"x"}"#)
/// CanonicalJSON.string(value)   // {"a":"x","b":1.5}
/// ```
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number in canonical spelling (see ``CanonicalJSON/canonicalNumber(_:)``).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An integer number.
    public static func int(_ value: Int64) -> JSONValue { .number(String(value)) }

    /// The value as an integer, when it is a whole number that fits.
    public var intValue: Int64? {
        if case .number(let text) = self { return Int64(text) }
        return nil
    }

    /// The value as a `Double`, when it is a number.
    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// The value as a string, when it is one.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value as a key or a filter names it: a string's text, a number's
    /// digits (`1001`, not the JSON of it), anything else as its canonical JSON.
    public var keyText: String {
        switch self {
        case .string(let text), .number(let text): text
        default: description
        }
    }

    /// The value's fields, when it is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let fields) = self { return fields }
        return nil
    }

    /// The field `name` of an object; nil for anything else.
    public subscript(name: String) -> JSONValue? {
        objectValue?[name]
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value's canonical JSON text.
    public var description: String { CanonicalJSON.string(self) }
}
