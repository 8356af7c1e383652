import Foundation
import Testing
import Vocabulary
@testable import Replica

/// `ReplicaStore.forEachCustomer`: the columns the data warnings read, without a record decoded.
@Suite("Customer facts for the data warnings")
struct CustomerFactsTests {
    @Test("the department's customers e-conomic holds, by local id, with their VAT zone's number; local-only, deleted and other departments' left out")
    func facts() throws {
        let replica = try TestReplica()
        try replica.store.writePulled { writer in
            let abroad = try writer.create(VatZone(foreignKey: 3, name: "Udland")).id!
            _ = try writer.create(Customer(foreignKey: 1002, name: "Svensk AB", cvr: "SE5566", email: "a@b.se; c@d.se", vatZoneId: abroad))
            _ = try writer.create(Customer(name: "Kun lokalt", cvr: "Test"))
            let gone = try writer.create(Customer(foreignKey: 1003, name: "Lukket", cvr: "Test")).id!
            try writer.tombstone(.customer, id: gone)
            var other = writer
            other.department = 2
            _ = try other.create(Customer(foreignKey: 1004, department: 2, name: "Afdeling 2", cvr: "Test"))
        }
        var seen: [ReplicaStore.CustomerFacts] = []
        try replica.store.forEachCustomer { seen.append($0) }
        #expect(seen == [
            .init(key: 1001, name: "Hansen VVS ApS", cvr: "13748136", email: nil, vatZone: nil),
            .init(key: 1002, name: "Svensk AB", cvr: "SE5566", email: "a@b.se; c@d.se", vatZone: 3),
        ])
        var second: [Int] = []
        try replica.store.scoped(to: 2).forEachCustomer { second.append($0.key) }
        #expect(second == [1004])
    }
}
