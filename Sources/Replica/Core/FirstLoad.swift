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
/// ```swift
/// try replica.write { writer in
///     guard let load = try FirstLoad(Customer.self, writer: writer) else { return }  // the kind has rows already
///     for batch in batches { _ = try load.insert(batch) }
/// }
/// ```
public final class FirstLoad<Record: ReplicaRecord> {
    let writer: ReplicaWriter
    /// What the load's checks found so far: the claims of every row it wrote.
    let memo = ValidationMemo()

    /// A first load of `Record`'s kind through `writer`; nil when the writer's department has rows of it already.
    public init?(_ type: Record.Type, writer: ReplicaWriter) throws {
        guard try Record.kind.noRowsRequest(department: writer.department).fetchOne(writer.db) == true else { return nil }
        self.writer = writer
        memo.claimsAreAll = true
    }

    /// Validates and inserts `records` as rows in step with e-conomic (their
    /// synced hash set); returns their local ids, in order. A record refused
    /// throws before any of the call is written, naming it; the load's
    /// transaction is then to be rolled back.
    public func insert(_ records: [Record]) throws -> [Int64] {
        let checked = try records.map { try writer.checkedNew($0, memo: memo) }
        if let bulk = Record.self as? any BulkInsertable.Type, let ids = try bulk.insertSyncedRows(checked, writer.db) {
            return ids
        }
        let ids = try StoredRecord.insertAll(checked, writer.db)
        try writer.markSynced(Record.kind, ids: ids)
        return ids
    }
}
