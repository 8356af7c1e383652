/// A bookkeeping value kept in a replica table of its own (module runs and
/// statuses, notifications, order exports, reconcile runs, the outbox, the
/// conflict journal, the snapshot index), stored through ``StoredEntry``.
protocol TableEntry: Codable {
    /// The table that holds the entries.
    static var databaseTableName: String { get }
    /// Takes the id SQLite gave the entry's new row; entries keyed otherwise
    /// say so by ignoring it (no default: each entry type decides).
    mutating func didInsert(rowID: Int64)
}
