import GRDB
import Vocabulary

extension ReplicaSchema {
    /// Indexes for the queries that scanned a big table, each pinned to its
    /// plan by `QueryPlanTests`:
    ///
    /// - `change_log_row`: the change log by kind and row. `local check` asks,
    ///   for every row of every table, whether its insert was logged, and, of
    ///   every kind's logged rows, whether they exist; without it each row of
    ///   each table scanned the whole log.
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
    /// at a random place for every hour inserted.
    static func migrateV6(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX change_log_row ON change_log(kind, row_id, op)")
        for kind in [Kind.timeEntry, .material] {
            let table = kind.table
            try db.execute(sql: """
                CREATE INDEX \(table)_employee ON \(table)(employee_id);
                CREATE INDEX \(table)_order ON \(table)(order_id) WHERE order_id IS NOT NULL;
                """)
        }
    }
}
