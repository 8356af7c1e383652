/// One entry of the conflict journal: a field changed on both sides, the
/// three values (as JSON text; nil when the field was absent), which side won
/// and by which rule.
public struct ConflictEntry: Codable, Equatable, Sendable {
    static let databaseTableName = "conflicts"

    public var id: Int64?
    public var runId: Int64
    public var decidedAt: String
    public var module: String
    public var kind: String
    public var recordKey: String
    public var field: String
    public var baseValue: String?
    public var localValue: String?
    public var remoteValue: String?
    /// `mobilplan` or `economic`.
    public var winner: String
    public var rule: String

    public init(runId: Int64, decidedAt: String, module: String, kind: String, recordKey: String, field: String, baseValue: String?,
                localValue: String?, remoteValue: String?, winner: String, rule: String) {
        self.runId = runId
        self.decidedAt = decidedAt
        self.module = module
        self.kind = kind
        self.recordKey = recordKey
        self.field = field
        self.baseValue = baseValue
        self.localValue = localValue
        self.remoteValue = remoteValue
        self.winner = winner
        self.rule = rule
    }

    mutating func didInsert(rowID: Int64) {
        id = rowID
    }
}

extension ConflictEntry {
    /// The columns of `conflicts`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case runId = "run_id"
        case decidedAt = "decided_at"
        case module
        case kind
        case recordKey = "record_key"
        case field
        case baseValue = "base_value"
        case localValue = "local_value"
        case remoteValue = "remote_value"
        case winner
        case rule
    }
}

extension ConflictEntry: ColumnNaming {}

extension ConflictEntry: TableEntry {}
