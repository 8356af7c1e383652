import Foundation
import Testing
@testable import Replica

/// One rule and a write that breaks it.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var code: ReplicaError.Code
    var field: String?
    var message: String
    var write: @Sendable (ReplicaWriter, Fixture) throws -> Void
    var testDescription: String { name }
}

/// Writes that set up a state the rule is then checked in (committed before the rule runs).
struct Setup: Sendable {
    var run: @Sendable (ReplicaWriter, Fixture) throws -> Void
    static let none = Setup { _, _ in }
}

let ruleCases: [(RuleCase, Setup)] = [
    (RuleCase(name: "CVR fails modulus 11", code: .invalidField, field: "cvr", message: "modulus-11") { w, _ in
        try w.create(Customer(name: "Forkert ApS", cvr: "13748137"))
    }, .none),
    (RuleCase(name: "CVR has 7 digits", code: .invalidField, field: "cvr", message: "exactly 8 digits") { w, f in
        try w.update(Customer.self, id: f.customer) { $0.cvr = "1374813" }
    }, .none),
    (RuleCase(name: "hours are 0", code: .invalidField, field: "hours", message: "more than 0") { w, f in
        try w.create(f.entry(hours: 0))
    }, .none),
    (RuleCase(name: "hours are negative", code: .invalidField, field: "hours", message: "more than 0") { w, f in
        try w.create(f.entry(hours: -2))
    }, .none),
    (RuleCase(name: "hours exceed 24", code: .invalidField, field: "hours", message: "at most 24") { w, f in
        try w.create(f.entry(hours: 24.25))
    }, .none),
    (RuleCase(name: "hours are not a number", code: .invalidField, field: "hours", message: "at most 24") { w, f in
        try w.create(f.entry(hours: .nan))
    }, .none),
    (RuleCase(name: "date is not a calendar date", code: .invalidField, field: "date", message: "YYYY-MM-DD") { w, f in
        try w.create(f.entry(date: "2026-02-29"))
    }, .none),
    (RuleCase(name: "employee does not exist", code: .missingReference, field: "employee", message: "employee 999 does not exist") { w, f in
        try w.create(TimeEntry(employeeId: 999, projectId: f.project, hourTypeId: f.montage, date: "2026-11-02", hours: 2))
    }, .none),
    (RuleCase(name: "hour type is deleted", code: .missingReference, field: "hourType", message: "is deleted") { w, f in
        try w.create(f.entry())
    }, Setup { w, f in try w.delete(HourType.self, id: f.montage) }),
    (RuleCase(name: "customer group does not exist", code: .missingReference, field: "customerGroup", message: "does not exist") { w, _ in
        try w.create(Customer(name: "Ny Kunde", customerGroupId: 77))
    }, .none),
    (RuleCase(name: "project is barred", code: .invalidField, field: "project", message: "barred") { w, f in
        try w.create(TimeEntry(employeeId: f.employee, projectId: f.barredProject, hourTypeId: f.montage, date: "2026-11-02", hours: 1))
    }, .none),
    (RuleCase(name: "unit of a product in e-conomic changes", code: .immutableField, field: "unit", message: "exists in e-conomic") { w, f in
        try w.update(Product.self, id: f.syncedProduct) { $0.unitId = f.timer }
    }, .none),
    (RuleCase(name: "number of a product in e-conomic changes", code: .immutableField, field: "number", message: "exists in e-conomic") { w, f in
        try w.update(Product.self, id: f.syncedProduct) { $0.number = "P-99" }
    }, .none),
    (RuleCase(name: "product number already used", code: .duplicate, field: "number", message: "already has number P-1") { w, _ in
        try w.create(Product(number: "P-1", name: "Andet rør"))
    }, .none),
    (RuleCase(name: "price has three decimals", code: .invalidField, field: "salesPrice", message: "two decimals") { w, _ in
        try w.create(Product(number: "P-3", name: "Skruer", salesPrice: 1.005))
    }, .none),
    (RuleCase(name: "approved entry is edited", code: .locked, field: nil, message: "un-approve it first") { w, _ in
        try w.update(TimeEntry.self, id: 1) { $0.hours = 3 }
    }, Setup { w, f in try w.approve(TimeEntry.self, id: w.create(f.entry()).id!, by: "formand") }),
    (RuleCase(name: "approved entry is deleted", code: .locked, field: nil, message: "un-approve it first") { w, _ in
        try w.delete(TimeEntry.self, id: 1)
    }, Setup { w, f in try w.approve(TimeEntry.self, id: w.create(f.entry()).id!, by: "formand") }),
    (RuleCase(name: "transferred entry is un-approved", code: .locked, field: nil, message: "can no longer change") { w, _ in
        try w.unapprove(TimeEntry.self, id: 1)
    }, Setup { w, f in
        let id = try w.approve(TimeEntry.self, id: w.create(f.entry()).id!, by: "formand").id!
        try w.markTransferred(TimeEntry.self, id: id, foreignKey: 5001)
    }),
    (RuleCase(name: "unapproved entry is transferred", code: .locked, field: "approvedAt", message: "only approved") { w, _ in
        try w.markTransferred(TimeEntry.self, id: 1, foreignKey: 5002)
    }, Setup { w, f in try w.create(f.entry()) }),
    (RuleCase(name: "material quantity is 0", code: .invalidField, field: "quantity", message: "greater than 0") { w, f in
        try w.create(Material(productId: f.product, projectId: f.project, date: "2026-11-02", quantity: 0))
    }, .none),
    (RuleCase(name: "sub-project of a sub-project", code: .invalidField, field: "parent", message: "itself a sub-project") { w, f in
        try w.create(Project(name: "Etape 1a", parentId: f.subProject))
    }, .none),
    (RuleCase(name: "main project becomes a sub-project", code: .invalidField, field: "parent", message: "sub-project(s)") { w, f in
        try w.update(Project.self, id: f.mainProject) { $0.parentId = f.project }
    }, .none),
    (RuleCase(name: "customer in use is deleted", code: .inUse, field: nil, message: "still used by project") { w, f in
        try w.delete(Customer.self, id: f.customer)
    }, .none),
    (RuleCase(name: "employee e-mail is malformed", code: .invalidField, field: "email", message: "not an e-mail address") { w, f in
        try w.update(Employee.self, id: f.employee) { $0.email = "jens.example.dk" }
    }, .none),
    (RuleCase(name: "name is blank", code: .invalidField, field: "name", message: "must not be empty") { w, _ in
        try w.create(Employee(name: "   "))
    }, .none),
]

@Suite("Validation")
struct ValidationTests {
    @Test("each rule refuses bad input with its error and writes nothing", arguments: ruleCases + identityCases)
    func ruleRefuses(_ rule: RuleCase, _ setup: Setup) throws {
        let replica = try TestReplica()
        try replica.store.write { try setup.run($0, replica.fixture) }
        let before = try replica.state()
        let error = try #require(throws: ReplicaError.self) {
            try replica.store.write { try rule.write($0, replica.fixture) }
        }
        #expect(error.code == rule.code)
        #expect(error.field == rule.field)
        #expect(error.description.contains(rule.message), "\(error)")
        #expect(try replica.state() == before)
    }

    @Test("a failure inside a transaction undoes its earlier writes too")
    func transactionIsAtomic() throws {
        let replica = try TestReplica()
        let before = try replica.state()
        #expect(throws: ReplicaError.self) {
            try replica.store.write { writer in
                try writer.create(Customer(name: "Først ApS", cvr: "29403473"))
                try writer.create(replica.fixture.entry(hours: 30))
            }
        }
        #expect(try replica.state() == before)
    }

    @Test("un-approving an untransferred entry makes it editable again; transferring locks it for good")
    func approvalLifecycle() throws {
        let replica = try TestReplica()
        let f = replica.fixture
        let id = try replica.store.write { try $0.create(f.entry()).id! }
        try replica.store.write { writer in
            try writer.update(TimeEntry.self, id: id) { $0.hours = 6 }
            try writer.approve(TimeEntry.self, id: id, by: "formand")
            try writer.unapprove(TimeEntry.self, id: id)
            try writer.update(TimeEntry.self, id: id) { $0.note = "rettet" }
            try writer.approve(TimeEntry.self, id: id, by: "formand")
            try writer.markTransferred(TimeEntry.self, id: id, foreignKey: 9)
        }
        let entry = try #require(try replica.store.fetch(TimeEntry.self, id: id))
        #expect(entry.hours == 6 && entry.note == "rettet" && entry.approvedBy == "formand")
        #expect(entry.approvedAt == "2026-11-02T08:00:00Z" && entry.transferredAt == "2026-11-02T08:00:00Z" && entry.foreignKey == 9)
        for attempt: (ReplicaWriter) throws -> Void in [
            { try $0.update(TimeEntry.self, id: id) { $0.hours = 1 } },
            { try $0.unapprove(TimeEntry.self, id: id) },
            { try $0.delete(TimeEntry.self, id: id) },
        ] {
            let error = try #require(throws: ReplicaError.self) { try replica.store.write(attempt) }
            #expect(error.code == .locked)
        }
    }

    @Test("a product's unit may change until the product exists in e-conomic")
    func unitChangesBeforeSync() throws {
        let replica = try TestReplica()
        let product = try replica.store.write { try $0.update(Product.self, id: replica.fixture.product) { $0.unitId = replica.fixture.timer } }
        #expect(product.unitId == replica.fixture.timer)
    }

    @Test("input is normalised before it is stored")
    func normalisation() throws {
        let replica = try TestReplica()
        let customer = try replica.store.write { try $0.create(Customer(name: "  Jensen El ApS ", cvr: "DK 2940 3473", currency: "dkk")) }
        #expect(customer.name == "Jensen El ApS" && customer.cvr == "29403473" && customer.currency == "DKK")
    }
}

let identityCases: [(RuleCase, Setup)] = [
    (RuleCase(name: "e-conomic key already used", code: .duplicate, field: "foreignKey", message: "already has e-conomic key 1001") { w, _ in
        try w.create(Customer(foreignKey: 1001, name: "Dublet ApS"))
    }, .none),
    (RuleCase(name: "e-conomic key taken over by an edit", code: .duplicate, field: "foreignKey", message: "already has e-conomic key 7") { w, f in
        try w.update(Employee.self, id: f.employeeWithoutID) { $0.foreignKey = 7 }
    }, .none),
    (RuleCase(name: "deleted record is edited", code: .notFound, field: nil, message: "is deleted") { w, _ in
        try w.update(TimeEntry.self, id: 1) { $0.hours = 2 }
    }, Setup { w, f in try w.delete(TimeEntry.self, id: w.create(f.entry()).id!) }),
    (RuleCase(name: "missing record is approved", code: .notFound, field: nil, message: "does not exist") { w, _ in
        try w.approve(Material.self, id: 42, by: "formand")
    }, .none),
]
