/// A bookkeeping value kept in a replica table of its own (module runs and
/// statuses, notifications, order exports, reconcile runs, the outbox, the
/// conflict journal, the snapshot index), stored through ``StoredEntry``.
protocol TableEntry: Codable {
    /// The table that holds the entries.
    static var databaseTableName: String { get }
    /// Takes the id SQLite gave the entry's new row; entries keyed otherwise ignore it.
    mutating func didInsert(rowID: Int64)
}

extension TableEntry {
    mutating func didInsert(rowID: Int64) {}
}
