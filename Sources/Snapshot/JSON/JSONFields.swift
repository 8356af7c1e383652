/// Values by name, as a keyed container of ``JSONValueDecoder`` reads them:
/// a JSON object's fields, or any lookup that answers by name without
/// building an object first (a row's values laid out once for many rows).
///
/// ```swift
/// let unit = try JSONValueDecoder.decode(Unit.self, fields: ["name": .string("Timer"), "number": .int(1)])
/// ```
public protocol JSONFields {
    /// The value named `name`; nil when there is none (`null` is a value: an optional decodes it as absent).
    subscript(name: String) -> JSONValue? { get }
    /// Every name that has a value.
    var names: [String] { get }
}

extension Dictionary: JSONFields where Key == String, Value == JSONValue {
    public var names: [String] { Array(keys) }
}
