internal import GRDB
import Vocabulary

extension ReplicaSchema {
    /// Indexes for the queries that scanned a big table, each pinned to its
    /// plan by `QueryPlanTests`:
    ///
    /// - `time_entries_order`, `materials_order`: the registrations on an
    ///   order (the order export, deleting an order). Partial: a registration
    ///   not on an order is not in it, so inserting hours never writes it.
    ///
    /// Not indexed: hours and materials by employee or by day alone
    /// (`local hours list --employee` or `--from`/`--to` without a project, and
    /// deleting an employee, read the table: a million rows in well under a
    /// second). An index on the employee made every hour inserted cost a
    /// quarter more (`econsync bench replica`: 130,000 tracked rows/s against
    /// 192,000 without it, same machine and run), one on the day more still.
    /// Nor the change log by row:
    /// `local check` compares each table with the log in one pass of each
    /// (EXCEPT) instead, so a tracked insert pays for no second log index.
    static func migrateV6(_ db: Database) throws {
        for kind in [Kind.timeEntry, .material] {
            let table = kind.table
            try db.execute(sql: """
                CREATE INDEX \(table)_order ON \(table)(order_id) WHERE order_id IS NOT NULL;
                """)
        }
    }
}
