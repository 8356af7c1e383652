internal import GRDB

/// A replica record as GRDB reads and writes it (see ``StoredAdapter``):
/// the row of `Record.kind.table`, its rowid the record's local id. Requests
/// on a kind's table are built on it and read as records:
///
/// ```swift
/// let live = try StoredRecord<Customer>.all().filter(RecordColumn.tombstone == false).fetchValues(db)
/// let id = try StoredRecord.insertAll([customer], db)[0]
/// ```
struct StoredRecord<Record: ReplicaRecord>: StoredAdapter {
    var value: Record

    init(_ value: Record) {
        self.value = value
    }

    static var databaseTableName: String { Record.kind.table }

    /// The kind's own decoder where it has one (``RowDecodable``), else `Codable`'s.
    static var valueDecoder: (Row) throws -> Record {
        (Record.self as? any RowDecodable.Type)?.decoder(as: Record.self) ?? { try Self(row: $0).value }
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        value.id = inserted.rowID
    }

    /// Inserts records as new rows (their `id` must be nil) and returns the
    /// new rows' ids, in order. The default goes through GRDB's record
    /// persistence; the high-volume kinds (``BulkInsertable``) write many rows
    /// per statement, which matters when thousands arrive at once.
    static func insertAll(_ records: [Record], _ db: Database) throws -> [Int64] {
        if let bulk = Record.self as? any BulkInsertable.Type {
            return try bulk.insertRows(records, db)
        }
        return try records.map { record in
            var row = Self(record)
            try row.insert(db)
            return db.lastInsertedRowID
        }
    }

    /// The record with local id `id`, deleted or not; nil when there is none.
    static func fetch(_ db: Database, id: Int64) throws -> Record? {
        try filter(key: id).fetchValue(db)
    }
}
