import Snapshot

/// Validation errors collected while checking a write, rendered in e-conomic's
/// shape: each failing property becomes `{"errors":[{errorCode, message, value?, developerHint}]}`
/// at its place in the payload, arrays as lists of objects with `arrayIndex`.
///
/// ```swift
/// var errors = ValidationErrors()
/// errors.add([.field("lines"), .index(0), .field("quantity")], code: "E04730", message: "…")
/// errors.json()   // {"lines":[{"arrayIndex":0,"quantity":{"errors":[…]}}]}
/// ```
struct ValidationErrors: Sendable {
    enum Step: Sendable, Hashable {
        case field(String)
        case index(Int)
    }

    struct Entry: Sendable {
        var path: [Step]
        var error: JSONValue
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func add(_ path: [Step], code: String, message: String, value: JSONValue? = nil,
                      hint: String = "Please check your request data.") {
        var fields: [String: JSONValue] = ["errorCode": .string(code), "message": .string(message), "developerHint": .string(hint)]
        if let value { fields["value"] = value }
        entries.append(Entry(path: path, error: .object(fields)))
    }

    /// Shorthand for a top-level property.
    mutating func add(field: String, code: String, message: String, value: JSONValue? = nil) {
        add([.field(field)], code: code, message: message, value: value)
    }

    final class Node {
        var errors: [JSONValue] = []
        var fields: [String: Node] = [:]
        var items: [Int: Node] = [:]

        func child(_ step: Step) -> Node {
            switch step {
            case .field(let name):
                if let node = fields[name] { return node }
                let node = Node()
                fields[name] = node
                return node
            case .index(let index):
                if let node = items[index] { return node }
                let node = Node()
                items[index] = node
                return node
            }
        }

        var json: JSONValue {
            if !items.isEmpty {
                return .array(items.keys.sorted().map { index in
                    var object = items[index]!.objectFields
                    object["arrayIndex"] = .int(Int64(index))
                    return .object(object)
                })
            }
            return .object(objectFields)
        }

        var objectFields: [String: JSONValue] {
            var object = fields.mapValues(\.json)
            if !errors.isEmpty { object["errors"] = .array(errors) }
            return object
        }
    }

    /// The nested `errors` object.
    func json() -> JSONValue {
        let root = Node()
        for entry in entries {
            var node = root
            for step in entry.path { node = node.child(step) }
            node.errors.append(entry.error)
        }
        return .object(root.fields.mapValues(\.json))
    }

    /// Adds an error for every explicit `null` in `value` ("Expected String but got Null"):
    /// e-conomic refuses nulls; a property is omitted instead. `expected` names the
    /// type a property should have, when known.
    mutating func rejectNulls(in value: JSONValue, at path: [Step] = [], expected: (String) -> String) {
        switch value {
        case .object(let fields):
            for (name, field) in fields {
                if case .null = field {
                    add(path + [.field(name)], code: "E04300", message: "Expected \(expected(name)) but got Null.",
                        hint: "Omit a property instead of sending null.")
                } else {
                    rejectNulls(in: field, at: path + [.field(name)], expected: expected)
                }
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                if case .null = item {
                    add(path + [.index(index)], code: "E04300", message: "Expected \(expected("")) but got Null.")
                } else {
                    rejectNulls(in: item, at: path + [.index(index)], expected: expected)
                }
            }
        default:
            break
        }
    }
}
