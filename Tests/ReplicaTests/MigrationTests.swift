import Vocabulary
import Foundation
import GRDB
import Testing
import Vocabulary
@testable import Replica
import Workbench

@Suite("Opening and migrating replica files")
struct MigrationTests {
    static func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    /// A replica file in `directory` made by the migrations up to schema `version`, then written by `write`.
    static func replica(in directory: TemporaryDirectory, atVersion version: Int, _ write: (Database) throws -> Void) throws -> URL {
        let url = directory.file(ReplicaStore.fileName)
        let queue = try DatabaseQueue(path: url.path, configuration: ReplicaStore.configuration(now: testNow))
        try ReplicaSchema.migrator.migrate(queue, upTo: ReplicaSchema.migrations[version - 1].identifier)
        try queue.write(write)
        return url
    }

    @Test("a replica created at schema version 1 opens after the latest migrations, its data kept")
    func upgradeFromVersion1() throws {
        let directory = try TemporaryDirectory()
        let url = try Self.replica(in: directory, atVersion: 1) { db in
            try db.execute(sql: "INSERT INTO customers(name, cvr) VALUES ('Hansen VVS ApS', '13748136')")
            try db.execute(sql: "INSERT INTO employees(name) VALUES ('Jens Jensen')")
            try db.execute(sql: "INSERT INTO projects(name, customer_id) VALUES ('Badeværelse', 1)")
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 1)
            #expect(try db.tableExists("settings") == false)
        }
        let store = try ReplicaStore.open(at: url, now: testNow)
        #expect(try store.fileSchemaVersion() == ReplicaStore.schemaVersion)
        #expect(ReplicaStore.schemaVersion >= 2)
        #expect(try store.list(Customer.self).map(\.name) == ["Hansen VVS ApS"])
        let sequence = try store.latestChangeSequence()
        #expect(sequence == 3, "the version-1 triggers logged the version-1 writes")
        let listing = try QueryPlanTests.plan(StoredRecord<TimeEntry>.all().onOrder(1), store)
        #expect(listing.contains { $0.contains("INDEX time_entries_order") }, "the upgrade added version 6's indexes: \(listing)")
        #expect(try store.consistencyProblems() == [])
        try store.write { try $0.setEmployees(ofProject: 1, to: [1]) }
        #expect(try store.employees(ofProject: 1) == [1])
        #expect(try store.changes(since: sequence).map { "\($0.kind.rawValue)/\($0.row)/\($0.operation.rawValue)" } == ["project/1/update"])
    }

    @Test("an order export journaled at schema version 6 is kept by version 7, which lets it be sent or released")
    func orderExportStatesFromVersion6() throws {
        let directory = try TemporaryDirectory()
        let url = try Self.replica(in: directory, atVersion: 6) { db in
            try db.execute(sql: "INSERT INTO customers(name) VALUES ('Hansen VVS ApS')")
            try db.execute(sql: "INSERT INTO projects(name, customer_id) VALUES ('Badeværelse', 1)")
            try db.execute(sql: "INSERT INTO orders(foreign_key, customer_id, project_id, date) VALUES (35, 1, 1, '2026-11-02')")
            try db.execute(sql: """
                INSERT INTO order_exports(order_id, project_id, idempotency_key, body, state, order_number, lines, net_amount, created_at)
                VALUES (1, 1, 'k1', '{}', 'confirmed', 35, 2, '1480.26', '2026-11-02T08:00:00Z')
                """)
            #expect(throws: DatabaseError.self, "version 6 knows no released export") {
                try db.execute(sql: "UPDATE order_exports SET state = 'released'")
            }
        }
        let store = try ReplicaStore.open(at: url, now: testNow)
        var export = try #require(try store.orderExports().first)
        #expect(export.state == .confirmed && export.orderNumber == 35 && export.idempotencyKey == "k1" && export.id == 1)
        export = try store.write { try $0.release(export, as: .released, at: "2026-11-03T08:00:00Z", note: nil) }
        #expect(try store.orderExports().map(\.state) == [.released])
        #expect(try store.foreignKey(.order, id: 1) == nil, "the released order forgets e-conomic's number, which may be given again")
        #expect(try store.list(Order.self).isEmpty)
        #expect(try store.consistencyProblems() == [])
    }

    @Test("a snapshot indexed at schema version 7 is kept by version 8, which lets it be a delta")
    func snapshotDeltaFromVersion7() throws {
        let directory = try TemporaryDirectory()
        let url = try Self.replica(in: directory, atVersion: 7) { db in
            try db.execute(sql: """
                INSERT INTO snapshots(agreement, file, taken_at, mode, records, counts, sha256, bytes, added_at, base_for)
                VALUES (1118081, 'snapshots/1118081/a.ndjson.gz', '2026-11-02T08:00:00Z', 'incremental', 3, '{"unit":3}', 'abc', 99,
                        '2026-11-02T08:00:01Z', 'run-1')
                """)
            #expect(throws: DatabaseError.self, "version 7 knows no delta") { try db.execute(sql: "UPDATE snapshots SET mode = 'delta'") }
        }
        let store = try ReplicaStore.open(at: url, now: testNow)
        let entry = try #require(try store.snapshots().first)
        #expect(entry.mode == "incremental" && entry.records == 3 && entry.baseFor == "run-1" && entry.id == 1)
        try store.write { try $0.setSnapshotDelta(file: entry.file, base: "snapshots/1118081/0.ndjson.gz", sha256: "def", bytes: 40,
                                                  records: 1, counts: #"{"unit":1}"#) }
        let delta = try #require(try store.snapshots().first)
        #expect(delta.mode == "delta" && delta.baseFile == "snapshots/1118081/0.ndjson.gz" && delta.sha256 == "def" && delta.bytes == 40
                && delta.records == 1 && delta.counts == #"{"unit":1}"# && delta.baseFor == "run-1")
    }

    @Test("a file from a newer econsync is refused and left unchanged")
    func newerVersionRefused() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file(ReplicaStore.fileName)
        _ = try ReplicaStore.open(at: url, create: true, now: testNow)
        do {
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v\(ReplicaStore.schemaVersion + 1)-from-the-future')")
                try db.execute(sql: "PRAGMA user_version = \(ReplicaStore.schemaVersion + 1)")
            }
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        let before = try Self.bytes(url)
        let error = try #require(throws: ReplicaError.self) { try ReplicaStore.open(at: url) }
        #expect(error.code == .newerSchema)
        #expect(error.file == url.path)
        #expect(error.description.contains("schema version \(ReplicaStore.schemaVersion + 1)") && error.description.contains("upgrade econsync"))
        #expect(try Self.bytes(url) == before)
    }

    @Test("an SQLite file of another application is refused, naming the file")
    func foreignDatabaseRefused() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { try $0.execute(sql: "CREATE TABLE notes(text TEXT)") }
        }
        let before = try Self.bytes(url)
        let error = try #require(throws: ReplicaError.self) { try ReplicaStore.open(at: url) }
        #expect(error.code == .notAReplica)
        #expect(error.description.hasPrefix(url.path))
        #expect(try Self.bytes(url) == before)
    }

    @Test("a file that is not a database at all is refused")
    func garbageRefused() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file(ReplicaStore.fileName)
        try Data("Kære kunde, tak for ordren.\n".utf8).write(to: url)
        let error = try #require(throws: ReplicaError.self) { try ReplicaStore.open(at: url) }
        #expect(error.code == .notAReplica)
        #expect(error.file == url.path)
    }

    @Test("a corrupt replica is refused, naming the file")
    func corruptRefused() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file(ReplicaStore.fileName)
        do {
            let store = try ReplicaStore.open(at: url, create: true, now: testNow)
            try FieldDataGenerator(.init(seed: 1, customers: 3, products: 3, projects: 2, hours: 3)).generate(into: store)
        }
        var data = try Self.bytes(url)
        for offset in 100..<4096 { data[offset] = UInt8(truncatingIfNeeded: offset &* 31) }
        try data.write(to: url)
        let error = try #require(throws: ReplicaError.self) { try ReplicaStore.open(at: url) }
        #expect(error.code == .corrupt)
        #expect(error.file == url.path)
    }

    @Test("a data directory without a replica says how to create one")
    func notInitialised() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file(ReplicaStore.fileName)
        let error = try #require(throws: ReplicaError.self) { try ReplicaStore.open(at: url) }
        #expect(error.code == .notInitialised)
        #expect(error.remedy == .initialise)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test("the replica is in WAL mode with foreign keys on")
    func pragmas() throws {
        let replica = try TestReplica()
        let (mode, foreignKeys, applicationID) = try replica.store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int32.fetchOne(db, sql: "PRAGMA application_id"))
        }
        #expect(mode == "wal" && foreignKeys == true && applicationID == ReplicaSchema.applicationID)
    }

    @Test("every record type's fields match its table's columns, and every row decodes")
    func recordsMatchSchema() throws {
        let replica = try TestReplica(generated: 5)
        _ = try replica.store.write { writer in
            try writer.create(Order(customerId: 1, date: "2026-11-02", heading: "Badeværelse"))
        }
        func decoded<R: ReplicaRecord>(_ type: R.Type) throws -> Int { try replica.store.list(type, includeDeleted: true).count }
        for kind in Kind.allCases {
            let columns = try replica.store.read { try $0.columns(in: kind.table).map(\.name) }
            for column in kind.mappedColumns + kind.references.map(\.column) + ["foreign_key", "department", "synced_hash"] {
                #expect(columns.contains(column), "\(kind.table) lacks \(column)")
            }
            let rows = try replica.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(kind.table)") }
            #expect(try decoded(kind.recordType) == rows)
            #expect(rows ?? 0 > 0, "the generator fills \(kind.table)")
        }
    }
}
