import Snapshot

/// A dotted path to a field of a record's data (`customerGroup.customerGroupNumber`).
///
/// ```swift
/// FieldPath("customerGroup.customerGroupNumber").value(in: data)   // .number("1")
/// ```
public struct FieldPath: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let components: [String]
    /// The dotted text, kept: a pull looks fields up by it once per record.
    public let description: String

    public init(_ path: String) {
        components = path.split(separator: ".").map(String.init)
        description = components.joined(separator: ".")
    }

    public init(stringLiteral path: String) {
        self.init(path)
    }

    public static func < (lhs: FieldPath, rhs: FieldPath) -> Bool {
        lhs.description.utf8.lexicographicallyPrecedes(rhs.description.utf8)
    }

    /// The value at this path, nil when any step is missing.
    public func value(in data: [String: JSONValue]) -> JSONValue? {
        guard !components.isEmpty else { return .object(data) }
        guard var current = data[components[0]] else { return nil }
        // By index, not over a slice of the path: a first pull looks up every field of 100,000 records.
        var index = 1
        while index < components.count {
            guard let next = current[components[index]] else { return nil }
            current = next
            index += 1
        }
        return current
    }

    /// `data` with this path set to `value` (removed when nil); missing objects on the way are created.
    public func setting(_ value: JSONValue?, in data: [String: JSONValue]) -> [String: JSONValue] {
        var data = data
        set(value, in: &data)
        return data
    }

    /// Sets this path in `data` to `value` (removes it when nil), in place:
    /// a record built field by field is not copied once per field (a full
    /// compare builds 100,000 of them). Missing objects on the way are created.
    public func set(_ value: JSONValue?, in data: inout [String: JSONValue]) {
        Self.set(value, components[...], in: &data)
    }

    /// Lays `fields` (by dotted path) over `data`, in place; a null removes
    /// its field: what a push sends onto e-conomic's record, and what a base
    /// keeps of a confirmed push.
    public static func lay(_ fields: [String: JSONValue], over data: inout [String: JSONValue]) {
        for (path, value) in fields { FieldPath(path).set(value == .null ? nil : value, in: &data) }
    }

    private static func set(_ value: JSONValue?, _ path: ArraySlice<String>, in data: inout [String: JSONValue]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            data[first] = value
            return
        }
        // Taken out, so that it is changed in place, not copied.
        var inner = data.removeValue(forKey: first)?.objectValue ?? [:]
        set(value, path.dropFirst(), in: &inner)
        data[first] = inner.isEmpty && value == nil ? nil : .object(inner)
    }

    /// The value at this path as a comparison sees it: e-conomic leaves a false
    /// boolean out ("only represented in responses when true"), so `false` and
    /// absent are the same value.
    public func comparable(in data: [String: JSONValue]) -> JSONValue? {
        let value = value(in: data)
        return value == .bool(false) ? nil : value
    }
}
