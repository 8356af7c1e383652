import Vocabulary
import GRDB

extension ReplicaStore {
    /// Checks the file after a crash or on demand: SQLite's integrity check,
    /// foreign keys, and that the change log and the rows agree (every row has
    /// its insert logged, every logged row exists). Returns the problems found;
    /// empty means consistent.
    public func consistencyProblems() throws -> [String] {
        try read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map { "integrity: \($0)" } }
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += foreignKeys.map { "foreign key: \($0["table"] as String) row \($0["rowid"] as Int64? ?? 0) refers to a missing \($0["parent"] as String) row" }
            for kind in Kind.allCases {
                let unlogged = try Int64.fetchAll(db, sql: """
                    SELECT id FROM \(kind.table) t WHERE NOT EXISTS (
                        SELECT 1 FROM change_log c WHERE c.kind = ? AND c.row_id = t.id AND c.op = ?) LIMIT 5
                    """, arguments: [kind.code, Change.Operation.insert.code])
                if !unlogged.isEmpty { problems.append("\(kind.rawValue) rows without a logged insert: \(unlogged)") }
                let missing = try Int64.fetchAll(db, sql: """
                    SELECT DISTINCT row_id FROM change_log c WHERE c.kind = ? AND c.op != ?
                    AND NOT EXISTS (SELECT 1 FROM \(kind.table) t WHERE t.id = c.row_id) LIMIT 5
                    """, arguments: [kind.code, Change.Operation.delete.code])
                if !missing.isEmpty { problems.append("\(kind.rawValue) changes logged for missing rows: \(missing)") }
            }
            return problems
        }
    }
}
