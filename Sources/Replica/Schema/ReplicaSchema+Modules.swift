internal import GRDB

extension ReplicaSchema {
    /// What the module scheduler keeps in the replica: each module's status
    /// and run lease, the history of its runs (forced or not, what they did,
    /// the calls they made), the notifications sent about its errors, and the
    /// journal of order exports (each recorded before it is sent).
    static func migrateV5(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE module_status (
                module TEXT PRIMARY KEY,
                state TEXT NOT NULL DEFAULT 'idle' CHECK (state IN ('idle', 'running', 'failed', 'needsReconnect')),
                lease_owner TEXT,
                lease_run INTEGER,
                last_start TEXT,
                last_end TEXT,
                last_success TEXT,
                last_full TEXT,
                next_due TEXT,
                last_error TEXT,
                last_error_kind TEXT) WITHOUT ROWID;
            CREATE TABLE module_runs (
                id INTEGER PRIMARY KEY,
                module TEXT NOT NULL,
                owner TEXT NOT NULL,
                started_at TEXT NOT NULL,
                ended_at TEXT,
                outcome TEXT NOT NULL CHECK (outcome IN ('running', 'succeeded', 'failed', 'timedOut', 'needsReconnect')),
                forced INTEGER NOT NULL DEFAULT 0,
                full INTEGER NOT NULL DEFAULT 0,
                pulled INTEGER NOT NULL DEFAULT 0,
                pushed INTEGER NOT NULL DEFAULT 0,
                skipped INTEGER NOT NULL DEFAULT 0,
                blocked INTEGER NOT NULL DEFAULT 0,
                conflicts INTEGER NOT NULL DEFAULT 0,
                api_calls INTEGER NOT NULL DEFAULT 0,
                error TEXT,
                error_kind TEXT);
            CREATE INDEX module_runs_module ON module_runs(module, started_at);
            CREATE TABLE notifications (
                id INTEGER PRIMARY KEY,
                module TEXT NOT NULL,
                error_kind TEXT NOT NULL,
                at TEXT NOT NULL,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('sent', 'failed', 'suppressed', 'recorded')),
                error TEXT);
            CREATE INDEX notifications_module ON notifications(module, error_kind, at);
            CREATE TABLE order_exports (
                id INTEGER PRIMARY KEY,
                order_id INTEGER NOT NULL REFERENCES orders(id),
                project_id INTEGER NOT NULL REFERENCES projects(id),
                idempotency_key TEXT NOT NULL UNIQUE,
                body TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'failed')),
                order_number INTEGER,
                lines INTEGER NOT NULL,
                net_amount TEXT NOT NULL,
                created_at TEXT NOT NULL,
                settled_at TEXT,
                error TEXT);
            CREATE INDEX order_exports_project ON order_exports(project_id, state);
            """)
    }
}
