import Foundation
import Testing
import Vocabulary
@testable import Replica

/// Texts e-conomic holds with a NUL inside are read whole from the replica,
/// by every way a record is read, not cut at the NUL as SQLite's C strings are.
@Suite("Texts with a NUL read whole")
struct WholeTextsTests {
    static let names = ["PEX-rør\u{0}16 mm", "\u{0}først", "sidst\u{0}", "to\u{0}\u{0}i træk", "Sørensen\u{0} VVS A/S"]

    @Test("a pulled text with a NUL comes back whole from a listing, a fetch by id and by ids, a record's name; the rest of the row as stored")
    func wholeEverywhere() throws {
        let replica = try TestReplica()
        let fixture = replica.fixture
        let (products, customer, entry) = try replica.store.writePulled { writer in
            let products = try Self.names.enumerated().map { index, name in
                try writer.create(Product(foreignKey: "N-\(index)", number: "N-\(index)", name: name, salesPrice: Double(index) + 0.5,
                                          unitId: fixture.stk, barred: index % 2 == 0))
            }
            let customer = try writer.create(Customer(foreignKey: 4711, name: "Jensen\u{0} & Søn", cvr: "13748136", address: "Vej 1\u{0}st.",
                                                      city: "Århus\u{0}C", customerGroupId: fixture.group))
            var entry = fixture.entry()
            entry.foreignKey = 990
            entry.note = "Montage\u{0}bad"
            return (products, customer, try writer.create(entry))
        }
        let listed = try replica.store.list(Product.self).filter { $0.foreignKey?.hasPrefix("N-") == true }
        #expect(listed.map(\.name) == Self.names)
        #expect(listed.map(\.id) == products.map(\.id) && listed.map(\.salesPrice) == products.map(\.salesPrice))
        #expect(listed.map(\.barred) == products.map(\.barred) && listed.allSatisfy { $0.unitId == fixture.stk })
        for product in products {
            #expect(try replica.store.fetch(Product.self, id: product.id!)?.name == product.name)
        }
        #expect(try replica.store.fetch(Product.self, ids: products.map { $0.id! }).map(\.name) == Self.names)
        #expect(try products.map { try replica.store.name(of: .product, id: $0.id!) } == Self.names)
        let stored = try #require(try replica.store.fetch(Customer.self, id: customer.id!))
        #expect((stored.cvr, stored.customerGroupId, stored.foreignKey) == (customer.cvr, fixture.group, 4711))
        #expect((stored.name, stored.address, stored.city) == ("Jensen\u{0} & Søn", "Vej 1\u{0}st.", "Århus\u{0}C"))
        // Hours are decoded by hand, not through Codable: their note too.
        #expect(try replica.store.fetch(TimeEntry.self, id: entry.id!)?.note == "Montage\u{0}bad")
        #expect(try replica.store.list(TimeEntry.self).first { $0.id == entry.id }?.note == "Montage\u{0}bad")
        // Rows without one are read as before.
        #expect(try replica.store.fetch(Product.self, id: fixture.product)?.name == "Kobberrør")
    }

    @Test("a local change to another field of such a record leaves the text whole and does not hold it to the input rules")
    func localChangeKeepsIt() throws {
        let replica = try TestReplica()
        let id = try replica.store.writePulled { writer in
            return try writer.create(Product(foreignKey: "N-1", number: "N-1", name: Self.names[0], unitId: replica.fixture.stk)).id!
        }
        let updated = try replica.store.write { writer in try writer.update(Product.self, id: id) { $0.salesPrice = 99 } }
        #expect(updated.name == Self.names[0] && updated.salesPrice == 99)
        #expect(try replica.store.fetch(Product.self, id: id)?.name == Self.names[0])
        // A local write that sets a NUL is still refused.
        #expect(throws: (any Error).self) {
            try replica.store.write { writer in try writer.update(Product.self, id: id) { $0.name = "ny\u{0}navn" } }
        }
        #expect(try replica.store.fetch(Product.self, id: id)?.name == Self.names[0])
    }
}
