import GRDB

/// A plain SQLite file of products, not a replica: what `sqldiff` compares
/// beside the plan in the reconcile benchmark (`econsync bench reconcile`).
///
/// ```swift
/// try ProductTable.write(at: "a.sqlite", rows: 3) { ProductTable.Row(number: "P\($0)", name: "Vare", salesPrice: 10, costPrice: 5) }
/// ```
enum ProductTable {
    /// One product row.
    struct Row {
        var number: String
        var name: String
        var salesPrice: Double
        var costPrice: Double
    }

    /// Writes `rows` products (`row` gives each one) into a new SQLite file at `path`.
    static func write(at path: String, rows: Int, _ row: (Int) -> Row) throws {
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
