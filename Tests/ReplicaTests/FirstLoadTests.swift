import Foundation
import GRDB
import Testing
import Vocabulary
@testable import Replica

/// `FirstLoad`: a kind's first rows from e-conomic, written in batches as
/// reconciled rows, validated against the whole load without a query per record.
@Suite("First load of a kind")
struct FirstLoadTests {
    /// Rows of department 7, which the fixture has none of.
    static let department = 7

    @Test("rows are written in order with the synced hash of their own values, and logged as inserts")
    func syncedRows() throws {
        let replica = try TestReplica()
        let group = replica.fixture.group
        let start = try replica.store.latestChangeSequence()
        let customers = (0..<700).map {
            Customer(foreignKey: 9000 + $0, department: Self.department, name: "Kunde \($0)", cvr: $0 % 2 == 0 ? "13748136" : nil,
                     customerGroupId: group, barred: $0 % 3 == 0)
        }
        let products = (0..<300).map {
            Product(foreignKey: "F-\($0)", department: Self.department, number: "F-\($0)", name: "Vare \($0)", unitId: replica.fixture.stk)
        }
        let employees = [Employee(foreignKey: 71, department: Self.department, number: 71, name: "Ole", hourlyCostRate: 310.5)]
        let ids = try replica.store.writePulled(department: Self.department) { writer -> (customers: [Int64], products: [Int64], employees: [Int64]) in
            let customerIDs = try #require(try FirstLoad.run(Customer.self, writer: writer) { load in
                try load.insert(Array(customers[..<500])) + load.insert(Array(customers[500...]))
            })
            let productIDs = try #require(try FirstLoad.run(Product.self, writer: writer) { try $0.insert(products) })
            // Employees are not inserted many rows per statement: their hash is written after the insert.
            let employeeIDs = try #require(try FirstLoad.run(Employee.self, writer: writer) { try $0.insert(employees) })
            #expect(try FirstLoad.run(Customer.self, writer: writer) { _ in Issue.record("a second load of customers ran") } == nil)
            return (customerIDs, productIDs, employeeIDs)
        }
        #expect(ids.customers.count == 700 && ids.customers == ids.customers.sorted())
        // The hash written with each row is the one SQLite computes from the stored row.
        let hashes = try replica.store.write { writer in
            try ids.customers.map { (try writer.fetch(Customer.self, id: $0).syncedHash, try writer.mappedHash(.customer, id: $0)) }
                + ids.products.map { (try writer.fetch(Product.self, id: $0).syncedHash, try writer.mappedHash(.product, id: $0)) }
                + ids.employees.map { (try writer.fetch(Employee.self, id: $0).syncedHash, try writer.mappedHash(.employee, id: $0)) }
        }
        #expect(hashes.count == 1_001 && hashes.allSatisfy { $0.0 != nil && $0.0 == $0.1 })
        for (id, customer) in zip(ids.customers, customers) {
            let stored = try #require(try replica.store.fetch(Customer.self, id: id))
            #expect(stored.name == customer.name && stored.barred == customer.barred && stored.syncedHash != nil)
        }
        // Nothing loaded is a local change to push.
        #expect(try replica.store.unsyncedRows(.customer).allSatisfy { !ids.customers.contains($0) })
        #expect(try replica.store.unsyncedRows(.product).allSatisfy { !ids.products.contains($0) })
        let changes = try replica.store.changes(since: start)
        #expect(changes.count == 1_001 && changes.allSatisfy { $0.operation == .insert })
    }

    @Test("the rows expected size the load's claims once, after its first batch, at the claims a row makes")
    func expectedRows() throws {
        let replica = try TestReplica()
        // The capacity of the load's claims after each batch of 500 of 3,000 products, loaded into `department`.
        func capacities(expected: Int?, department: Int) throws -> [Int] {
            let products = (0..<3_000).map {
                Product(foreignKey: "E-\($0)", department: department, number: "E-\($0)", name: "Vare \($0)", unitId: replica.fixture.stk)
            }
            return try replica.store.writePulled(department: department) { writer in
                return try #require(try FirstLoad.run(Product.self, writer: writer, expectedRows: expected) { load in
                    try stride(from: 0, to: products.count, by: 500).map { start in
                        _ = try load.insert(Array(products[start..<start + 500]))
                        return load.memo.claims.capacity
                    }
                })
            }
        }
        let sized = try capacities(expected: 3_000, department: 7)
        // A product claims its number and its e-conomic key: 6,000 claims for 3,000 rows.
        #expect(sized[0] >= 6_000 && Set(sized).count == 1, "sized once, after the first batch: \(sized)")
        let grown = try capacities(expected: nil, department: 8)
        #expect(grown[0] < 6_000 && Set(grown).count > 1, "without a count the claims grow as rows come: \(grown)")
        let wrong = try capacities(expected: -5, department: 9)
        #expect(wrong == grown, "a count below zero sizes nothing: \(wrong)")
    }

    @Test("a kind with rows in the department is not first-loaded; another department's rows do not count")
    func onlyIntoEmpty() throws {
        let replica = try TestReplica()
        let loads = try replica.store.write { writer in
            var other = writer
            other.department = Self.department
            return (try FirstLoad.run(Customer.self, writer: writer) { _ in 0 },
                    try FirstLoad.run(Customer.self, writer: other) { _ in
                        (try Self.indexes(writer.db).count, try Int.fetchOne(writer.db, sql: "PRAGMA cache_size"))
                    })
        }
        // The fixture's customers have no department; the load into department 7 keeps the table's two indexes,
        // which hold them, and the writer's cache, which writing into them wants.
        #expect(loads.0 == nil && loads.1?.0 == 2 && loads.1?.1 == -32_768)
    }

    @Test("a key repeated in a later batch is refused, naming it, and the load's transaction writes nothing")
    func duplicateAcrossBatches() throws {
        let replica = try TestReplica()
        let before = try replica.state()
        let error = try #require(throws: ReplicaError.self) {
            try replica.store.writePulled(department: Self.department) { writer in
                _ = try FirstLoad.run(Customer.self, writer: writer) { load in
                    _ = try load.insert((0..<10).map { Customer(foreignKey: 100 + $0, department: Self.department, name: "K\($0)") })
                    _ = try load.insert([Customer(foreignKey: 200, department: Self.department, name: "Ny"),
                                         Customer(foreignKey: 104, department: Self.department, name: "Igen")])
                }
            }
        }
        #expect(error.code == .duplicate && error.field == "foreignKey" && "\(error)".contains("another new customer has e-conomic key 104"))
        let missing = try #require(throws: ReplicaError.self) {
            try replica.store.write { writer in
                var writer = writer
                writer.department = Self.department
                _ = try FirstLoad.run(Customer.self, writer: writer) { try $0.insert([Customer(department: Self.department, name: "A", customerGroupId: 999)]) }
            }
        }
        #expect(missing.code == .missingReference && "\(missing)".contains("customerGroup 999 does not exist"))
        #expect(try replica.state() == before)
    }

    /// Texts are bound as C strings when they hold no NUL (SQLite then knows its
    /// copy is terminated), as bytes when they do: both are stored whole, and
    /// the synced hash written with the row is the one of the stored row.
    @Test("texts with and without a NUL inside, small and long, are stored whole and hashed as stored")
    func textsBoundWhole() throws {
        let replica = try TestReplica()
        let names = ["Hansen\u{0}VVS", "\u{0}", "Abcdefghijklmno", "Æblegården ApS", "Kunde med et langt navn, Ølstykke & Sønner", "x\u{0}"]
        let rows = (0..<300).map { Customer(foreignKey: 5000 + $0, department: Self.department, name: names[$0 % names.count]) }
        let ids = try replica.store.writePulled(department: Self.department) { writer in
            return try #require(try FirstLoad.run(Customer.self, writer: writer) { try $0.insert(rows) })
        }
        #expect(ids.count == 300)
        // The stored bytes, read as bytes: GRDB reads a text as a C string, cut at a NUL.
        let stored = try replica.store.pool.read { db in
            try ids.map { id in try #require(try Row.fetchOne(db, sql: "SELECT hex(name) AS bytes, synced_hash FROM customers WHERE id = ?", arguments: [id])) }
        }
        let hashes = try replica.store.write { writer in try ids.map { try writer.mappedHash(.customer, id: $0) } }
        for ((row, hash), customer) in zip(zip(stored, hashes), rows) {
            #expect(row["bytes"] == customer.name.utf8.map { String(format: "%02X", $0) }.joined(), "\(customer.name.debugDescription)")
            #expect(row["synced_hash"] != nil && row["synced_hash"] == hash, "\(customer.name.debugDescription)")
        }
    }

    /// A load inserts 256 rows per statement, each changing about 300 pages;
    /// their statement journals on disk cost a first sync of 100,000
    /// customers 244 MB of writes to /var/tmp (`econsync bench sync`).
    @Test("a bulk write keeps its statements' journals in memory, commits or rolls back as a write does, and leaves the next write SQLite's default")
    func bulkWrite() throws {
        let replica = try TestReplica()
        let before = try replica.state()
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try replica.store.bulkWrite { writer in
                #expect(try Int.fetchOne(writer.db, sql: "PRAGMA temp_store") == 2)
                _ = try writer.create(Customer(name: "Rulles tilbage"))
                throw Refused()
            }
        }
        #expect(try replica.state() == before)
        let id = try replica.store.bulkWrite { writer in try writer.create(Customer(name: "Skrevet")).id! }
        #expect(try replica.store.fetch(Customer.self, id: id)?.name == "Skrevet")
        #expect(try replica.store.write { try Int.fetchOne($0.db, sql: "PRAGMA temp_store") } == 0)
    }

    /// The customers table's own indexes (name and statement), as the file holds them.
    static func indexes(_ db: Database) throws -> [Row] {
        try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' AND sql IS NOT NULL ORDER BY name")
    }

    /// A replica with no rows at all (no fixture).
    static func emptyReplica() throws -> (TemporaryDirectory, ReplicaStore) {
        let directory = try TemporaryDirectory()
        return (directory, try ReplicaStore.open(at: directory.file(ReplicaStore.fileName), create: true, now: testNow))
    }

    @Test("into a table with no rows, the indexes are built and the rows logged once the rows are in: the same indexes, used by lookups, holding every row, still unique; each row logged as the trigger logs it")
    func indexesBuiltAfter() throws {
        let (directory, store) = try Self.emptyReplica()
        defer { withExtendedLifetime(directory) {} }
        let before = try store.read(Self.indexes)
        #expect(before.map { $0["name"] as String } == ["customers_cvr", "customers_foreign_key"])
        let customers = (0..<600).map { Customer(foreignKey: 100 + $0, name: "Kunde \($0)", cvr: $0 % 2 == 0 ? "13748136" : nil) }
        let start = try store.latestChangeSequence()
        let loaded = try store.writePulled { writer in
            let cache = try Int.fetchOne(writer.db, sql: "PRAGMA cache_size")
            #expect(cache == -32_768, "a writer's cache, for index writes all over a table")
            let ids = try FirstLoad.run(Customer.self, writer: writer) { load in
                // While the rows go in, the table has no index to put each of them into, and a small page cache is enough.
                #expect(try Self.indexes(writer.db).isEmpty)
                #expect(try Int.fetchOne(writer.db, sql: "PRAGMA cache_size") == -FirstLoad<Customer>.appendCacheKiB)
                // Nor a trigger logging each row: the load logs them all once they are in.
                #expect(try Self.insertTrigger(writer.db) == nil)
                return try load.insert(Array(customers[..<300])) + load.insert(Array(customers[300...]))
            }
            #expect(try Int.fetchOne(writer.db, sql: "PRAGMA cache_size") == cache, "the writer's cache again")
            return ids
        }
        let ids = try #require(loaded)
        #expect(ids.count == 600)
        #expect(try store.read(Self.indexes) == before)
        // Each row logged as an insert, in the order of the rows, at the clock's time, as the trigger logs them.
        let changes = try store.changes(since: start)
        #expect(changes.map(\.row) == ids && changes.allSatisfy { $0.kind == .customer && $0.operation == .insert })
        #expect(Set(changes.map(\.at)) == [testNow()])
        // The trigger is back: the next insert is logged by it.
        let next = try store.write { try $0.create(Customer(name: "Efter indlæsningen")).id! }
        #expect(try store.changes(since: changes.last!.seq).map(\.row) == [next])
        QueryPlanTests.expectSearch(try QueryPlanTests.plan(Kind.customer.rowIDRequest(foreignKey: "342", department: nil), store),
                                    "customers", using: "INDEX customers_foreign_key")
        #expect(try store.read { try Kind.customer.rowIDRequest(foreignKey: "342", department: nil).fetchOne($0) } == ids[242])
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM customers INDEXED BY customers_cvr WHERE cvr = '13748136'") } == 300)
        // The unique index refuses a second row with one key, as it did before the load.
        let error = try #require(throws: DatabaseError.self) {
            try store.pool.write { db in
                try db.execute(sql: "UPDATE customers SET foreign_key = (SELECT foreign_key FROM customers WHERE id = ?) WHERE id = ?", arguments: [ids[0], ids[1]])
            }
        }
        #expect(error.resultCode == .SQLITE_CONSTRAINT && "\(error)".contains("customers"))
    }

    @Test("a load whose body throws makes the table's indexes and insert trigger again, and logs its row, before the error leaves it")
    func indexesBuiltAfterAnError() throws {
        let (directory, store) = try Self.emptyReplica()
        defer { withExtendedLifetime(directory) {} }
        let before = try store.read(Self.indexes)
        struct Stopped: Error {}
        // The caller catches the error and commits: the table must have its indexes.
        try store.writePulled { writer throws in
            #expect(throws: Stopped.self) {
                try FirstLoad.run(Customer.self, writer: writer) { load -> Void in
                    _ = try load.insert([Customer(foreignKey: 1, name: "Hansen VVS ApS")])
                    throw Stopped()
                }
            }
            #expect(try Self.indexes(writer.db) == before)
            #expect(try Self.insertTrigger(writer.db) != nil)
        }
        #expect(try store.read(Self.indexes) == before)
        // The row inserted before the error is logged, as the trigger would have logged it.
        #expect(try store.changes(since: 0).map(\.operation) == [.insert])
    }

    /// The statement of the change log's trigger for customer inserts, nil when the table has none.
    static func insertTrigger(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'customers_insert'")
    }
}
