internal import GRDB

/// One reconcile as the replica remembers it: the plan it applies (as JSON),
/// what it was computed from, and how far it got. A run in state `applying`
/// or `pulled` was interrupted and must be resumed before another starts.
///
/// ```swift
/// if let run = try replica.unfinishedRun(agreement: 1118081) { print("resume run \(run.id!)") }
/// ```
public struct ReconcileRun: Codable, Equatable, Sendable {
    static let databaseTableName = "reconcile_runs"

    /// How far a run got.
    public enum State: String, Codable, Sendable {
        /// Recorded with its outbox; pulls not yet written.
        case applying
        /// Pulls written; pushes under way.
        case pulled
        case finished
    }

    public var id: Int64?
    public var agreement: Int
    public var state: State
    public var inputsHash: String
    /// The base snapshot the plan was computed against (none on a first reconcile).
    public var baseFile: String?
    /// The snapshot of e-conomic the plan was computed from; it becomes the base when the run finishes.
    public var snapshotFile: String
    /// The replica's change-log position when the plan was computed.
    public var changeSequence: Int64
    /// The modules the run covered, comma-separated; empty for all. Only a run
    /// over every module moves the base on.
    public var modules: String
    /// A trial run's scope in words (`project 42`); nil for a run over every
    /// record of its modules. A trial run is never the last run a later one
    /// compares from: the records out of its scope were not looked at.
    public var scope: String?
    /// The plan, as canonical JSON, while the run is unfinished; empty once it finished (its summary and outbox rows remain).
    public var plan: String
    public var startedAt: String
    public var finishedAt: String?
    /// What the run did, as JSON (counts of confirmed and failed operations).
    public var summary: String?

    public init(agreement: Int, inputsHash: String, baseFile: String?, snapshotFile: String, changeSequence: Int64, modules: [String] = [],
                scope: String? = nil, plan: String, startedAt: String) {
        self.scope = scope
        self.modules = modules.joined(separator: ",")
        self.agreement = agreement
        self.state = .applying
        self.inputsHash = inputsHash
        self.baseFile = baseFile
        self.snapshotFile = snapshotFile
        self.changeSequence = changeSequence
        self.plan = plan
        self.startedAt = startedAt
    }

    mutating func didInsert(rowID: Int64) {
        id = rowID
    }
}

extension ReconcileRun {
    /// The columns of `reconcile_runs`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case agreement
        case state
        case inputsHash = "inputs_hash"
        case baseFile = "base_file"
        case snapshotFile = "snapshot_file"
        case changeSequence = "change_sequence"
        case modules
        case scope
        case plan
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case summary
    }
}

extension ReconcileRun {
    /// The agreement's runs that were started but not finished, latest first (the `reconcile_runs_agreement` index).
    static func unfinished(agreement: Int) -> QueryInterfaceRequest<StoredEntry<ReconcileRun>> {
        StoredEntry.filter(Columns.agreement.column == agreement && Columns.state.column != State.finished.rawValue).order(Columns.id.column.desc)
    }
}

extension ReconcileRun: ColumnNaming {}

extension ReconcileRun: TableEntry {}
