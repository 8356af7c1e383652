internal import GRDB

/// A value type of the replica's API (a record, a run, an outbox entry, …) as GRDB reads
/// and writes it: the value's `Codable` conformance, passed through, with the
/// snake-case columns of the replica's tables (`syncedHash` is `synced_hash`).
///
/// The API's types know nothing of GRDB, which stays inside Replica; the two
/// adapters are ``StoredRecord`` (replica records, by kind) and
/// ``StoredEntry`` (the replica's bookkeeping: runs, outbox, snapshots, …).
/// Requests are built on the adapter and read as values:
///
/// ```swift
/// let runs = try StoredEntry<ModuleRun>.all().order(ModuleRun.Columns.id.column.desc).fetchValues(db)
/// let run = try StoredEntry.inserted(ModuleRun(…), db)   // with its new id
/// ```
protocol StoredAdapter: FetchableRecord, MutablePersistableRecord, Codable {
    associatedtype Value: Codable
    /// The value stored in the row.
    var value: Value { get }
    init(_ value: Value)
    /// Decodes a row into a value; asked once per fetch, then used for every
    /// row (a kind may decode by hand, see ``RowDecodable``).
    static var valueDecoder: (Row) throws -> Value { get }
}

extension StoredAdapter {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { ColumnNames.decoding }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    static var valueDecoder: (Row) throws -> Value { { try Self(row: $0).value } }

    /// The value's own `Codable` conformance, passed through: the row's columns are the value's fields.
    init(from decoder: any Decoder) throws {
        self.init(try Value(from: decoder))
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }

    /// Inserts `value` as a new row; returns it as inserted (with its id, where it has one).
    static func inserted(_ value: Value, _ db: Database) throws -> Value {
        var row = Self(value)
        try row.insert(db)
        return row.value
    }

    /// Writes every column of `value` to its existing row.
    static func update(_ value: Value, _ db: Database) throws {
        try Self(value).update(db)
    }

    /// Inserts `value`, or writes it over the row with its primary key.
    static func save(_ value: Value, _ db: Database) throws {
        var row = Self(value)
        try row.save(db)
    }

    /// Writes only the columns in which `new` differs from `old` (nothing when none does).
    static func updateChanges(_ new: Value, from old: Value, _ db: Database) throws {
        try Self(new).updateChanges(db, from: Self(old))
    }

    /// The columns in which `new` differs from `old`.
    static func changedColumns(_ new: Value, from old: Value) throws -> Set<String> {
        Set(try Self(new).databaseChanges(from: Self(old)).keys)
    }
}

extension FetchRequest where RowDecoder: StoredAdapter {
    /// The values the request selects, decoded as they are read, their texts whole (see ``WholeTexts``).
    func fetchValueCursor(_ db: Database) throws -> MapCursor<MapCursor<RowCursor, Row>, RowDecoder.Value> {
        try WholeTexts.cursor(db, self).map(RowDecoder.valueDecoder)
    }

    /// The values the request selects.
    func fetchValues(_ db: Database) throws -> [RowDecoder.Value] {
        try Array(fetchValueCursor(db))
    }

    /// The first value the request selects, nil when it selects none.
    func fetchValue(_ db: Database) throws -> RowDecoder.Value? {
        try WholeTexts.first(db, self, RowDecoder.valueDecoder)
    }
}
