/// One run of a sync module as the replica remembers it: who ran it, whether
/// it was forced past the cooldown or compared every record, what it did, the
/// e-conomic calls it used, and how it ended.
public struct ModuleRun: Codable, Equatable, Sendable {
    static let databaseTableName = "module_runs"

    /// How a run ended.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        case running, succeeded, failed
        /// Found still "running" after the timeout (12 hours) and released.
        case timedOut
        /// Stopped by e-conomic's "Token expired".
        case needsReconnect
    }

    public var id: Int64?
    public var module: String
    public var owner: String
    public var startedAt: String
    public var endedAt: String?
    public var outcome: Outcome
    /// Run with `--force`, inside the cooldown.
    public var forced: Bool
    public var full: Bool
    public var pulled = 0
    public var pushed = 0
    public var skipped = 0
    public var blocked = 0
    public var conflicts = 0
    public var apiCalls = 0
    public var error: String?
    public var errorKind: String?

    public init(module: String, owner: String, startedAt: String, forced: Bool, full: Bool) {
        self.module = module
        self.owner = owner
        self.startedAt = startedAt
        self.outcome = .running
        self.forced = forced
        self.full = full
    }

    mutating func didInsert(rowID: Int64) {
        id = rowID
    }
}

extension ModuleRun {
    /// The columns of `module_runs`, each named once: the case is the property, its raw
    /// value the column (`Columns.id.column` in requests).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case module
        case owner
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case outcome
        case forced
        case full
        case pulled
        case pushed
        case skipped
        case blocked
        case conflicts
        case apiCalls = "api_calls"
        case error
        case errorKind = "error_kind"
    }
}

extension ModuleRun: ColumnNaming {}

extension ModuleRun: TableEntry {}
