import Snapshot

/// What a reconcile will do, as a value: operations in the order they must
/// run (pushes in dependency order), and a hash of the inputs it was computed
/// from, so a plan is refused at apply time when the replica or the base moved.
///
/// ```swift
/// let plan = Plan(operations: ops, inputsHash: PlanInputs(replicaSequence: 812, base: baseSHA, snapshot: newSHA).hash)
/// print(plan.counts)   // ["products": ["update": 3], …]
/// ```
public struct Plan: Equatable, Sendable {
    public var operations: [PlanOperation]
    public var inputsHash: String

    public init(operations: [PlanOperation], inputsHash: String) {
        self.operations = Self.ordered(operations)
        self.inputsHash = inputsHash
    }

    /// e-conomic's dependency order for pushes (ARCHITECTURE §5): what a record
    /// refers to is created first.
    public static let pushOrder = ["customerGroup", "customer", "contact", "unit", "productGroup", "product", "project", "employee",
                                   "hourType", "timeEntry", "material", "order"]

    static func ordered(_ operations: [PlanOperation]) -> [PlanOperation] {
        func rank(_ op: PlanOperation) -> (Int, Int) {
            let phase = op.action.isPush ? 1 : (op.action == .skip || op.action == .block ? 2 : 0)
            return (phase, pushOrder.firstIndex(of: op.kind) ?? pushOrder.count)
        }
        return operations.enumerated().sorted { lhs, rhs in
            let (l, r) = (rank(lhs.element), rank(rhs.element))
            return l != r ? l < r : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Operations per module and action.
    public var counts: [String: [String: Int]] {
        operations.reduce(into: [:]) { counts, op in counts[op.module, default: [:]][op.action.rawValue, default: 0] += 1 }
    }

    /// Whether there is nothing to push or pull.
    public var isEmpty: Bool { !operations.contains { $0.action != .skip && $0.action != .block } }

    /// The plan as canonical JSON.
    public var json: JSONValue {
        .object(["inputsHash": .string(inputsHash), "operations": .array(operations.map(\.json))])
    }
}

/// What a plan was computed from: the replica's change-log position and the
/// base and new snapshots' hashes.
public struct PlanInputs: Equatable, Sendable {
    public var replicaSequence: Int64
    public var base: String?
    public var snapshot: String

    public init(replicaSequence: Int64, base: String?, snapshot: String) {
        self.replicaSequence = replicaSequence
        self.base = base
        self.snapshot = snapshot
    }

    /// The hash a plan carries.
    public var hash: String { StableHash.hex([String(replicaSequence), base ?? "-", snapshot]) }
}
