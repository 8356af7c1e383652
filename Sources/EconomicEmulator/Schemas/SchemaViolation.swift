import Snapshot

/// One way a value breaks its schema: where (the path of properties and array
/// indexes from the body's root), which keyword, and a message in e-conomic's
/// style.
///
/// ```swift
/// SchemaViolation(path: [.field("name")], rule: .maxLength, message: "name is 300 characters long; at most 255 are allowed.",
///                 value: .string(String(repeating: "x", count: 300)))
/// ```
struct SchemaViolation: Sendable, Equatable {
    var path: [ValidationErrors.Step]
    var rule: SchemaRule
    var message: String
    /// The offending value (absent for a missing property).
    var value: JSONValue?

    /// The property the violation is about: the last named step of its path.
    var property: String? {
        for step in path.reversed() { if case .field(let name) = step { return name } }
        return nil
    }

    /// The path spelled as e-conomic's Projects API names properties (`lines[0].quantity`).
    var dottedPath: String {
        var text = ""
        for step in path {
            switch step {
            case .field(let name): text += text.isEmpty ? name : "." + name
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

/// The schema keywords a write can break.
enum SchemaRule: String, Sendable, CaseIterable {
    case type, required, minLength, maxLength, minimum, maximum, maxDecimals, pattern, enumeration, format, uniqueItems
}
