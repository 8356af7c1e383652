import Vocabulary
internal import GRDB

extension ReplicaStore {
    /// Checks the file after a crash or on demand: SQLite's integrity check,
    /// foreign keys, and that the change log and the rows agree (every row has
    /// its insert logged, every logged row exists). Returns the problems found;
    /// empty means consistent.
    public func consistencyProblems(progress: (ConsistencyStep) -> Void = { _ in }) throws -> [ConsistencyProblem] {
        try read { db in
            var problems: [ConsistencyProblem] = []
            progress(.integrity)
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map(ConsistencyProblem.integrity) }
            progress(.foreignKeys)
            let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += foreignKeys.map { .foreignKey(table: $0["table"], row: $0["rowid"] as Int64? ?? 0, parent: $0["parent"]) }
            for kind in Kind.allCases {
                progress(.changeLog(kind))
                let unlogged = try Self.unloggedRowsRequest(kind).fetchAll(db)
                if !unlogged.isEmpty { problems.append(.unlogged(kind, rows: unlogged)) }
                let missing = try Self.missingRowsRequest(kind).fetchAll(db)
                if !missing.isEmpty { problems.append(.missing(kind, rows: missing)) }
            }
            return problems
        }
    }
}

extension ReplicaStore {
    /// Up to five rows of `kind` whose insert the change log lacks: the
    /// table's ids less the kind's logged inserts, each side read once
    /// (SQLite's EXCEPT), so the log needs no index by row, which every
    /// tracked insert would pay for.
    static func unloggedRowsRequest(_ kind: Kind) -> SQLRequest<Int64> {
        SQLRequest(sql: """
            SELECT id FROM \(kind.table) EXCEPT SELECT row_id FROM change_log WHERE kind = ? AND op = ? LIMIT 5
            """, arguments: [kind.code, Change.Operation.insert.code])
    }

    /// Up to five rows of `kind` the change log has inserted or updated but the
    /// table lacks: the kind's logged rows less the table's ids, each side read once.
    static func missingRowsRequest(_ kind: Kind) -> SQLRequest<Int64> {
        SQLRequest(sql: """
            SELECT row_id FROM change_log WHERE kind = ? AND op != ? EXCEPT SELECT id FROM \(kind.table) LIMIT 5
            """, arguments: [kind.code, Change.Operation.delete.code])
    }
}
