internal import GRDB

/// A bookkeeping entry (``TableEntry``) as GRDB reads and writes it (see ``StoredAdapter``).
///
/// ```swift
/// let statuses = try StoredEntry<ModuleStatus>.all().fetchValues(db)
/// try StoredEntry.save(status, db)
/// ```
struct StoredEntry<Entry: TableEntry>: StoredAdapter {
    var value: Entry

    init(_ value: Entry) {
        self.value = value
    }

    static var databaseTableName: String { Entry.databaseTableName }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        value.didInsert(rowID: inserted.rowID)
    }
}
