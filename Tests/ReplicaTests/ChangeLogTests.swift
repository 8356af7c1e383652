import Vocabulary
import Foundation
import GRDB
import Testing
@testable import Replica
import Workbench

@Suite("Change log")
struct ChangeLogTests {
    /// Every row of every entity table, by kind and id, without `synced_hash`
    /// (bookkeeping that is deliberately not a change); project membership is
    /// part of its project.
    static func rows(_ store: ReplicaStore) throws -> [Kind: [Int64: [String]]] {
        try store.read { db in
            var result: [Kind: [Int64: [String]]] = [:]
            for kind in Kind.allCases {
                var rows: [Int64: [String]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(kind.table)") {
                    rows[row["id"]] = row.columnNames.filter { $0 != "synced_hash" }.map { "\($0)=\(row[$0] as DatabaseValue)" }
                }
                result[kind] = rows
            }
            for row in try Row.fetchAll(db, sql: "SELECT project_id, group_concat(employee_id) AS team FROM project_employees GROUP BY project_id") {
                result[.project]?[row["project_id"]]?.append("team=\(row["team"] as String)")
            }
            return result
        }
    }

    /// The records whose content differs between two states.
    static func changed(_ before: [Kind: [Int64: [String]]], _ after: [Kind: [Int64: [String]]]) -> Set<String> {
        var changed: Set<String> = []
        for kind in Kind.allCases {
            let old = before[kind] ?? [:], new = after[kind] ?? [:]
            for id in Set(old.keys).union(new.keys) where old[id] != new[id] {
                changed.insert("\(kind.rawValue)/\(id)")
            }
        }
        return changed
    }

    @Test("random writes: every changed row is logged, nothing else", arguments: 1...12)
    func completeness(seed: UInt64) throws {
        let replica = try TestReplica(generated: seed)
        var activity = FieldActivity(seed: seed)
        for _ in 0..<150 {
            let before = try Self.rows(replica.store)
            let sequence = try replica.store.latestChangeSequence()
            try activity.step(replica.store)
            let expected = Self.changed(before, try Self.rows(replica.store))
            let logged = Set(try replica.store.changes(since: sequence).map { "\($0.kind.rawValue)/\($0.row)" })
            #expect(logged == expected)
        }
        #expect(activity.committed > 50 && activity.refused > 5, "the activity mixes accepted and refused writes")
        #expect(try replica.store.consistencyProblems() == [])
    }

    @Test("operations are logged as insert, update and delete, in order")
    func operations() throws {
        let replica = try TestReplica()
        let start = try replica.store.latestChangeSequence()
        let id = try replica.store.write { try $0.create(Customer(name: "Møller Tag ApS")).id! }
        _ = try replica.store.write { try $0.update(Customer.self, id: id) { $0.city = "Vejle" } }
        _ = try replica.store.write { try $0.update(Customer.self, id: id) { $0.city = "Vejle" } }  // no change: not logged
        try replica.store.write { try $0.markSynced(.customer, ids: [id]) }  // bookkeeping: not logged
        try replica.store.write { try $0.delete(Customer.self, id: id) }
        let changes = try replica.store.changes(since: start)
        #expect(changes.map(\.operation) == [.insert, .update, .delete])
        #expect(changes.allSatisfy { $0.kind == .customer && $0.row == id && $0.at == testNow() })
        #expect(changes.map(\.seq) == changes.map(\.seq).sorted() && Set(changes.map(\.seq)).count == 3)
        #expect(try replica.store.changes(since: start, limit: 2).count == 2)
        #expect(try replica.store.changedRows(since: start) == [.customer: [id]])
    }

    @Test("rows are unsynced until marked synced, and again after a real edit")
    func syncedHash() throws {
        let replica = try TestReplica()
        let f = replica.fixture
        #expect(try replica.store.unsyncedRows(.customer) == [f.customer])
        try replica.store.write { try $0.markSynced(.customer, ids: [f.customer]) }
        #expect(try replica.store.unsyncedRows(.customer) == [])
        _ = try replica.store.write { try $0.update(Customer.self, id: f.customer) { $0.phone = "86121212" } }
        #expect(try replica.store.unsyncedRows(.customer) == [f.customer])
        _ = try replica.store.write { try $0.update(Customer.self, id: f.customer) { $0.phone = nil } }
        #expect(try replica.store.unsyncedRows(.customer) == [], "an edit undone restores the synced hash")
        _ = try replica.store.write { try $0.update(Customer.self, id: f.customer) { $0.foreignKey = 4242 } }
        #expect(try replica.store.unsyncedRows(.customer) == [], "the e-conomic key is not a mapped field")
    }

    @Test("the mapped hash tells values and types apart")
    func hashDistinguishes() {
        let samples: [[DatabaseValue]] = [
            [], [.null], ["".databaseValue], ["0".databaseValue], [0.databaseValue], [(0.5).databaseValue],
            ["a".databaseValue, "b".databaseValue], ["ab".databaseValue, "".databaseValue], ["a".databaseValue, .null],
        ]
        let hashes = samples.map(MappedHash.hash)
        #expect(Set(hashes).count == samples.count)
        #expect(MappedHash.hash([2.databaseValue]) == MappedHash.hash([(2.0).databaseValue]), "SQLite may return 2 or 2.0")
    }

    /// Rows hold hashes written by earlier versions: the same values must hash as they always did,
    /// in SQL (the function the queries call) and in Swift alike.
    @Test("the mapped hash is stable, in SQL as in Swift")
    func hashStable() throws {
        let values: [DatabaseValue] = [
            .null, 0.databaseValue, (-42).databaseValue, Int64.max.databaseValue, (2.0).databaseValue, (0.5).databaseValue,
            (-1e300).databaseValue, "".databaseValue, "Møllegade 7, 2. th.".databaseValue, "K:2/22 ✓".databaseValue,
            Data([0, 255, 7]).databaseValue, Data().databaseValue,
        ]
        let rows: [[DatabaseValue]] = [[], values] + values.map { [$0] } + [[.null, .null], ["a".databaseValue, 1.databaseValue]]
        let replica = try TestReplica()
        let inSQL = try replica.store.read { db in
            try rows.map { row in
                let marks = row.map { _ in "?" }.joined(separator: ", ")
                return try String.fetchOne(db, sql: "SELECT econsync_hash(\(marks))", arguments: StatementArguments(row))!
            }
        }
        let written = [  // by econsync 0.x's GRDB function, before the hash went native
            "cbf29ce484222325", "819a77e5d84ce35f", "af63bd4c8601b7df", "529a2cdc8ff533ac", "b53646544808c31d", "685d583ad34c0da4",
            "908fbaeea5d3c7ee", "0e1f5df54edb2bc8", "15c53cd25815e88b", "796ed797b92b1fd2", "bd75f5bf061f6bd1", "24eb1606a07daecd",
            "ef49d3705023cd0e", "985b2cc3d2245173", "08328807b4eb6fed", "373aff34aad92a94",
        ]
        #expect(inSQL == written)
        #expect(rows.map(MappedHash.hash) == written)
        let two = try replica.store.read { try String.fetchOne($0, sql: "SELECT econsync_hash(2)") }
        #expect(two == inSQL[6], "2.0 hashes as 2: SQLite may hand back either")
    }
}

@Suite("Consistency check")
struct ConsistencyTests {
    @Test("rows and change log that disagree are reported")
    func disagreementsReported() throws {
        let replica = try TestReplica()
        #expect(try replica.store.consistencyProblems() == [])
        let url = replica.store.url
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: ReplicaStore.configuration(now: testNow))
            try queue.write { db in
                try db.execute(sql: "DELETE FROM change_log WHERE kind = (SELECT code FROM change_kinds WHERE name = 'customer')")
                try db.execute(sql: "INSERT INTO change_log(kind, row_id, op, at) SELECT code, 999, 1, 0 FROM change_kinds WHERE name = 'product'")
            }
        }
        let problems = try replica.store.consistencyProblems()
        #expect(Set(problems) == [.unlogged(.customer, rows: [1]), .missing(.product, rows: [999])])
        #expect(Set(problems.map(\.description)) == ["customer rows without a logged insert: [1]", "product changes logged for missing rows: [999]"])
    }
}

@Suite("Bulk inserts")
struct BulkInsertTests {
    @Test("multi-row inserts return each row's id and log every row", arguments: [1, 255, 256, 257, 600])
    func bulk(count: Int) throws {
        let replica = try TestReplica()
        let f = replica.fixture
        let start = try replica.store.latestChangeSequence()
        let entries = (0..<count).map { f.entry(hours: Double($0 % 16 + 1) / 2, date: "2026-11-\(String(format: "%02d", $0 % 28 + 1))") }
        let ids = try replica.store.write { try StoredRecord.insertAll(entries, $0.db) }
        #expect(ids.count == count && Set(ids).count == count)
        for (id, entry) in zip(ids, entries) {
            let stored = try #require(try replica.store.fetch(TimeEntry.self, id: id))
            #expect(stored.hours == entry.hours && stored.date == entry.date)
        }
        let changes = try replica.store.changes(since: start)
        #expect(changes.map(\.row) == ids && changes.allSatisfy { $0.kind == .timeEntry && $0.operation == .insert })
        let materials = try replica.store.write { writer in
            try StoredRecord.insertAll((0..<count).map { Material(productId: f.product, projectId: f.project, date: "2026-11-02",
                                                              quantity: Double($0 + 1)) }, writer.db)
        }
        #expect(try materials.map { try replica.store.fetch(Material.self, id: $0)?.quantity } == (0..<count).map { Double($0 + 1) })
    }
}
