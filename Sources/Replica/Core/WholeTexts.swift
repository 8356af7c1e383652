import Foundation
internal import GRDB
internal import GRDBSQLite

/// Rows whose texts are read whole. GRDB reads a text column up to its
/// first NUL (`String(cString:)`), so a name e-conomic holds with a NUL
/// inside ("Sørensen\0 VVS") came out of a listing cut short. A row of
/// such a text is read again into a copy, every text at its stored length;
/// a row without one is passed on as it is, at the cost of one `strlen` per text.
/// The copy's values are found by column name, as records decode them, not
/// by position (GRDB makes a row from a dictionary only).
///
/// ```swift
/// let cursor = try WholeTexts.cursor(db, request)
/// while let row = try cursor.next() { … }   // "Sørensen\0 VVS" whole
/// ```
enum WholeTexts {
    /// The rows `request` selects, each with its texts whole; with
    /// `singleResult`, the one row it is asked for (GRDB may limit the query to it).
    static func cursor(_ db: Database, _ request: some FetchRequest, singleResult: Bool = false) throws -> MapCursor<RowCursor, Row> {
        let prepared = try request.makePreparedRequest(db, forSingleResult: singleResult)
        let statement = prepared.statement
        let cursor = try Row.fetchCursor(statement, adapter: prepared.adapter)
        // An adapter's row is not the statement's columns: it is passed on as GRDB reads it.
        guard prepared.adapter == nil else { return cursor.map { $0 } }
        return cursor.map { row in holdsCutText(statement) ? whole(row, statement) : row }
    }

    /// The first row `request` selects, its texts whole, as `decode` makes it; nil when it selects none.
    static func first<T>(_ db: Database, _ request: some FetchRequest, _ decode: (Row) throws -> T) throws -> T? {
        let cursor = try cursor(db, request, singleResult: true)
        // The row is the statement's until the cursor ends (a cursor resets its statement as it goes).
        return try withExtendedLifetime(cursor) { try cursor.next().map(decode) }
    }

    /// Whether a text of the statement's current row holds a NUL.
    static func holdsCutText(_ statement: Statement) -> Bool {
        let sqlite = statement.sqliteStatement
        for column in 0..<sqlite3_column_count(sqlite) where sqlite3_column_type(sqlite, column) == SQLITE_TEXT {
            // The text first, then its length in bytes (SQLite's order: the length is of the text as converted).
            guard let text = sqlite3_column_text(sqlite, column) else { continue }
            if strlen(text) != Int(sqlite3_column_bytes(sqlite, column)) { return true }
        }
        return false
    }

    /// A copy of `row`, the statement's current row, with every text at its stored length.
    static func whole(_ row: Row, _ statement: Statement) -> Row {
        let sqlite = statement.sqliteStatement
        var values: [String: (any DatabaseValueConvertible)?] = [:]
        for (index, name) in row.columnNames.enumerated() {
            let column = Int32(index)
            if sqlite3_column_type(sqlite, column) == SQLITE_TEXT, let text = sqlite3_column_text(sqlite, column) {
                let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqlite, column)))
                values[name] = String(decoding: bytes, as: UTF8.self)
            } else {
                values[name] = row[index] as DatabaseValue
            }
        }
        return Row(values)
    }
}
