internal import GRDB
import Vocabulary

extension ReplicaSchema {
    /// The registrations an order export can take: approved, not on an order, not deleted.
    static let exportable = "approved_at IS NOT NULL AND order_id IS NULL AND tombstone = 0"

    /// Version 10: `time_entries_exportable` and `materials_exportable`, the
    /// registrations an order export can take, by project (the panel's list
    /// of projects to export from; pinned by `QueryPlanTests`). Partial:
    /// hours are approved in the office, so inserting them in the field never
    /// writes it, and exporting takes them out of it.
    static func migrateV10(_ db: Database) throws {
        for kind in [Kind.timeEntry, .material] {
            try db.execute(sql: "CREATE INDEX \(kind.table)_exportable ON \(kind.table)(project_id) WHERE \(exportable)")
        }
    }
}
