import Vocabulary
internal import GRDB

extension ReplicaStore {
    /// The agreement's run that was started but not finished (interrupted), if any.
    public func unfinishedRun(agreement: Int) throws -> ReconcileRun? {
        try read { db in
            try ReconcileRun.unfinished(agreement: agreement).fetchValue(db)
        }
    }

    /// Every agreement's runs that were started but not finished, latest first.
    public func unfinishedRuns() throws -> [ReconcileRun] {
        try read { db in
            try StoredEntry<ReconcileRun>.filter(ReconcileRun.Columns.state.column != ReconcileRun.State.finished.rawValue)
                .order(ReconcileRun.Columns.id.column.desc).fetchValues(db)
        }
    }

    /// The agreement's latest finished run over every module, if any; with
    /// `modules`, the latest that covered all of them (a run over every module
    /// covers any). A trial run (one project's records) is never it.
    public func lastFinishedRun(agreement: Int, covering modules: Set<Module> = []) throws -> ReconcileRun? {
        try read { db in
            let columns = ReconcileRun.Columns.self
            var request = StoredEntry<ReconcileRun>.filter(columns.agreement.column == agreement && columns.state.column == ReconcileRun.State.finished.rawValue
                                                         && columns.scope.column == nil)
            if modules.isEmpty { request = request.filter(columns.modules.column == "") }
            let runs = try request.order(columns.id.column.desc).fetchValueCursor(db)
            while let run = try runs.next() {
                if run.modules.isEmpty || modules.isSubset(of: Set(run.modules.split(separator: ",").compactMap { Module(rawValue: String($0)) })) {
                    return run
                }
            }
            return nil
        }
    }

    /// A run's pushes in push order.
    public func outbox(run: Int64) throws -> [OutboxEntry] {
        try read { try OutboxEntry.ofRun(run).fetchValues($0) }
    }

    /// The pushes of the row `localID` of `kind` (newest first, at most `limit`).
    public func outbox(kind: Kind, localID: Int64, limit: Int = 5) throws -> [OutboxEntry] {
        try read { db in
            try StoredEntry<OutboxEntry>.filter(OutboxEntry.Columns.kind.column == kind.rawValue && OutboxEntry.Columns.localId.column == localID)
                .order(OutboxEntry.Columns.id.column.desc).limit(limit).fetchValues(db)
        }
    }

    /// Why the agreement's last run left records pending: the reasons recorded for `kind`'s records with plan keys `keys`.
    public func pendingReasons(agreement: Int, kind: Kind, keys: [String]) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT reason FROM reconcile_pending WHERE agreement = ? AND kind = ? AND record_key IN (\(SQLList.marks(keys.count)))
                ORDER BY record_key
                """, arguments: StatementArguments([agreement, kind.rawValue] as [any DatabaseValueConvertible] + keys))
        }
    }

    /// The conflict journal, oldest first; only decisions at or after `since`
    /// and before `until` (UTC, ISO 8601), and of `module`, when given.
    public func conflicts(since: String? = nil, until: String? = nil, module: String? = nil) throws -> [ConflictEntry] {
        try read { db in
            let columns = ConflictEntry.Columns.self
            var request = StoredEntry<ConflictEntry>.order(columns.decidedAt.column, columns.id.column)
            if let since { request = request.filter(columns.decidedAt.column >= since) }
            if let until { request = request.filter(columns.decidedAt.column < until) }
            if let module { request = request.filter(columns.module.column == module) }
            return try request.fetchValues(db)
        }
    }

    /// The records the agreement's last run left unfinished (skipped, blocked or
    /// failed), as (kind, key), for the next run to look at again.
    public func pendingRecords(agreement: Int) throws -> [(kind: String, key: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT kind, record_key FROM reconcile_pending WHERE agreement = ? ORDER BY kind, record_key",
                             arguments: [agreement]).map { ($0[0], $0[1]) }
        }
    }

    /// Which of `ids` differ from what was last synced (see ``unsyncedRows(_:)``), sorted.
    public func unsyncedRows(_ kind: Kind, among ids: [Int64]) throws -> [Int64] {
        try read { db in
            var found: [Int64] = []
            for chunk in ids.batches() {
                found += try kind.unsyncedRequest(among: chunk).fetchAll(db)
            }
            return found.sorted()
        }
    }

    /// Whether ``department`` has no row of `kind`, deleted ones included
    /// (nothing to link, compare or push: a first pull of it only inserts).
    public func hasNoRows(_ kind: Kind) throws -> Bool {
        try read { db in try kind.noRowsRequest(department: department).fetchOne(db) ?? false }
    }

    /// The local ids of the rows of `kind` with these e-conomic keys (deleted rows included) in ``department``, by key.
    public func rowIDs(_ kind: Kind, foreignKeys: [String]) throws -> [String: Int64] {
        try read { db in
            var found: [String: Int64] = [:]
            for chunk in foreignKeys.batches() {
                let rows = try kind.rowIDsRequest(foreignKeys: chunk, department: department).fetchCursor(db)
                while let row = try rows.next() {
                    let key: DatabaseValue = row[0]
                    found[key.keyText] = row[1]
                }
            }
            return found
        }
    }

    /// The e-conomic keys (as text) of the rows with local ids `ids` that have one, in ``department``, by local id.
    public func foreignKeys(_ kind: Kind, ids: [Int64]) throws -> [Int64: String] {
        try read { db in
            var found: [Int64: String] = [:]
            for chunk in ids.batches() {
                let rows = try kind.foreignKeysRequest(ids: chunk, department: department).fetchCursor(db)
                while let row = try rows.next() {
                    let key: DatabaseValue = row[1]
                    found[row[0]] = key.keyText
                }
            }
            return found
        }
    }

    /// Every row of `kind` in ``department``, deleted ones included, in one
    /// pass over its table: the e-conomic keys (as text) of those that have
    /// one, by local id, and the local ids of those that have none, in order.
    public func rowKeys(_ kind: Kind) throws -> (keyed: [Int64: String], unkeyed: [Int64]) {
        try read { db in
            var keyed: [Int64: String] = [:], unkeyed: [Int64] = []
            let rows = try kind.rowKeysRequest(department: department).fetchCursor(db)
            while let row = try rows.next() {
                let key: DatabaseValue = row[1]
                if key.isNull { unkeyed.append(row[0]) } else { keyed[row[0]] = key.keyText }
            }
            return (keyed, unkeyed)
        }
    }

    /// A row's e-conomic key as text, nil when it has none.
    public func foreignKey(_ kind: Kind, id: Int64) throws -> String? {
        try read { db in
            let value = try DatabaseValue.fetchOne(db, sql: "SELECT foreign_key FROM \(kind.table) WHERE id = ?", arguments: [id])
            return value.flatMap { $0.isNull ? nil : $0.keyText }
        }
    }
}

extension Kind {
    /// An e-conomic key as this kind's `foreign_key` column holds it (text for products, else a number).
    func foreignKeyValue(_ key: String) -> DatabaseValue {
        if self != .product, let number = Int64(key) { return number.databaseValue }
        return key.databaseValue
    }
}

extension DatabaseValue {
    /// A `foreign_key` value as text (a number's digits, or a product's number).
    var keyText: String {
        switch storage {
        case .int64(let value): String(value)
        case .double(let value): String(value)
        case .string(let value): value
        case .null, .blob: ""
        }
    }
}
