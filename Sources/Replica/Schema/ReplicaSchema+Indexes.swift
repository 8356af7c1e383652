import GRDB
import Vocabulary

extension ReplicaSchema {
    /// Indexes for the queries that scanned a big table, each pinned to its
    /// plan by `QueryPlanTests`:
    ///
    /// - `time_entries_employee`, `materials_employee`: the registrations of an
    ///   employee (`local hours list --employee`, with or without days; deleting
    ///   an employee looks for live ones). On the employee alone: a bulk insert
    ///   adds each row at the end of its employee's run of ids, where an
    ///   `(employee_id, date)` index would put it at a random day.
    /// - `time_entries_order`, `materials_order`: the registrations on an
    ///   order (the order export, deleting an order). Partial: a registration
    ///   not on an order is not in it, so inserting hours never writes it.
    ///
    /// Not indexed: hours and materials by day alone (`--from`/`--to` without a
    /// project or an employee reads the table): an index on `date` is written
    /// at a random place for every hour inserted. Nor the change log by row:
    /// `local check` compares each table with the log in one pass of each
    /// (EXCEPT) instead, so a tracked insert pays for no second log index.
    static func migrateV6(_ db: Database) throws {
        for kind in [Kind.timeEntry, .material] {
            let table = kind.table
            try db.execute(sql: """
                CREATE INDEX \(table)_employee ON \(table)(employee_id);
                CREATE INDEX \(table)_order ON \(table)(order_id) WHERE order_id IS NOT NULL;
                """)
        }
    }
}
