import Snapshot
import Vocabulary

/// What a plan was computed from: the replica's change-log position, and the
/// base and new snapshots (file and SHA-256).
///
/// ```swift
/// PlanInputs(replicaSequence: 812, base: baseSHA, snapshot: newSHA).hash   // "3f1c…"
/// ```
public struct PlanInputs: Equatable, Sendable {
    public var replicaSequence: Int64
    /// The base snapshot's SHA-256; nil on a first reconcile.
    public var base: String?
    public var snapshot: String
    public var baseFile: String?
    public var snapshotFile: String?
    /// The modules the plan covers; empty for all.
    public var modules: [Module]
    /// A trial run's scope, in words (``PlanScope/name``); nil for a run over every record of its modules.
    public var scope: String?

    public init(replicaSequence: Int64, base: String?, snapshot: String, baseFile: String? = nil, snapshotFile: String? = nil,
                modules: [Module] = [], scope: String? = nil) {
        self.scope = scope
        self.replicaSequence = replicaSequence
        self.base = base
        self.snapshot = snapshot
        self.baseFile = baseFile
        self.snapshotFile = snapshotFile
        self.modules = modules.sorted()
    }

    /// The hash a plan carries.
    public var hash: String {
        StableHash.hex([String(replicaSequence), base ?? "-", snapshot] + modules.map(\.rawValue) + (scope.map { ["scope:" + $0] } ?? []))
    }

    var json: JSONValue {
        var object: [String: JSONValue] = ["replicaSequence": .int(replicaSequence), "snapshot": .string(snapshot),
                                           "modules": .array(modules.map { .string($0.rawValue) })]
        object["base"] = base.map(JSONValue.string)
        object["baseFile"] = baseFile.map(JSONValue.string)
        object["snapshotFile"] = snapshotFile.map(JSONValue.string)
        object["scope"] = scope.map(JSONValue.string)
        return .object(object)
    }

    init(json: JSONValue) throws {
        guard let sequence = json["replicaSequence"]?.intValue, let snapshot = json["snapshot"]?.stringValue else {
            throw PlanError("inputs need replicaSequence and snapshot")
        }
        var modules: [Module] = []
        if case .array(let items)? = json["modules"] {
            modules = try items.map { item in
                guard let name = item.stringValue, let module = Module(rawValue: name) else {
                    throw PlanError("unknown module \(item) in the plan's inputs; modules are \(Module.allNames)")
                }
                return module
            }
        }
        self.init(replicaSequence: sequence, base: json["base"]?.stringValue, snapshot: snapshot, baseFile: json["baseFile"]?.stringValue,
                  snapshotFile: json["snapshotFile"]?.stringValue, modules: modules, scope: json["scope"]?.stringValue)
    }
}
