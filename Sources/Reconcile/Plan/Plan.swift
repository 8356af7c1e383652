import Snapshot
import Vocabulary

/// What a reconcile will do, as a value: operations in the order they must
/// run (pulls, then pushes in dependency order, then what is skipped or
/// blocked), and the inputs it was computed from, so a plan is refused at
/// apply time when the replica or the base moved.
///
/// ```swift
/// let plan = Plan(operations: ops, inputs: PlanInputs(replicaSequence: 812, base: baseSHA, snapshot: newSHA))
/// print(plan.counts)   // ["products": ["update": 3], …]
/// ```
public struct Plan: Equatable, Sendable {
    public var operations: [PlanOperation]
    public var inputs: PlanInputs
    /// The hash of ``inputs``.
    public var inputsHash: String { inputs.hash }

    /// A plan of `operations`, ordered, with pushes whose dependencies are not
    /// created by the same plan turned into blocks.
    public init(operations: [PlanOperation], inputs: PlanInputs) {
        self.operations = Self.ordered(Self.settled(operations))
        self.inputs = inputs
    }

    /// Pulls, then pushes, then skips and blocks; each in dependency order, else as given.
    static func ordered(_ operations: [PlanOperation]) -> [PlanOperation] {
        let ranks = operations.map { op in
            let phase = op.action.isPush ? 1 : (op.action == .skip || op.action == .block ? 2 : 0)
            return phase * 100 + op.kind.dependencyRank
        }
        return operations.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.map { operations[$0] }
    }

    /// Pushes that need a record the plan does not create become blocks, until none is left
    /// (a block can take down what depends on it in turn).
    static func settled(_ operations: [PlanOperation]) -> [PlanOperation] {
        var operations = operations
        var changed = true
        while changed {
            changed = false
            let created = Dictionary(operations.filter { $0.action == .create || $0.action == .block || $0.action == .skip }
                .map { ($0.target, $0) }, uniquingKeysWith: { first, _ in first })
            for index in operations.indices where operations[index].action.isPush {
                let op = operations[index]
                guard let missing = op.requires.first(where: { created["\($0.kind)/\($0.key)"]?.action != .create }) else { continue }
                let why = created["\(missing.kind)/\(missing.key)"]?.because
                operations[index] = PlanOperation(kind: op.kind, key: op.key, action: .block,
                                                  because: .dependencyMissing(field: missing.field, missing.kind, key: missing.key, because: why))
                changed = true
            }
        }
        return operations
    }

    /// Operations per module and action.
    public var counts: [Module: [String: Int]] {
        operations.reduce(into: [:]) { counts, op in counts[op.module, default: [:]][op.action.rawValue, default: 0] += 1 }
    }

    /// Whether there is nothing to push or pull.
    public var isEmpty: Bool { !operations.contains { $0.action != .skip && $0.action != .block } }

    /// The plan as canonical JSON.
    public var json: JSONValue {
        .object(["format": .string(Self.format), "inputs": inputs.json, "inputsHash": .string(inputsHash),
                 "operations": .array(operations.map(\.json))])
    }

    /// ``json`` as canonical text, written an operation at a time (a first
    /// sync's plan holds every record: its whole JSON tree is never built).
    public var canonicalBytes: [UInt8] {
        var output: [UInt8] = []
        output.append(contentsOf: #"{"format":"#.utf8)
        CanonicalJSON.writeString(Self.format, into: &output)
        output.append(contentsOf: #","inputs":"#.utf8)
        CanonicalJSON.write(inputs.json, into: &output)
        output.append(contentsOf: #","inputsHash":"#.utf8)
        CanonicalJSON.writeString(inputsHash, into: &output)
        output.append(contentsOf: #","operations":["#.utf8)
        for (index, operation) in operations.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            CanonicalJSON.write(operation.json, into: &output)
        }
        output.append(contentsOf: "]}".utf8)
        return output
    }

    /// The `format` a plan file carries.
    public static let format = "econsync-plan/1"

    /// A plan read back from ``json`` (a plan file), as it was written.
    public init(json: JSONValue) throws {
        guard json["format"]?.stringValue == Self.format else {
            throw PlanError("not an econsync plan (\"format\" must be \"\(Self.format)\")")
        }
        guard let inputs = json["inputs"], case .array(let items)? = json["operations"] else {
            throw PlanError("a plan needs inputs and operations")
        }
        self.inputs = try PlanInputs(json: inputs)
        self.operations = try items.map(PlanOperation.init(json:))
        if let hash = json["inputsHash"]?.stringValue, hash != self.inputs.hash {
            throw PlanError("inputsHash does not match the plan's inputs: the file was edited")
        }
    }
}
