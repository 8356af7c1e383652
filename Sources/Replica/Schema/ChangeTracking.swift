import Vocabulary
internal import GRDB

/// Installs the triggers that write a `change_log` row, in the writing
/// transaction, for every insert, real update and delete of an entity table.
///
/// An update is logged only when a column other than `synced_hash` actually
/// changes value, so marking rows synced is not itself a change. Setting
/// `tombstone` logs a `delete`.
///
/// Log rows are compact (kind and operation as small integers, time in
/// seconds) because every write pays for one; the `changes` view spells them out.
enum ChangeTracking {
    static func install(_ db: Database, kind: Kind) throws {
        let table = kind.table
        let columns = try db.columns(in: table).map(\.name).filter { $0 != "id" && $0 != "synced_hash" }
        let changed = columns.map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ")
        let log = "INSERT INTO change_log(kind, row_id, op, at) VALUES (\(kind.code)"
        try db.execute(sql: """
            DROP TRIGGER IF EXISTS \(insertTrigger(kind));
            DROP TRIGGER IF EXISTS \(table)_update;
            DROP TRIGGER IF EXISTS \(table)_delete;
            CREATE TRIGGER \(insertTrigger(kind)) AFTER INSERT ON \(table) BEGIN
                \(log), NEW.id, \(Change.Operation.insert.code), econsync_now());
            END;
            CREATE TRIGGER \(table)_update AFTER UPDATE OF \(columns.joined(separator: ", ")) ON \(table)
            WHEN \(changed) BEGIN
                \(log), NEW.id, CASE WHEN NEW.tombstone AND NOT OLD.tombstone THEN \(Change.Operation.delete.code)
                    ELSE \(Change.Operation.update.code) END, econsync_now());
            END;
            CREATE TRIGGER \(table)_delete AFTER DELETE ON \(table) BEGIN
                \(log), OLD.id, \(Change.Operation.delete.code), econsync_now());
            END;
            """)
    }

    /// The name of the trigger that logs `kind`'s inserts.
    static func insertTrigger(_ kind: Kind) -> String {
        "\(kind.table)_insert"
    }

    /// Logs every row of `kind`'s table as an insert, in id order, as its
    /// insert trigger would have row by row: what a first load into an empty
    /// table writes in one statement once its rows are in.
    static func logAllAsInserted(_ db: Database, kind: Kind) throws {
        try db.execute(sql: "INSERT INTO change_log(kind, row_id, op, at) SELECT ?, id, ?, econsync_now() FROM \(kind.table) ORDER BY id",
                       arguments: [kind.code, Change.Operation.insert.code])
    }

    /// Removes change tracking from a table (used by the benchmark's untracked baseline).
    static func uninstall(_ db: Database, kind: Kind) throws {
        for suffix in ["insert", "update", "delete"] {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(kind.table)_\(suffix)")
        }
    }
}
