import Foundation
import Testing
import Vocabulary
@testable import Replica

/// `ReplicaWriter.createAll`: many new records checked as `create` checks
/// one, then written together; one refusal writes none.
@Suite("Creating many records")
struct CreateAllTests {
    @Test("rows are written in order, equal to one create each, and logged as inserts")
    func sameAsCreate() throws {
        let replica = try TestReplica()
        let group = replica.fixture.group
        let start = try replica.store.latestChangeSequence()
        let customers = (0..<600).map { Customer(foreignKey: 5000 + $0, name: "Kunde \($0)", cvr: "13748136", customerGroupId: group) }
        let ids = try replica.store.write { try $0.createAll(customers) }
        #expect(ids.count == 600 && ids == ids.sorted())
        for (id, customer) in zip(ids, customers) {
            var expected = customer
            expected.id = id
            #expect(try replica.store.fetch(Customer.self, id: id) == expected)
        }
        let single = try replica.store.write { try $0.create(Customer(foreignKey: 6000, name: "Kunde 600", cvr: "13748136", customerGroupId: group)) }
        #expect(try replica.store.fetch(Customer.self, id: single.id!)?.name == "Kunde 600")
        let changes = try replica.store.changes(since: start)
        #expect(changes.map(\.row) == ids + [single.id!] && changes.allSatisfy { $0.operation == .insert })
    }

    @Test("two new records with one unique value are refused, naming it, and nothing is written")
    func duplicateInBatch() throws {
        let replica = try TestReplica()
        let stk = replica.fixture.stk
        let before = try replica.state()
        let products = [Product(number: "N-1", name: "Rør", unitId: stk), Product(number: "N-2", name: "Fitting", unitId: stk),
                        Product(number: "N-1", name: "Rør igen", unitId: stk)]
        let error = try #require(throws: ReplicaError.self) { try replica.store.write { try $0.createAll(products) } }
        #expect(error.code == .duplicate && error.field == "number" && "\(error)".contains("another new product has number N-1"))
        let keys = [Customer(foreignKey: 7001, name: "A"), Customer(foreignKey: 7001, name: "B")]
        let keyError = try #require(throws: ReplicaError.self) { try replica.store.write { try $0.createAll(keys) } }
        #expect(keyError.field == "foreignKey" && "\(keyError)".contains("another new customer has e-conomic key 7001"))
        #expect(try replica.state() == before)
    }

    @Test("a stored record with the value is named; a missing reference is refused also after a live one was seen")
    func againstStored() throws {
        let replica = try TestReplica()
        let f = replica.fixture
        let taken = try #require(throws: ReplicaError.self) {
            try replica.store.write { try $0.createAll([Product(number: "P-1", name: "Igen", unitId: f.stk)]) }
        }
        #expect("\(taken)".contains("product \(f.product) already has number P-1"))
        let missing = try #require(throws: ReplicaError.self) {
            try replica.store.write { writer in
                try writer.createAll([Customer(name: "A", customerGroupId: f.group), Customer(name: "B", customerGroupId: f.group),
                                      Customer(name: "C", customerGroupId: 999)])
            }
        }
        #expect(missing.code == .missingReference && "\(missing)".contains("customerGroup 999 does not exist"))
        #expect(try replica.store.list(Customer.self).count == 1)
    }
}
