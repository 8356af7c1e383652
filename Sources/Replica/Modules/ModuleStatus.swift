/// One sync module's stored status: its state, who holds its run lease, when
/// it last started, ended and succeeded, when it is due again, and its last
/// error. A module never run has no row; read it as ``ModuleStatus/init(module:)``.
///
/// ```swift
/// let status = try replica.moduleStatus("customers")
/// print(status.state, status.nextDue ?? "due now")
/// ```
public struct ModuleStatus: Codable, Equatable, Sendable {
    static let databaseTableName = "module_status"

    /// What a module is doing.
    public enum State: String, Codable, Sendable, CaseIterable {
        case idle
        /// A process holds the module's lease and is running it.
        case running
        /// The last run failed; it is tried again when due.
        case failed
        /// e-conomic answered "Token expired": nothing runs until `econsync reconnect`.
        case needsReconnect
    }

    public var module: String
    public var state: State
    /// The process holding the lease (`pid@host`), while running.
    public var leaseOwner: String?
    /// The ``ModuleRun`` the lease belongs to, while running.
    public var leaseRun: Int64?
    public var lastStart: String?
    public var lastEnd: String?
    public var lastSuccess: String?
    /// When the last full reconcile (every record compared) ended.
    public var lastFull: String?
    public var nextDue: String?
    public var lastError: String?
    /// The error's kind (`customerNotFound`, `needsReconnect`, `timedOut`, …), for notifications.
    public var lastErrorKind: String?

    /// The status of a module that has never run.
    public init(module: String) {
        self.module = module
        self.state = .idle
    }
}

extension ModuleStatus {
    /// The columns of `module_status`, each named once: the case is the property, its raw
    /// value the column (`Columns.id.column` in requests).
    public enum Columns: String, CaseIterable, Sendable {
        case module
        case state
        case leaseOwner = "lease_owner"
        case leaseRun = "lease_run"
        case lastStart = "last_start"
        case lastEnd = "last_end"
        case lastSuccess = "last_success"
        case lastFull = "last_full"
        case nextDue = "next_due"
        case lastError = "last_error"
        case lastErrorKind = "last_error_kind"
    }
}

extension ModuleStatus: ColumnNaming {}

extension ModuleStatus: TableEntry {
    /// Keyed by its module: the row id is not kept.
    mutating func didInsert(rowID: Int64) {}
}
