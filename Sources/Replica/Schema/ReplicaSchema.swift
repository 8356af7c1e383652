import Vocabulary
internal import GRDB

/// The replica's schema and its versioned migrations.
///
/// Migrations are append-only: a released migration never changes, a new
/// schema version is a new migration. The latest version is
/// ``ReplicaSchema/version``.
enum ReplicaSchema {
    /// `PRAGMA application_id` of an econsync replica ("ECSN").
    static let applicationID: Int32 = 1_162_040_142

    /// The migrations, oldest first; each one's position (1-based) is the schema version it produces.
    static let migrations: [(identifier: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("v1-entities-and-change-log", migrateV1),
        ("v2-settings-and-project-employees", migrateV2),
        ("v3-snapshot-index", migrateV3),
        ("v4-reconcile-runs-outbox-conflicts", migrateV4),
        ("v5-module-status-runs-notifications", migrateV5),
        ("v6-indexes-for-check-and-listings", migrateV6),
        ("v7-order-export-sent-and-released", migrateV7),
        ("v8-snapshot-deltas", migrateV8),
        ("v9-trial-run-scope", migrateV9),
        ("v10-exportable-registrations", migrateV10),
    ]

    /// The schema version this build writes.
    static var version: Int { migrations.count }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, migration) in migrations.enumerated() {
            migrator.registerMigration(migration.identifier) { db in
                try migration.migrate(db)
                try db.execute(sql: "PRAGMA user_version = \(index + 1)")
            }
        }
        return migrator
    }

    /// The columns every entity table starts with.
    static func commonColumns(foreignKeyType: String = "INTEGER") -> String {
        """
        id INTEGER PRIMARY KEY,
        foreign_key \(foreignKeyType),
        department INTEGER,
        synced_hash TEXT,
        tombstone INTEGER NOT NULL DEFAULT 0 CHECK (tombstone IN (0, 1))
        """
    }

    static func migrateV1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        for kind in [Kind.unit, .productGroup, .customerGroup, .vatZone, .layout, .department] {
            try db.execute(sql: "CREATE TABLE \(kind.table) (\(commonColumns()), name TEXT NOT NULL)")
        }
        try db.execute(sql: """
            CREATE TABLE payment_terms (\(commonColumns()),
                name TEXT NOT NULL, type TEXT, days_of_credit INTEGER);
            CREATE TABLE customers (\(commonColumns()),
                name TEXT NOT NULL, cvr TEXT, address TEXT, zip TEXT, city TEXT, country TEXT,
                phone TEXT, email TEXT, currency TEXT NOT NULL DEFAULT 'DKK',
                customer_group_id INTEGER REFERENCES customer_groups(id),
                payment_term_id INTEGER REFERENCES payment_terms(id),
                vat_zone_id INTEGER REFERENCES vat_zones(id),
                barred INTEGER NOT NULL DEFAULT 0 CHECK (barred IN (0, 1)));
            CREATE INDEX customers_cvr ON customers(cvr) WHERE cvr IS NOT NULL;
            CREATE TABLE contacts (\(commonColumns()),
                customer_id INTEGER NOT NULL REFERENCES customers(id),
                name TEXT NOT NULL, email TEXT, phone TEXT);
            CREATE INDEX contacts_customer ON contacts(customer_id);
            CREATE TABLE suppliers (\(commonColumns()),
                name TEXT NOT NULL, cvr TEXT, address TEXT, zip TEXT, city TEXT, email TEXT, phone TEXT,
                barred INTEGER NOT NULL DEFAULT 0 CHECK (barred IN (0, 1)));
            CREATE TABLE products (\(commonColumns(foreignKeyType: "TEXT")),
                number TEXT NOT NULL, name TEXT NOT NULL, sales_price REAL, cost_price REAL,
                unit_id INTEGER REFERENCES units(id),
                product_group_id INTEGER REFERENCES product_groups(id),
                barred INTEGER NOT NULL DEFAULT 0 CHECK (barred IN (0, 1)));
            CREATE UNIQUE INDEX products_number ON products(ifnull(department, -1), number) WHERE tombstone = 0;
            CREATE TABLE employees (\(commonColumns()),
                number INTEGER, name TEXT NOT NULL, email TEXT, phone TEXT,
                hourly_cost_rate REAL, hourly_sales_rate REAL,
                barred INTEGER NOT NULL DEFAULT 0 CHECK (barred IN (0, 1)));
            CREATE UNIQUE INDEX employees_number ON employees(ifnull(department, -1), number)
                WHERE tombstone = 0 AND number IS NOT NULL;
            CREATE TABLE hour_types (\(commonColumns()),
                name TEXT NOT NULL, activity_number INTEGER,
                product_id INTEGER REFERENCES products(id),
                barred INTEGER NOT NULL DEFAULT 0 CHECK (barred IN (0, 1)));
            CREATE TABLE projects (\(commonColumns()),
                number INTEGER, name TEXT NOT NULL,
                customer_id INTEGER REFERENCES customers(id),
                parent_id INTEGER REFERENCES projects(id),
                project_group INTEGER, description TEXT,
                barred INTEGER NOT NULL DEFAULT 0 CHECK (barred IN (0, 1)),
                closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)));
            CREATE UNIQUE INDEX projects_number ON projects(ifnull(department, -1), number)
                WHERE tombstone = 0 AND number IS NOT NULL;
            CREATE INDEX projects_parent ON projects(parent_id) WHERE parent_id IS NOT NULL;
            CREATE TABLE orders (\(commonColumns()),
                customer_id INTEGER NOT NULL REFERENCES customers(id),
                project_id INTEGER REFERENCES projects(id),
                layout_id INTEGER REFERENCES layouts(id),
                date TEXT NOT NULL, heading TEXT);
            CREATE TABLE time_entries (\(commonColumns()),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                project_id INTEGER NOT NULL REFERENCES projects(id),
                hour_type_id INTEGER NOT NULL REFERENCES hour_types(id),
                date TEXT NOT NULL,
                hours REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
                note TEXT, approved_at TEXT, approved_by TEXT, transferred_at TEXT,
                order_id INTEGER REFERENCES orders(id));
            CREATE INDEX time_entries_project ON time_entries(project_id);
            CREATE TABLE materials (\(commonColumns()),
                product_id INTEGER NOT NULL REFERENCES products(id),
                project_id INTEGER NOT NULL REFERENCES projects(id),
                employee_id INTEGER REFERENCES employees(id),
                date TEXT NOT NULL,
                quantity REAL NOT NULL CHECK (quantity > 0),
                unit_id INTEGER REFERENCES units(id),
                note TEXT, approved_at TEXT, approved_by TEXT, transferred_at TEXT,
                order_id INTEGER REFERENCES orders(id));
            CREATE INDEX materials_project ON materials(project_id);
            CREATE TABLE change_log (
                seq INTEGER PRIMARY KEY,
                kind INTEGER NOT NULL,
                row_id INTEGER NOT NULL,
                op INTEGER NOT NULL,
                at INTEGER NOT NULL);
            CREATE TABLE change_kinds (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE VIEW changes AS
                SELECT c.seq, k.name AS kind, c.row_id,
                       CASE c.op WHEN 0 THEN 'insert' WHEN 1 THEN 'update' ELSE 'delete' END AS operation,
                       datetime(c.at, 'unixepoch') AS at
                FROM change_log c JOIN change_kinds k ON k.code = c.kind;
            """)
        for kind in Kind.allCases {
            try db.execute(sql: "INSERT INTO change_kinds(code, name) VALUES (?, ?)", arguments: [kind.code, kind.rawValue])
        }
        for kind in Kind.allCases {
            try db.execute(sql: """
                CREATE UNIQUE INDEX \(kind.table)_foreign_key ON \(kind.table)(ifnull(department, -1), foreign_key)
                WHERE foreign_key IS NOT NULL
                """)
            try ChangeTracking.install(db, kind: kind)
        }
    }

    /// The index of the snapshot store: which snapshots exist, and which of
    /// them a reconcile or an audit still needs.
    static func migrateV3(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE snapshots (
                id INTEGER PRIMARY KEY,
                agreement INTEGER NOT NULL,
                file TEXT NOT NULL UNIQUE,
                taken_at TEXT NOT NULL,
                mode TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
                base_file TEXT,
                records INTEGER NOT NULL,
                counts TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                bytes INTEGER NOT NULL,
                added_at TEXT NOT NULL,
                base_for TEXT,
                audit_references INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX snapshots_agreement ON snapshots(agreement, taken_at);
            """)
    }

    static func migrateV2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL);
            CREATE TABLE project_employees (
                project_id INTEGER NOT NULL REFERENCES projects(id),
                employee_id INTEGER NOT NULL REFERENCES employees(id),
                PRIMARY KEY (project_id, employee_id)) WITHOUT ROWID;
            CREATE INDEX project_employees_employee ON project_employees(employee_id);
            CREATE TRIGGER project_employees_insert AFTER INSERT ON project_employees BEGIN
                INSERT INTO change_log(kind, row_id, op, at) VALUES (\(Kind.project.code), NEW.project_id, 1, econsync_now());
            END;
            CREATE TRIGGER project_employees_delete AFTER DELETE ON project_employees BEGIN
                INSERT INTO change_log(kind, row_id, op, at) VALUES (\(Kind.project.code), OLD.project_id, 1, econsync_now());
            END;
            """)
    }
}
