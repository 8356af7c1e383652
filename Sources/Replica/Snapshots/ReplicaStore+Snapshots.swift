internal import GRDB

extension ReplicaStore {
    /// The indexed snapshots, oldest first; of one agreement when given.
    public func snapshots(agreement: Int? = nil) throws -> [SnapshotEntry] {
        try read { db in
            var request = StoredEntry<SnapshotEntry>.order(SnapshotEntry.Columns.agreement.column, SnapshotEntry.Columns.takenAt.column,
                                              SnapshotEntry.Columns.id.column)
            if let agreement { request = request.filter(SnapshotEntry.Columns.agreement.column == agreement) }
            return try request.fetchValues(db)
        }
    }
}

extension ReplicaWriter {
    /// Adds a snapshot to the index.
    @discardableResult
    public func addSnapshot(_ entry: SnapshotEntry) throws -> SnapshotEntry {
        if try StoredEntry<SnapshotEntry>.filter(SnapshotEntry.Columns.file.column == entry.file).fetchCount(db) > 0 {
            throw ReplicaError(.duplicate, .snapshotKnown(entry.file))
        }
        return try StoredEntry.inserted(entry, db)
    }

    /// Removes a snapshot from the index; refused while a reconcile or an audit needs it.
    public func removeSnapshot(file: String) throws {
        guard let entry = try StoredEntry<SnapshotEntry>.filter(SnapshotEntry.Columns.file.column == file).fetchValue(db) else {
            throw ReplicaError(.notFound, .snapshotUnknown(file))
        }
        if entry.isProtected {
            throw ReplicaError(.inUse, .snapshotNeeded(file, baseOf: entry.baseFor))
        }
        try StoredEntry<SnapshotEntry>.filter(SnapshotEntry.Columns.file.column == file).deleteAll(db)
    }

    /// Makes `file` the base of `reconcile` for its agreement: the agreement's
    /// previous base is released.
    public func setBaseSnapshot(file: String, reconcile: String) throws {
        guard let entry = try StoredEntry<SnapshotEntry>.filter(SnapshotEntry.Columns.file.column == file).fetchValue(db) else {
            throw ReplicaError(.notFound, .snapshotUnknown(file))
        }
        try db.execute(sql: "UPDATE snapshots SET base_for = NULL WHERE agreement = ?", arguments: [entry.agreement])
        try db.execute(sql: "UPDATE snapshots SET base_for = ? WHERE file = ?", arguments: [reconcile, file])
    }

    /// Records that `file` was rewritten as a delta over `base`: its new
    /// hash, size and records (those in the file, as for every entry).
    public func setSnapshotDelta(file: String, base: String, sha256: String, bytes: Int64, records: Int, counts: String) throws {
        try db.execute(sql: "UPDATE snapshots SET mode = 'delta', base_file = ?, sha256 = ?, bytes = ?, records = ?, counts = ? WHERE file = ?",
                       arguments: [base, sha256, bytes, records, counts, file])
        if db.changesCount == 0 { throw ReplicaError(.notFound, .snapshotUnknown(file)) }
    }

    /// Records that an audit journal entry refers to `file`.
    public func addAuditReference(file: String) throws {
        try db.execute(sql: "UPDATE snapshots SET audit_references = audit_references + 1 WHERE file = ?", arguments: [file])
        if db.changesCount == 0 { throw ReplicaError(.notFound, .snapshotUnknown(file)) }
    }
}

extension ReplicaStore {
    /// The snapshots that module runs (runs over some modules, not all) were planned from.
    public func moduleRunSnapshotFiles(agreement: Int? = nil) throws -> Set<String> {
        try read { db in
            let columns = ReconcileRun.Columns.self
            var request = StoredEntry<ReconcileRun>.select(columns.snapshotFile.column, as: String.self).filter(columns.modules.column != "")
            if let agreement { request = request.filter(columns.agreement.column == agreement) }
            return Set(try request.fetchAll(db))
        }
    }
}
