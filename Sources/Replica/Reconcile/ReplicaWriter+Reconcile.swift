import Vocabulary
internal import GRDB

extension ReplicaWriter {
    /// Records a new run; returns it with its id.
    public func startRun(_ run: ReconcileRun) throws -> ReconcileRun {
        try StoredEntry.inserted(run, db)
    }

    /// Moves a run on.
    ///
    /// A finished run keeps its summary and its outbox rows, not its plan: the
    /// plan is what an interrupted run resumes from, and a first sync's plan
    /// runs to tens of megabytes.
    public func setRunState(_ id: Int64, _ state: ReconcileRun.State, finishedAt: String? = nil, summary: String? = nil) throws {
        try db.execute(sql: """
            UPDATE reconcile_runs SET state = ?, finished_at = ifnull(?, finished_at), summary = ifnull(?, summary),
                                      plan = CASE WHEN ? THEN '' ELSE plan END
            WHERE id = ?
            """, arguments: [state.rawValue, finishedAt, summary, state == .finished, id])
    }

    /// Records pushes in the outbox (before any is sent).
    public func recordOutbox(_ entries: [OutboxEntry]) throws {
        for entry in entries { _ = try StoredEntry.inserted(entry, db) }
    }

    /// Stores an outbox entry's new state.
    public func saveOutbox(_ entry: OutboxEntry) throws {
        try StoredEntry.update(entry, db)
    }

    /// The unfinished reconcile run with a push of the record not yet
    /// settled (pending or sending), if any: while it has one, the record's
    /// approval is locked.
    func unsettledPushRun(_ kind: Kind, id: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT run_id FROM outbox
            WHERE run_id IN (SELECT id FROM reconcile_runs WHERE state != 'finished')
              AND state IN ('pending', 'sending') AND kind = ? AND local_id = ?
            LIMIT 1
            """, arguments: [kind.rawValue, id])
    }

    /// Whether a registration may still be sent: approved, and neither
    /// transferred nor on an order. Asked in the transaction that marks its push `sending`.
    public func isReadyToSend(_ kind: Kind, id: Int64) throws -> Bool {
        switch kind {
        case .timeEntry, .material:
            try Bool.fetchOne(db, sql: """
                SELECT approved_at IS NOT NULL AND transferred_at IS NULL AND order_id IS NULL AND NOT tombstone FROM \(kind.table) WHERE id = ?
                """, arguments: [id]) ?? false
        default:
            true
        }
    }

    /// Adds decisions to the conflict journal.
    public func journal(_ entries: [ConflictEntry]) throws {
        for entry in entries { _ = try StoredEntry.inserted(entry, db) }
    }

    /// Replaces the records an agreement's runs left for the next one (of `kinds` only, when given).
    public func replacePending(agreement: Int, kinds: Set<String>? = nil, _ records: [(kind: String, key: String, reason: String)]) throws {
        if let kinds {
            for kind in kinds.sorted() {
                try db.execute(sql: "DELETE FROM reconcile_pending WHERE agreement = ? AND kind = ?", arguments: [agreement, kind])
            }
        } else {
            try db.execute(sql: "DELETE FROM reconcile_pending WHERE agreement = ?", arguments: [agreement])
        }
        try insertPending(agreement: agreement, records)
    }

    /// Replaces what the agreement's runs left pending of the records `looked`
    /// (a trial run's, as (kind, plan key)) by `records`; the rest stay pending.
    public func replacePending(agreement: Int, of looked: [(kind: String, key: String)],
                               _ records: [(kind: String, key: String, reason: String)]) throws {
        for record in looked {
            try db.execute(sql: "DELETE FROM reconcile_pending WHERE agreement = ? AND kind = ? AND record_key = ?",
                           arguments: [agreement, record.kind, record.key])
        }
        try insertPending(agreement: agreement, records)
    }

    private func insertPending(agreement: Int, _ records: [(kind: String, key: String, reason: String)]) throws {
        for record in records {
            try db.execute(sql: "INSERT OR REPLACE INTO reconcile_pending(agreement, kind, record_key, reason) VALUES (?, ?, ?, ?)",
                           arguments: [agreement, record.kind, record.key, record.reason])
        }
    }

    /// The local id of the row of `kind` in ``department`` that has e-conomic key `key`, deleted or not.
    public func rowID(_ kind: Kind, foreignKey key: String) throws -> Int64? {
        try kind.rowIDRequest(foreignKey: key, department: department).fetchOne(db)
    }

    /// The live hour type mapped to e-conomic activity `number` (the lowest id when several are), if any.
    public func hourTypeID(activity number: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM \(Kind.hourType.table) WHERE activity_number = ? AND tombstone = 0 ORDER BY id LIMIT 1"),
                           arguments: [number])
    }

    /// The agreement's run that was started but not finished (interrupted), if any.
    public func unfinishedRun(agreement: Int) throws -> ReconcileRun? {
        try ReconcileRun.unfinished(agreement: agreement).fetchValue(db)
    }

    /// The snapshot file run `id` was planned against; nil when there is no such run.
    public func snapshotFile(ofRun id: Int64) throws -> String? {
        try StoredEntry<ReconcileRun>.filter(key: id).select(ReconcileRun.Columns.snapshotFile.column, as: String.self).fetchOne(db)
    }

    /// Runs `body` in a savepoint of the transaction: when it throws, what it
    /// wrote is rolled back (the rest of the transaction stays) and the error is rethrown.
    ///
    /// ```swift
    /// for op in pulls {
    ///     do { try writer.savepoint { try apply(op) } } catch { failures.append(op) }   // one bad record fails alone
    /// }
    /// ```
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        return result!
    }

    /// Gives a row the key e-conomic has it under (after a create, or a CVR link).
    public func setForeignKey(_ kind: Kind, id: Int64, to key: String) throws {
        try check(kind, id)
        if let taken = try rowID(kind, foreignKey: key), taken != id {
            throw ReplicaError(.duplicate, .keyTaken(key, kind, taken), kind: kind, row: id, field: "foreignKey")
        }
        try db.execute(sql: "UPDATE \(kind.table) SET foreign_key = ? WHERE id = ?", arguments: [kind.foreignKeyValue(key), id])
    }

    /// Deletes a row because e-conomic deleted it: tombstoned like a local
    /// deletion, but without the in-use check (e-conomic already decided).
    public func tombstone(_ kind: Kind, id: Int64) throws {
        try check(kind, id)
        try db.execute(sql: "UPDATE \(kind.table) SET tombstone = 1 WHERE id = ?", arguments: [id])
    }

    private func check(_ kind: Kind, _ id: Int64) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM \(kind.table) WHERE id = ?", arguments: [id]) == true else {
            throw ReplicaError(.notFound, .doesNotExist, kind: kind, row: id)
        }
    }
}
