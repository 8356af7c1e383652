import Vocabulary
internal import GRDB

/// What the benchmarks (the Workbench target) need of a replica's internals:
/// an untracked baseline, unchecked bulk inserts, and a synced starting point.
/// Never use these on a real replica.
extension ReplicaStore {
    /// Removes change tracking from `kind`'s table, for the benchmark's
    /// untracked baseline. Never use this on a real replica.
    @_spi(Benchmark)
    public func removeChangeTracking(_ kind: Kind) throws {
        try pool.write { try ChangeTracking.uninstall($0, kind: kind) }
    }

    /// Inserts rows without validation (the benchmark measures storage and
    /// change tracking alone); returns how many were inserted.
    @_spi(Benchmark)
    public func insertUnchecked<R: ReplicaRecord>(_ records: [R]) throws -> Int {
        try pool.write { db in
            try StoredRecord.insertAll(records, db).count
        }
    }

    /// Marks every row of `kind` synced, for the benchmark's starting point
    /// (a replica that agrees with the base snapshot).
    @_spi(Benchmark)
    public func markAllSynced(_ kind: Kind) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE \(kind.table) SET synced_hash = \(MappedHash.expression(for: kind))")
        }
    }
}
