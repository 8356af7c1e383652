/// One notification about a module's error: recorded always, e-mailed when
/// SMTP is configured, suppressed when the same module and error kind was
/// mailed within the hour.
public struct NotificationEntry: Codable, Equatable, Sendable {
    static let databaseTableName = "notifications"

    /// What became of it.
    public enum State: String, Codable, Sendable {
        /// Kept in the replica only: no SMTP settings.
        case recorded
        case sent
        /// Mailing it failed (`error` says why).
        case failed
        /// Not mailed: one about the same module and error kind went out within the hour.
        case suppressed
    }

    public var id: Int64?
    public var module: String
    public var errorKind: String
    public var at: String
    public var subject: String
    public var body: String
    public var state: State
    public var error: String?

    public init(module: String, errorKind: String, at: String, subject: String, body: String, state: State, error: String? = nil) {
        self.module = module
        self.errorKind = errorKind
        self.at = at
        self.subject = subject
        self.body = body
        self.state = state
        self.error = error
    }

    mutating func didInsert(rowID: Int64) {
        id = rowID
    }
}

extension NotificationEntry {
    /// The columns of `notifications`, each named once: the case is the property, its raw
    /// value the column (`Columns.id.column` in requests).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case module
        case errorKind = "error_kind"
        case at
        case subject
        case body
        case state
        case error
    }
}

extension NotificationEntry: ColumnNaming {}

extension NotificationEntry: TableEntry {}
