internal import GRDB

extension ReplicaSchema {
    /// What a reconcile keeps in the replica: its runs (the plan and how far
    /// it got), the outbox of pushes (each recorded before it is sent), the
    /// conflict journal, and the records a run left for the next one.
    static func migrateV4(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE reconcile_runs (
                id INTEGER PRIMARY KEY,
                agreement INTEGER NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('applying', 'pulled', 'finished')),
                inputs_hash TEXT NOT NULL,
                base_file TEXT,
                snapshot_file TEXT NOT NULL,
                change_sequence INTEGER NOT NULL,
                modules TEXT NOT NULL DEFAULT '',
                plan TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                summary TEXT);
            CREATE INDEX reconcile_runs_agreement ON reconcile_runs(agreement, state);
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES reconcile_runs(id),
                position INTEGER NOT NULL,
                module TEXT NOT NULL,
                kind TEXT NOT NULL,
                record_key TEXT NOT NULL,
                local_id INTEGER,
                local_hash TEXT,
                action TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                operation TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'confirmed', 'failed')),
                economic_key TEXT,
                error TEXT,
                recorded_at TEXT NOT NULL,
                sent_at TEXT,
                settled_at TEXT,
                UNIQUE (run_id, position));
            CREATE INDEX outbox_state ON outbox(run_id, state);
            CREATE TABLE conflicts (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES reconcile_runs(id),
                decided_at TEXT NOT NULL,
                module TEXT NOT NULL,
                kind TEXT NOT NULL,
                record_key TEXT NOT NULL,
                field TEXT NOT NULL,
                base_value TEXT,
                local_value TEXT,
                remote_value TEXT,
                winner TEXT NOT NULL,
                rule TEXT NOT NULL);
            CREATE INDEX conflicts_decided ON conflicts(decided_at);
            CREATE TABLE reconcile_pending (
                agreement INTEGER NOT NULL,
                kind TEXT NOT NULL,
                record_key TEXT NOT NULL,
                reason TEXT NOT NULL,
                PRIMARY KEY (agreement, kind, record_key)) WITHOUT ROWID;
            """)
    }
}
