import Vocabulary
import GRDB

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
            try R.insertAll(records, db).count
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

extension ReplicaStore {
    /// One product row of ``writeProductTable(at:rows:_:)``.
    @_spi(Benchmark)
    public typealias ProductTableRow = (number: String, name: String, salesPrice: Double, costPrice: Double)

    /// Writes `rows` products (`row` gives each one) into a new plain SQLite
    /// file at `path`, not a replica: the table `sqldiff` compares for the
    /// benchmark (`econsync bench reconcile`).
    @_spi(Benchmark)
    public static func writeProductTable(at path: String, rows: Int, _ row: (Int) -> ProductTableRow) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE products (product_number TEXT PRIMARY KEY, name TEXT, sales_price REAL, cost_price REAL,
                                       unit INTEGER, product_group INTEGER, last_updated TEXT) WITHOUT ROWID
                """)
            let insert = try db.makeStatement(sql: "INSERT INTO products VALUES (?, ?, ?, ?, 1, 1, '2026-11-01T08:00:00Z')")
            for index in 0..<rows {
                let product = row(index)
                try insert.execute(arguments: [product.number, product.name, product.salesPrice, product.costPrice])
            }
        }
    }
}
