import Vocabulary
internal import GRDB

/// What the data generator and the simulated field activity (the Workbench
/// target) read inside their write transactions: which rows a table holds.
/// Nothing here is for a front end: it reads every department's rows and
/// skips the replica's views.
extension ReplicaWriter {
    /// The ids of `kind`'s rows; tombstoned rows too when `includingDeleted`.
    @_spi(Benchmark)
    public func recordIDs(_ kind: Kind, includingDeleted: Bool = false) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM \(kind.table)\(includingDeleted ? "" : " WHERE tombstone = 0")")
    }

    /// The ids of `kind`'s rows that have an e-conomic key, deleted or not.
    @_spi(Benchmark)
    public func linkedRecordIDs(_ kind: Kind) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT id FROM \(kind.table) WHERE foreign_key IS NOT NULL")
    }

    /// How many rows `kind`'s table holds, tombstones included.
    @_spi(Benchmark)
    public func recordCount(_ kind: Kind) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.table)") ?? 0
    }
}
