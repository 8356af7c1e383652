internal import GRDB

extension ReplicaSchema {
    /// Order exports learn where their draft went in e-conomic: `sent` (sent
    /// or archived there; its registrations stay exported) and `released`
    /// (deleted there; its registrations were freed to be exported again).
    /// SQLite cannot widen a CHECK in place, so the table is copied into a
    /// new one with the wider check, rows and ids kept.
    static func migrateV7(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE order_exports_v7 (
                id INTEGER PRIMARY KEY,
                order_id INTEGER NOT NULL REFERENCES orders(id),
                project_id INTEGER NOT NULL REFERENCES projects(id),
                idempotency_key TEXT NOT NULL UNIQUE,
                body TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'failed', 'sent', 'released')),
                order_number INTEGER,
                lines INTEGER NOT NULL,
                net_amount TEXT NOT NULL,
                created_at TEXT NOT NULL,
                settled_at TEXT,
                error TEXT);
            INSERT INTO order_exports_v7 SELECT id, order_id, project_id, idempotency_key, body, state, order_number, lines,
                net_amount, created_at, settled_at, error FROM order_exports;
            DROP TABLE order_exports;
            ALTER TABLE order_exports_v7 RENAME TO order_exports;
            CREATE INDEX order_exports_project ON order_exports(project_id, state);
            """)
    }
}
