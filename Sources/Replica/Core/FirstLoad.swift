import Vocabulary
internal import GRDB

/// The first rows of a kind the replica has none of (in the writer's
/// department), written in batches inside one transaction as reconciled
/// rows: a first pull of 100,000 customers. Every record is validated as
/// ``ReplicaWriter/createAll(_:)`` would, against the others of the whole
/// load too (two records with one e-conomic key are refused), but without a
/// query per record: the table held none of the department's rows when the
/// load began, so what the load claimed is all there is. Each row's synced
/// hash is written with the row, not by a second write of it.
///
/// Into a table with no rows at all, the table's indexes are built once the
/// load is done, from all its rows, not row by row: each batch of rows then
/// changes the pages it appends to, not an index page per row all over the
/// index (the foreign-key and CVR indexes of 100,000 customers). The
/// load's own checks stand in for the unique indexes meanwhile, and building
/// them again checks once more. Rows appended to a table without indexes
/// need few pages at hand, so the load runs with a small page cache
/// (``appendCacheKiB``), not the 32 MiB that index writes all over a table
/// want: the cache had filled to it over every first sync, a fifth of its peak memory.
/// Its rows are logged as inserts in one statement after the load, not by
/// the change log's trigger row by row (a trigger program run per row).
///
/// ```swift
/// try replica.write { writer in
///     let loaded = try FirstLoad.run(Customer.self, writer: writer) { load in
///         for batch in batches { _ = try load.insert(batch) }
///     }
///     if loaded == nil { … }   // the kind had rows already
/// }
/// ```
public final class FirstLoad<Record: ReplicaRecord> {
    let writer: ReplicaWriter
    /// What the load's checks found so far: the claims of every row it wrote.
    let memo = ValidationMemo()
    /// The rows the load expects, until its claims are sized for them.
    private var expectedRows: Int?
    /// The most rows a load sizes its claims for ahead: a count e-conomic
    /// got wrong costs no more memory than a load of this many rows would.
    static var maximumExpectedRows: Int { 1_000_000 }

    /// Loads `Record`'s kind through `writer`: `body` inserts the rows, in
    /// batches, with ``insert(_:)``; then the indexes and the insert trigger
    /// the load set aside are made again and its rows logged, also when `body`
    /// throws (the table keeps its indexes, its trigger and a logged insert of
    /// each row whatever the caller's transaction then does). Returns what `body`
    /// returns; nil, without running it, when the writer's department has rows of the kind already.
    /// `expectedRows`, when known (e-conomic's count of the kind), sizes
    /// what the load's checks keep once, after its first rows, rather than
    /// growing it again and again as 100,000 rows come.
    public static func run<T>(_ type: Record.Type, writer: ReplicaWriter, expectedRows: Int? = nil,
                              _ body: (FirstLoad) throws -> T) throws -> T? {
        guard try Record.kind.noRowsRequest(department: writer.department).fetchOne(writer.db) == true else { return nil }
        let load = FirstLoad(writer: writer)
        load.expectedRows = expectedRows.map { min(max($0, 0), Self.maximumExpectedRows) }
        let empty = try Bool.fetchOne(writer.db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(Record.kind.table))") == true
        let deferred = empty ? try load.deferIndexes() : []
        let trigger = empty ? try load.deferInsertLog() : nil
        let cache = deferred.isEmpty ? nil : try load.shrinkCache()
        let result = Result { try body(load) }
        // The writer's cache again, for the index builds and what follows; its failure does not skip them.
        let restored = Result { if let cache { try writer.db.execute(sql: "PRAGMA cache_size = \(cache)") } }
        let built = Result { try load.build(deferred) }
        if let trigger { try load.logInserts(trigger) }
        try built.get()
        try restored.get()
        return try result.get()
    }

    /// After the first rows checked (`count`): sizes the claims for the
    /// expected rows, at as many claims a row as the first ones made.
    private func reserveClaims(after count: Int) {
        guard let expected = expectedRows, count > 0 else { return }
        expectedRows = nil
        let perRow = Double(memo.claims.count) / Double(count)
        memo.claims.reserveCapacity(Int((perRow * Double(expected)).rounded(.up)))
    }

    /// The page cache of a load into a table with no indexes, in KiB.
    static var appendCacheKiB: Int { 4_096 }

    /// Sets the connection's page cache to ``appendCacheKiB``; returns the setting it had.
    private func shrinkCache() throws -> Int {
        let previous = try Int.fetchOne(writer.db, sql: "PRAGMA cache_size") ?? -2_000
        try writer.db.execute(sql: "PRAGMA cache_size = -\(Self.appendCacheKiB)")
        return previous
    }

    private init(writer: ReplicaWriter) {
        self.writer = writer
        memo.claimsAreAll = true
    }

    /// Validates and inserts `records` as rows in step with e-conomic (their
    /// synced hash set); returns their local ids, in order. A record refused
    /// throws before any of the call is written, naming it; the load's
    /// transaction is then to be rolled back.
    public func insert(_ records: [Record]) throws -> [Int64] {
        let checked = try records.map { try writer.checkedNew($0, memo: memo) }
        reserveClaims(after: records.count)
        if let bulk = Record.self as? any BulkInsertable.Type, let ids = try bulk.insertSyncedRows(checked, writer.db) {
            return ids
        }
        let ids = try StoredRecord.insertAll(checked, writer.db)
        try writer.markSynced(Record.kind, ids: ids)
        return ids
    }

    /// Drops the table's indexes (not those SQLite keeps for a table's own
    /// constraints), which has no rows at all; returns the statements that make them again.
    private func deferIndexes() throws -> [String] {
        let table = Record.kind.table
        let indexes = try Row.fetchAll(writer.db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
                                       arguments: [table])
        for index in indexes {
            try writer.db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)")
        }
        return indexes.map { $0["sql"] }
    }

    /// Makes the indexes `deferIndexes()` dropped again, from the rows loaded.
    private func build(_ indexes: [String]) throws {
        for sql in indexes { try writer.db.execute(sql: sql) }
    }

    /// Drops the change log's insert trigger of the table, which has no rows
    /// at all; returns the statement that makes it again (nil when it has none).
    private func deferInsertLog() throws -> String? {
        let name = ChangeTracking.insertTrigger(Record.kind)
        guard let sql = try String.fetchOne(writer.db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [name])
        else { return nil }
        try writer.db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)")
        return sql
    }

    /// Makes the insert trigger `deferInsertLog()` dropped again, and logs
    /// every row of the table (all of them this load's) as the trigger would have.
    private func logInserts(_ trigger: String) throws {
        try writer.db.execute(sql: trigger)
        try ChangeTracking.logAllAsInserted(writer.db, kind: Record.kind)
    }
}
