import Snapshot
import Vocabulary

/// A field of a push that refers to a replica record e-conomic does not have
/// yet (`local:ID`), which the same plan creates first: at apply time the
/// field gets the key e-conomic gave that record.
///
/// ```swift
/// Dependency(field: "projectNumber", kind: .project, key: "local:12")
/// ```
public struct Dependency: Hashable, Sendable {
    public var field: String
    public var kind: Kind
    /// The referenced record's plan key, `local:ID`.
    public var key: String

    public init(field: String, kind: Kind, key: String) {
        self.field = field
        self.kind = kind
        self.key = key
    }

    /// The dependency as JSON.
    public var json: JSONValue {
        .object(["field": .string(field), "kind": .string(kind.rawValue), "key": .string(key)])
    }

    /// A dependency read back from ``json``.
    public init(json: JSONValue) throws {
        guard let field = json["field"]?.stringValue, let kindName = json["kind"]?.stringValue, let key = json["key"]?.stringValue else {
            throw PlanError("a dependency needs field, kind and key: \(json)")
        }
        guard let kind = Kind(rawValue: kindName) else { throw PlanError("unknown kind \"\(kindName)\" in a dependency; kinds are \(Kind.allNames)") }
        self.init(field: field, kind: kind, key: key)
    }
}
