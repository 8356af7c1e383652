import GRDB

extension ReplicaStore {
    /// The indexed snapshots, oldest first; of one agreement when given.
    public func snapshots(agreement: Int? = nil) throws -> [SnapshotEntry] {
        try read { db in
            var request = SnapshotEntry.order(Column("agreement"), Column("taken_at"), Column("id"))
            if let agreement { request = request.filter(Column("agreement") == agreement) }
            return try request.fetchAll(db)
        }
    }
}

extension ReplicaWriter {
    /// Adds a snapshot to the index.
    @discardableResult
    public func addSnapshot(_ entry: SnapshotEntry) throws -> SnapshotEntry {
        var entry = entry
        if try SnapshotEntry.filter(Column("file") == entry.file).fetchCount(db) > 0 {
            throw ReplicaError(.duplicate, "snapshot \(entry.file) is already in the store")
        }
        try entry.insert(db)
        return entry
    }

    /// Removes a snapshot from the index; refused while a reconcile or an audit needs it.
    public func removeSnapshot(file: String) throws {
        guard let entry = try SnapshotEntry.filter(Column("file") == file).fetchOne(db) else {
            throw ReplicaError(.notFound, "snapshot \(file) is not in the store")
        }
        if entry.isProtected {
            throw ReplicaError(.inUse, "snapshot \(file) is still needed (\(entry.baseFor.map { "base of reconcile \($0)" } ?? "referred to by the audit journal"))")
        }
        try SnapshotEntry.filter(Column("file") == file).deleteAll(db)
    }

    /// Makes `file` the base of `reconcile` for its agreement, for `modules`
    /// (empty: every module, of a run over all). Earlier bases stop being the
    /// base of those modules, and are released when they are the base of none.
    public func setBaseSnapshot(file: String, reconcile: String, modules: Set<String> = [], allModules: Set<String> = []) throws {
        guard let entry = try SnapshotEntry.filter(Column("file") == file).fetchOne(db) else {
            throw ReplicaError(.notFound, "snapshot \(file) is not in the store")
        }
        for var other in try SnapshotEntry.filter(Column("agreement") == entry.agreement && Column("base_for") != nil).fetchAll(db) {
            let covered = other.baseModules!.isEmpty ? allModules : other.baseModules!
            let left = modules.isEmpty ? [] : covered.subtracting(modules)
            other.baseFor = left.isEmpty ? nil : Self.baseTag(other.baseFor!.split(separator: "|")[0], left)
            try db.execute(sql: "UPDATE snapshots SET base_for = ? WHERE id = ?", arguments: [other.baseFor, other.id])
        }
        try db.execute(sql: "UPDATE snapshots SET base_for = ? WHERE file = ?", arguments: [Self.baseTag(reconcile, modules), file])
    }

    static func baseTag(_ reconcile: some StringProtocol, _ modules: Set<String>) -> String {
        modules.isEmpty ? String(reconcile) : "\(reconcile)|\(modules.sorted().joined(separator: ","))"
    }

    /// Records that an audit journal entry refers to `file`.
    public func addAuditReference(file: String) throws {
        try db.execute(sql: "UPDATE snapshots SET audit_references = audit_references + 1 WHERE file = ?", arguments: [file])
        if db.changesCount == 0 { throw ReplicaError(.notFound, "snapshot \(file) is not in the store") }
    }
}
