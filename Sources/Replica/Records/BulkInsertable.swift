internal import GRDB

/// A high-volume record kind (hours, materials) that inserts many rows per
/// statement with values bound straight to SQLite.
///
/// SQLite pays a fixed price for every statement that fires a trigger (the
/// change log's), so a bulk write of thousands of rows goes out
/// ``rowsPerStatement`` rows at a time: the trigger still logs every row, but
/// the per-statement price is paid once per chunk. Rows left over after the
/// last full chunk go one at a time, so only two statements are ever cached.
protocol BulkInsertable: ReplicaRecord {
    /// The columns `bind(to:)` binds, in order.
    static var insertColumns: [String] { get }
    /// Binds one row's values in the order of ``insertColumns``.
    func bind(to row: inout RowBinder)
}

extension BulkInsertable {
    /// Rows per multi-row INSERT: large enough to amortise the statement, small
    /// enough to stay far below SQLite's limit on bound parameters.
    static var rowsPerStatement: Int { 256 }

    /// The SQL of an INSERT of `rows` rows.
    static func insertSQL(rows: Int) -> String {
        let placeholders = "(" + Array(repeating: "?", count: insertColumns.count).joined(separator: ", ") + ")"
        return """
            INSERT INTO \(kind.table) (\(insertColumns.joined(separator: ", ")))
            VALUES \(Array(repeating: placeholders, count: rows).joined(separator: ", "))
            """
    }

    /// The SQL of an INSERT of `rows` rows written as reconciled: each row's
    /// synced hash is computed from its own mapped values as it goes in (no
    /// second write of every row); nil when a mapped column is not inserted.
    static func syncedInsertSQL(rows: Int) -> String? {
        let positions = Dictionary(uniqueKeysWithValues: insertColumns.enumerated().map { ($1, "column\($0 + 1)") })
        let mapped = kind.mappedColumns.compactMap { positions[$0] }
        let hashed = RecordColumn.syncedHash.rawValue
        guard mapped.count == kind.mappedColumns.count, positions[hashed] != nil else { return nil }
        let selected = insertColumns.map { $0 == hashed ? "econsync_hash(\(mapped.joined(separator: ", ")))" : positions[$0]! }
        let placeholders = "(" + Array(repeating: "?", count: insertColumns.count).joined(separator: ", ") + ")"
        return """
            INSERT INTO \(kind.table) (\(insertColumns.joined(separator: ", ")))
            SELECT \(selected.joined(separator: ", ")) FROM (VALUES \(Array(repeating: placeholders, count: rows).joined(separator: ", ")))
            """
    }

    /// ``StoredRecord/insertAll(_:_:)`` for records known to be of this type.
    static func insertRows(_ records: [some ReplicaRecord], _ db: Database) throws -> [Int64] {
        try insertBulk(rows(records), db, sql: insertSQL)
    }

    /// Inserts rows as reconciled (see ``syncedInsertSQL(rows:)``); nil when the kind cannot.
    static func insertSyncedRows(_ records: [some ReplicaRecord], _ db: Database) throws -> [Int64]? {
        guard syncedInsertSQL(rows: 1) != nil else { return nil }
        return try insertBulk(rows(records), db) { syncedInsertSQL(rows: $0)! }
    }

    /// `records`, known to be of this type, as an array of it: the same array,
    /// not a copy of every record (what `as! [Self]` makes of a generic array).
    static func rows<R: ReplicaRecord>(_ records: [R]) -> [Self] {
        precondition(R.self == Self.self, "\(R.self) records are not \(Self.self) records")
        // Safe: R is Self (checked above), so [R] is [Self] and has its layout.
        return unsafeBitCast(records, to: [Self].self)
    }

    static func insertBulk(_ records: [Self], _ db: Database, sql: (Int) -> String) throws -> [Int64] {
        var ids: [Int64] = []
        ids.reserveCapacity(records.count)
        // Built once per call, not per chunk (a full chunk's SQL is a few kilobytes), and only when a call has a full chunk.
        let full = records.count >= rowsPerStatement ? sql(rowsPerStatement) : ""
        let single = sql(1)
        var start = records.startIndex
        while start < records.endIndex {
            let count = records.endIndex - start >= rowsPerStatement ? rowsPerStatement : 1
            let chunk = records[start..<start + count]
            try RowBinder(db.cachedStatement(sql: count == rowsPerStatement ? full : single)).run { row in
                for record in chunk { record.bind(to: &row) }
            }
            // A rowid table without explicit ids numbers the rows of one
            // statement consecutively, ending at the last inserted rowid.
            let last = db.lastInsertedRowID
            ids.append(contentsOf: (last - Int64(count) + 1)...last)
            start += count
        }
        return ids
    }
}
