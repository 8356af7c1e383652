import Foundation
import Testing
@testable import Replica

/// The CVR field follows the customer's VAT zone when a person types it, and
/// is never checked when e-conomic sends it (issue 11).
@Suite("CVR by VAT zone, and e-conomic's values as they are")
struct TaxNumberTests {
    /// A replica with e-conomic's VAT zones 1 (Domestic) and 2 (EU); returns the local id of each.
    static func zones(_ replica: TestReplica) throws -> (domestic: Int64, eu: Int64) {
        try replica.store.write { writer in
            (try writer.create(VatZone(foreignKey: 1, name: "Domestic")).id!, try writer.create(VatZone(foreignKey: 2, name: "EU")).id!)
        }
    }

    @Test("typed: a domestic customer needs a Danish CVR number; an EU customer may have a foreign VAT number up to e-conomic's 40 characters")
    func typed() throws {
        let replica = try TestReplica()
        let (domestic, eu) = try Self.zones(replica)
        let refused = #expect(throws: ReplicaError.self) {
            try replica.store.write { try $0.create(Customer(name: "Svensk AB", cvr: "SE556677889901", vatZoneId: domestic)) }
        }
        #expect(refused?.field == "cvr")
        try replica.store.write { _ = try $0.create(Customer(name: "Svensk AB", cvr: "SE556677889901", vatZoneId: eu)) }
        let long = #expect(throws: ReplicaError.self) {
            try replica.store.write { try $0.create(Customer(name: "Lang AB", cvr: String(repeating: "9", count: 41), vatZoneId: eu)) }
        }
        #expect(long?.field == "cvr" && long?.message.contains("at most 40") == true)
    }

    @Test("pulled: placeholders, spaces and e-mail lists are stored as e-conomic holds them, and a later edit of the name is not refused for them")
    func pulled() throws {
        let replica = try TestReplica()
        let (domestic, _) = try Self.zones(replica)
        let id = try replica.store.writePulled { pulling -> Int64 in
            return try pulling.create(Customer(foreignKey: 1999, name: "  Test Kunde ", cvr: "Test", email: "a@x.dk; b@x.dk",
                                               vatZoneId: domestic)).id!
        }
        let stored = try #require(try replica.store.fetch(Customer.self, id: id))
        #expect(stored.name == "  Test Kunde " && stored.cvr == "Test" && stored.email == "a@x.dk; b@x.dk")
        try replica.store.write { _ = try $0.update(Customer.self, id: id) { $0.city = "Aarhus" } }
        let typed = #expect(throws: ReplicaError.self) {
            try replica.store.write { try $0.update(Customer.self, id: id) { $0.cvr = "Test2" } }
        }
        #expect(typed?.field == "cvr")
    }
}
