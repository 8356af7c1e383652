import Foundation
import Testing
import Vocabulary
@testable import Replica

@Suite("Local rows for reconcile")
struct LocalRowsTests {
    @Test("properties read their columns: booleans as booleans, NULL and unknown properties as nil")
    func values() throws {
        let replica = try TestReplica()
        let f = replica.fixture
        let rows = try replica.store.localRows(.product, properties: ["number", "salesPrice", "barred", "costPrice", "nonsense"])
        let synced = try #require(rows.first { $0.id == f.syncedProduct })
        #expect(synced.values == [.text("P-2"), .double(1200), .bool(false), nil, nil])
        #expect(synced.foreignKey == "P-2")
        #expect(synced.approved == nil)
        #expect(rows.map(\.id) == rows.map(\.id).sorted())
        let local = try #require(rows.first { $0.id == f.product })
        #expect(local.values[1] == .double(45.5) && local.foreignKey == nil && !local.tombstone)
    }

    @Test("ids narrow the rows; registrations say whether they are approved")
    func registrations() throws {
        let replica = try TestReplica()
        let entry = try replica.store.write { try $0.create(replica.fixture.entry()) }
        let rows = try replica.store.localRows(.timeEntry, properties: ["hours", "projectId"], ids: [entry.id!, 999])
        #expect(rows.count == 1)
        #expect(rows.first?.values == [.double(7.5), .int(replica.fixture.project)])
        #expect(rows.first?.approved == false)
    }
}

extension LocalRowsTests {
    @Test("a text with a NUL inside is read whole, as stored (GRDB alone reads it up to the NUL)")
    func textWithNUL() throws {
        let replica = try TestReplica()
        let name = "Sørensen\u{0} VVS A/S"
        let id = try replica.store.writePulled { writer in
            return try writer.create(Customer(foreignKey: 1002, name: name, city: "Kolding\u{0}")).id!
        }
        let row = try #require(try replica.store.localRows(.customer, properties: ["name", "city", "cvr"], ids: [id]).first)
        #expect(row.values == [.text(name), .text("Kolding\u{0}"), nil])
        #expect(row.foreignKey == "1002")
        // A record is read whole too (GRDB alone reads it up to the NUL, see `WholeTextsTests`).
        #expect(try replica.store.fetch(Customer.self, id: id).map { [$0.name, $0.city] } == [name, "Kolding\u{0}"])
    }
}
