import Foundation
internal import GRDB
internal import GRDBSQLite

/// Binds values straight to a prepared statement's parameters, for the bulk
/// insert paths where building `StatementArguments` for every row costs more
/// than SQLite's own work.
///
/// ```swift
/// let insert = try RowBinder(db.cachedStatement(sql: "INSERT INTO t(a, b) VALUES (?, ?)"))
/// try insert.run { $0.bind(42); $0.bind("stk.") }
/// ```
struct RowBinder {
    let statement: Statement
    private var index: Int32 = 1

    init(_ statement: Statement) {
        self.statement = statement
        statement.setUncheckedArguments([])  // GRDB then steps with the bindings made here
    }

    /// Binds the values `bind` gives, in parameter order, and executes the statement once.
    func run(_ bind: (inout RowBinder) -> Void) throws {
        var binder = self
        sqlite3_reset(statement.sqliteStatement)
        bind(&binder)
        try statement.execute()
    }

    mutating func bind(_ value: Int64?) {
        if let value { sqlite3_bind_int64(statement.sqliteStatement, index, value) } else { sqlite3_bind_null(statement.sqliteStatement, index) }
        index += 1
    }

    mutating func bind(_ value: Int?) {
        bind(value.map(Int64.init))
    }

    mutating func bind(_ value: Double?) {
        if let value { sqlite3_bind_double(statement.sqliteStatement, index, value) } else { sqlite3_bind_null(statement.sqliteStatement, index) }
        index += 1
    }

    mutating func bind(_ value: Bool) {
        sqlite3_bind_int64(statement.sqliteStatement, index, value ? 1 : 0)
        index += 1
    }

    /// Binds a text. One without a NUL inside is bound as a C string (length
    /// −1), so that SQLite knows its copy is terminated: a SQL function reading
    /// it (`econsync_hash`) then gets it in place, where an unterminated copy
    /// is copied once more to terminate it (7 % of the writing thread's time
    /// in a first sync of 100,000 customers, `perf` on `econsync bench sync`).
    /// One with a NUL inside is bound with its length, so that it is kept whole.
    mutating func bind(_ value: String?) {
        if let value {
            value.withCString { text in
                let count = value.utf8.count
                _ = sqlite3_bind_text(statement.sqliteStatement, index, text, strlen(text) == count ? -1 : Int32(count), sqliteTransient)
            }
        } else {
            sqlite3_bind_null(statement.sqliteStatement, index)
        }
        index += 1
    }
}

/// SQLite's `SQLITE_TRANSIENT`: copy the bound bytes.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
