internal import GRDB

extension ReplicaSchema {
    /// The snapshot index learns the `delta` mode: a module run's snapshot
    /// rewritten as what changed since the one before it. The table is
    /// copied into one with the wider check, rows and ids kept.
    static func migrateV8(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE snapshots_v8 (
                id INTEGER PRIMARY KEY,
                agreement INTEGER NOT NULL,
                file TEXT NOT NULL UNIQUE,
                taken_at TEXT NOT NULL,
                mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental', 'delta')),
                base_file TEXT,
                records INTEGER NOT NULL,
                counts TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                bytes INTEGER NOT NULL,
                added_at TEXT NOT NULL,
                base_for TEXT,
                audit_references INTEGER NOT NULL DEFAULT 0);
            INSERT INTO snapshots_v8 SELECT id, agreement, file, taken_at, mode, base_file, records, counts, sha256, bytes, added_at,
                base_for, audit_references FROM snapshots;
            DROP TABLE snapshots;
            ALTER TABLE snapshots_v8 RENAME TO snapshots;
            CREATE INDEX snapshots_agreement ON snapshots(agreement, taken_at);
            """)
    }
}
