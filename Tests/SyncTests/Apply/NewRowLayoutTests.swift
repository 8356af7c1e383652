import Foundation
import Reconcile
import Replica
import Snapshot
@testable import Sync
import Testing
import Vocabulary
import TestSupport

/// A pulled record becomes a new row through its kind's ``NewRowLayout``:
/// each property from its mapped field, e-conomic's key or a default.
@Suite("New rows from e-conomic's records")
struct NewRowLayoutTests {
    /// Builds `R`'s new row from `data`, as a first pull does, in a fresh replica.
    func newRow<R: ReplicaRecord>(_ type: R.Type, key: String, _ data: [String: JSONValue]) throws -> R {
        let directory = try TemporaryDirectory()
        let replica = try ReplicaStore.open(at: directory.file(ReplicaStore.fileName), create: true)
        let layout = NewRowLayout(R.kind.mapping!)
        return try replica.write { writer in
            try PullWriter(writer: writer).newRecord(R.self, key: key, layout) { $0.comparable(in: data) }
        }
    }

    @Test("mapped fields set their properties; what e-conomic leaves out or sends as null takes the default or stays empty")
    func fieldsAndDefaults() throws {
        let customer = try newRow(Customer.self, key: "1001", [
            "customerNumber": .int(1001), "name": .string("Tømrer Hansen ApS"), "corporateIdentificationNumber": .string("12345678"),
            "email": .null, "zip": .string("8000"),
        ])
        #expect(customer.foreignKey == 1001)
        #expect(customer.name == "Tømrer Hansen ApS" && customer.cvr == "12345678" && customer.zip == "8000")
        #expect(customer.email == nil, "null is no value")
        #expect(customer.currency == "DKK" && customer.barred == false, "left out: the defaults")
        let barred = try newRow(Customer.self, key: "7", ["name": .string("Lukket"), "barred": .bool(true), "currency": .string("EUR")])
        #expect(barred.barred && barred.currency == "EUR", "a value e-conomic sends wins over the default")
    }

    @Test("a project's number is its e-conomic key, whatever its fields hold")
    func numberFromKey() throws {
        let project = try newRow(Project.self, key: "42", ["number": .int(41), "name": .string("Tagrenovering"), "isBarred": .bool(true)])
        #expect(project.number == 42 && project.foreignKey == 42)
        #expect(project.name == "Tagrenovering" && project.barred)
    }

    @Test("a value that does not fit the replica is refused, naming the field and the record")
    func badValue() throws {
        let error = try #require(throws: ApplyError.self) { try newRow(Customer.self, key: "9", ["name": .int(5)]) }
        #expect(error.code == .badValue && error.kind == .customer && error.key == "9")
        #expect(error.message.contains("name"))
        let missing = try #require(throws: ApplyError.self) { try newRow(Customer.self, key: "10", ["zip": .string("8000")]) }
        #expect(missing.message.contains("name"), "a required field left out")
    }

    @Test("names asked in another order than the first row's, or unknown, still find their own values")
    func learnedOrder() throws {
        let layout = NewRowLayout(Kind.customer.mapping!)
        let fields = layout.mapping.fields
        func values(_ name: String, _ zip: String) -> [JSONValue?] {
            fields.map { field in
                switch field.local {
                case "name": .string(name)
                case "zip": .string(zip)
                default: nil
                }
            }
        }
        let first = layout.fields(values("A", "1000"), key: "1")
        #expect(first["name"] == .string("A") && first["zip"] == .string("1000") && first["currency"] == .string("DKK"))
        let second = layout.fields(values("B", "2000"), key: "2")
        #expect(second["name"] == .string("B") && second["zip"] == .string("2000") && second["currency"] == .string("DKK"), "the learned order")
        let third = layout.fields(values("C", "3000"), key: "3")
        #expect(third["currency"] == .string("DKK") && third["nope"] == nil && third["zip"] == .string("3000") && third["name"] == .string("C"),
                "another order, and a name the kind has not")
        let fourth = layout.fields(values("D", "4000"), key: "4")
        #expect(fourth["zip"] == .string("4000") && fourth["name"] == .string("D"), "a row that skips a name")
        #expect(fourth["currency"] == .string("DKK"))
    }
}
