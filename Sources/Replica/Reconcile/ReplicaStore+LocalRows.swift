internal import GRDB
import Vocabulary

extension ReplicaStore {
    /// The rows of `kind` in ``department`` (deleted ones included) with the
    /// values of `properties` (the record type's property names), as reconcile
    /// compares them: all rows by local id, or those with local ids `ids`
    /// (in no particular order).
    ///
    /// ```swift
    /// let rows = try replica.localRows(.product, properties: ["name", "salesPrice"], ids: [4, 9])
    /// ```
    public func localRows(_ kind: Kind, properties: [String], ids: [Int64]? = nil) throws -> [LocalRow] {
        let type = kind.recordType
        let wanted = properties.map { type.columnName(forProperty: $0) }
        let registration = type is any Registration.Type
        // The row's own columns first, then each wanted column once.
        var columns = [RecordColumn.id.name, RecordColumn.foreignKey.name, RecordColumn.tombstone.name]
        if registration { columns += [TimeEntry.Columns.approvedAt.rawValue, TimeEntry.Columns.orderId.rawValue] }
        for case let column? in wanted where !columns.contains(column) { columns.append(column) }
        let positions = wanted.map { $0.flatMap { columns.firstIndex(of: $0) } }
        let whole = Set(wanted.compactMap { $0 }).subtracting([RecordColumn.id.name, RecordColumn.foreignKey.name, RecordColumn.tombstone.name])
        let booleans = Set(columns.indices.filter { Self.booleanColumns.contains(columns[$0]) })
        return try read { db in
            var rows: [LocalRow] = []
            func collect(_ cursor: RowCursor) throws {
                while let row = try cursor.next() {
                    let values = positions.map { position in position.flatMap { Self.value(row[$0], boolean: booleans.contains($0)) } }
                    let key: DatabaseValue = row[1]
                    rows.append(LocalRow(id: row[0], values: values, foreignKey: key.isNull ? nil : key.keyText, tombstone: row[2],
                                         approved: registration ? !(row[3] as DatabaseValue).isNull : nil,
                                         orderID: registration ? row[4] : nil))
                }
            }
            guard let ids else {
                try collect(kind.localRowsRequest(columns: columns, whole: whole, department: department, ids: [Int64]?.none).fetchCursor(db))
                return rows
            }
            for chunk in ids.batches() {
                try collect(kind.localRowsRequest(columns: columns, whole: whole, department: department, ids: chunk).fetchCursor(db))
            }
            return rows
        }
    }

    /// Columns holding booleans (SQLite stores them as 0 and 1).
    static let booleanColumns: Set<String> = [Project.Columns.barred.rawValue, Project.Columns.closed.rawValue, RecordColumn.tombstone.name]

    /// A stored value as reconcile reads it; nil for NULL. A blob is a text
    /// read whole (see ``Kind/localRowsRequest(columns:whole:department:ids:)``): no column holds blobs.
    static func value(_ value: DatabaseValue, boolean: Bool) -> LocalRow.Value? {
        switch value.storage {
        case .null: nil
        case .blob(let bytes): .text(String(decoding: bytes, as: UTF8.self))
        case .int64(let int): boolean ? .bool(int != 0) : .int(int)
        case .double(let double): .double(double)
        case .string(let text): .text(text)
        }
    }
}
