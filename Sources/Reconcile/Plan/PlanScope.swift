import Vocabulary

/// The records a trial run is about (the brief's "test with one project
/// first"): a name to show, and per kind the plan keys in it. A plan narrowed
/// to a scope keeps the operations on those records and what they need
/// created or pulled first; everything else waits for a run over everything.
///
/// ```swift
/// let scope = PlanScope(.project, name: "42 (Tagrenovering)", keys: [.project: ["42"], .timeEntry: ["local:7"]])
/// let operations = scope.narrow(plan.operations)
/// ```
public struct PlanScope: Equatable, Sendable, CustomStringConvertible {
    /// The kind of record the scope is (a project).
    public var kind: Kind
    /// Which one, in words: `42 (Tagrenovering)`.
    public var name: String
    /// Per kind, the plan keys of the records in scope (`42`, `local:7`).
    public var keys: [Kind: Set<String>]

    public init(_ kind: Kind, name: String, keys: [Kind: Set<String>]) {
        self.kind = kind
        self.name = name
        self.keys = keys
    }

    /// `project 42 (Tagrenovering)`.
    public var description: String { "\(kind.rawValue) \(name)" }

    /// The modules whose kinds the scope has records of, in run order.
    public var modules: [Module] {
        let owning = Set(keys.filter { !$0.value.isEmpty }.keys.map(\.module))
        return Module.runOrder.filter(owning.contains)
    }

    /// Whether the record `key` of `kind` is in scope.
    public func contains(_ kind: Kind, _ key: String) -> Bool {
        keys[kind]?.contains(key) == true
    }

    /// The operations on records in scope, and, transitively, the operations
    /// they need first: the records their pushes refer to (a field-created
    /// main project, the customer a project pulled from e-conomic names).
    /// The order of `operations` is kept.
    public func narrow(_ operations: [PlanOperation]) -> [PlanOperation] {
        var wanted = keys
        var kept = Set<Int>()
        var added = true
        while added {
            added = false
            for (index, op) in operations.enumerated() where !kept.contains(index) && wanted[op.kind]?.contains(op.key) == true {
                kept.insert(index)
                added = true
                for needed in op.requires { wanted[needed.kind, default: []].insert(needed.key) }
                for (kind, key) in Self.references(of: op) { wanted[kind, default: []].insert(key) }
            }
        }
        return operations.indices.filter(kept.contains).map { operations[$0] }
    }

    /// The records a pulled record names, by kind and key (the replica needs them before it).
    static func references(of op: PlanOperation) -> [(Kind, String)] {
        guard op.action == .pullInsert || op.action == .pullUpdate, let mapping = op.kind.mapping else { return [] }
        return mapping.fields.compactMap { field in
            guard case .reference(let kind) = field.conversion, let value = op.fields[field.economic.description], value != .null else { return nil }
            return (kind, value.keyText)
        }
    }
}
