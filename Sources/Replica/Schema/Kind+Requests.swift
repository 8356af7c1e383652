internal import GRDB
import Vocabulary

/// The hot queries on a kind's table, as requests: the pull, reconcile and
/// plan-apply paths run them per record or per batch, so they are built apart
/// from running them and their plans are pinned by tests (`EXPLAIN QUERY PLAN`
/// in `QueryPlanTests`): an index change cannot silently turn them into scans.
extension Kind {
    /// Whether `department` has no row of this kind, deleted ones included.
    func noRowsRequest(department: Int?) -> SQLRequest<Bool> {
        SQLRequest(literal: "SELECT NOT EXISTS (SELECT 1 FROM \(sql: table) WHERE \(sql: RecordColumn.departmentKey) = \(department ?? -1))")
    }

    /// The local id of the row with e-conomic key `key` in `department`, deleted or not
    /// (the `<table>_foreign_key` index).
    func rowIDRequest(foreignKey key: String, department: Int?) -> SQLRequest<Int64> {
        SQLRequest(literal: """
            SELECT \(RecordColumn.id) FROM \(sql: table)
            WHERE \(sql: RecordColumn.departmentKey) = \(department ?? -1) AND \(RecordColumn.foreignKey) = \(foreignKeyValue(key))
            """, cached: true)
    }

    /// (e-conomic key, local id) of the rows with e-conomic keys `keys` in `department`
    /// (deleted rows included; the `<table>_foreign_key` index).
    func rowIDsRequest(foreignKeys keys: some Collection<String>, department: Int?) -> SQLRequest<Row> {
        SQLRequest(literal: """
            SELECT \(RecordColumn.foreignKey), \(RecordColumn.id) FROM \(sql: table)
            WHERE \(sql: RecordColumn.departmentKey) = \(department ?? -1) AND \(RecordColumn.foreignKey) IS NOT NULL
              AND \(RecordColumn.foreignKey) IN \(keys.map { foreignKeyValue($0) })
            """)
    }

    /// (local id, e-conomic key or null) of every row in `department`, by local id: one pass over the table.
    func rowKeysRequest(department: Int?) -> SQLRequest<Row> {
        SQLRequest(literal: """
            SELECT \(RecordColumn.id), \(RecordColumn.foreignKey) FROM \(sql: table)
            WHERE +\(sql: RecordColumn.departmentKey) = \(department ?? -1) ORDER BY \(RecordColumn.id)
            """)
    }

    /// (local id, e-conomic key) of the rows with local ids `ids` that have a key, in `department`.
    /// The unary `+` keeps SQLite from scanning the department's index instead of looking rows up by id.
    func foreignKeysRequest(ids: some Collection<Int64>, department: Int?) -> SQLRequest<Row> {
        SQLRequest(literal: """
            SELECT \(RecordColumn.id), \(RecordColumn.foreignKey) FROM \(sql: table)
            WHERE \(RecordColumn.id) IN \(Array(ids)) AND \(RecordColumn.foreignKey) IS NOT NULL
              AND +\(sql: RecordColumn.departmentKey) = \(department ?? -1)
            """)
    }

    /// The local ids among `ids` not synced (``unsynced``).
    func unsyncedRequest(among ids: some Collection<Int64>) -> SQLRequest<Int64> {
        SQLRequest(literal: """
            SELECT \(RecordColumn.id) FROM \(sql: table)
            WHERE \(RecordColumn.id) IN \(Array(ids)) AND \(sql: unsynced)
            """)
    }

    /// When a row is not synced: its mapped fields differ from what was last
    /// synced, and, for a registration, it is not exported on an order (which
    /// e-conomic has: it is never sent as a time entry too).
    var unsynced: String {
        let differs = "\(RecordColumn.syncedHash.name) IS NOT \(MappedHash.expression(for: self))"
        return recordType is any Registration.Type ? differs + " AND \(TimeEntry.Columns.orderId.rawValue) IS NULL" : differs
    }

    /// The rows reconcile compares (see ``ReplicaStore/localRows(_:properties:ids:)``):
    /// `columns` of the rows in `department`, all of them by id, or those with local ids `ids`.
    /// The unary `+` keeps SQLite from scanning the department's index instead
    /// of reading the table in id order (or looking rows up by id). A text in
    /// the `whole` columns comes as its bytes (a blob): GRDB reads a text up to
    /// its first NUL, and a compare of e-conomic's `"A\u0000B"` with a replica
    /// value cut to `"A"` would see a local edit that nobody made.
    func localRowsRequest(columns: [String], whole: Set<String> = [], department: Int?, ids: (some Collection<Int64>)?) -> SQLRequest<Row> {
        let selected = SQL(sql: columns.map { column in
            let name = column.quotedDatabaseIdentifier
            return whole.contains(column) ? "CASE typeof(\(name)) WHEN 'text' THEN CAST(\(name) AS BLOB) ELSE \(name) END" : name
        }.joined(separator: ", "))
        let filter: SQL = "+\(sql: RecordColumn.departmentKey) = \(department ?? -1)"
        guard let ids else {
            return SQLRequest(literal: "SELECT \(selected) FROM \(sql: table) WHERE \(filter) ORDER BY \(RecordColumn.id)")
        }
        return SQLRequest(literal: "SELECT \(selected) FROM \(sql: table) WHERE \(filter) AND \(RecordColumn.id) IN \(Array(ids))")
    }

    /// The live rows of `department` whose `column` (`foreign_key`, or a
    /// product's, employee's or project's `number`) is `value`: a reference
    /// typed as `e:KEY` or a number (the `<table>_foreign_key` or
    /// `<table>_number` index, both keyed by department first).
    func liveRowsRequest(_ column: String, _ value: DatabaseValue, department: Int?) -> SQLRequest<Int64> {
        SQLRequest(literal: """
            SELECT \(RecordColumn.id) FROM \(sql: table)
            WHERE \(sql: RecordColumn.departmentKey) = \(department ?? -1) AND \(Column(column)) = \(value) AND \(RecordColumn.tombstone) = 0
            """)
    }

    /// A live row of this kind that refers to row `id` through `reference`:
    /// deleting a record is refused while one does (by the referring column's
    /// index, where the table has one: `time_entries_employee`, `time_entries_order`, …).
    func liveReferrerRequest(_ reference: Reference, id: Int64) -> SQLRequest<Int64> {
        SQLRequest(literal: """
            SELECT \(RecordColumn.id) FROM \(sql: table) WHERE \(Column(reference.column)) = \(id) AND \(RecordColumn.tombstone) = 0 LIMIT 1
            """)
    }
}
