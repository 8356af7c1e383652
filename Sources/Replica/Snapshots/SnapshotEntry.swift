/// One snapshot in the store's index: which file, of which agreement, taken
/// when, full or incremental, its counts and hash, and whether a reconcile or
/// an audit still needs it (then pruning keeps it).
public struct SnapshotEntry: Codable, Equatable, Sendable {
    static let databaseTableName = "snapshots"

    public var id: Int64?
    public var agreement: Int
    /// The file, relative to the data directory.
    public var file: String
    /// When it was taken, UTC, ISO 8601.
    public var takenAt: String
    /// `full`, `incremental` (pulled as the changes since a base, written
    /// whole) or `delta` (holds what changed since `baseFile`).
    public var mode: String
    /// The snapshot an incremental one or a delta builds on.
    public var baseFile: String?
    /// Records in the file (a delta's own, not the whole state's).
    public var records: Int
    /// Records per kind in the file, as JSON.
    public var counts: String
    public var sha256: String
    /// Size of the compressed file.
    public var bytes: Int64
    /// When it was added to the store.
    public var addedAt: String
    /// The reconcile that uses it as its base, if any.
    public var baseFor: String?
    /// How many audit journal entries refer to it.
    public var auditReferences: Int

    public init(agreement: Int, file: String, takenAt: String, mode: String, baseFile: String?, records: Int, counts: String,
                sha256: String, bytes: Int64, addedAt: String, baseFor: String? = nil, auditReferences: Int = 0) {
        self.agreement = agreement
        self.file = file
        self.takenAt = takenAt
        self.mode = mode
        self.baseFile = baseFile
        self.records = records
        self.counts = counts
        self.sha256 = sha256
        self.bytes = bytes
        self.addedAt = addedAt
        self.baseFor = baseFor
        self.auditReferences = auditReferences
    }

    /// Whether a reconcile or an audit still needs the snapshot.
    public var isProtected: Bool { baseFor != nil || auditReferences > 0 }

    mutating func didInsert(rowID: Int64) {
        id = rowID
    }
}

extension SnapshotEntry {
    /// The columns of `snapshots`, each named once: the case is the property, its raw
    /// value the column (`Columns.id.column` in requests).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case agreement
        case file
        case takenAt = "taken_at"
        case mode
        case baseFile = "base_file"
        case records
        case counts
        case sha256
        case bytes
        case addedAt = "added_at"
        case baseFor = "base_for"
        case auditReferences = "audit_references"
    }
}

extension SnapshotEntry: ColumnNaming {}

extension SnapshotEntry: TableEntry {}
