internal import GRDB

extension ReplicaSchema {
    /// Version 9: a reconcile run remembers the scope of a trial run (one
    /// project), so that it never counts as the last run over everything.
    static func migrateV9(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE reconcile_runs ADD COLUMN scope TEXT")
    }
}
