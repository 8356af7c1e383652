import Foundation
import GRDB
import Testing
@testable import Replica

/// A local write of input that e-conomic would refuse or that would do harm.
struct InputCase: Sendable, CustomTestStringConvertible {
    var name: String
    var field: String
    var message: String
    var write: @Sendable (ReplicaWriter, Fixture) throws -> Void
    var testDescription: String { name }
}

let inputCases: [InputCase] = [
    InputCase(name: "NUL in a customer name", field: "name", message: "NUL character") { w, _ in
        try w.create(Customer(name: "Hansen\u{0}VVS"))
    },
    InputCase(name: "ANSI escape in a product name", field: "name", message: "control character U+001B") { w, _ in
        try w.create(Product(number: "P-9", name: "Rør \u{1B}[31mrød\u{1B}[0m"))
    },
    InputCase(name: "line break in an employee name", field: "name", message: "control character U+000A") { w, _ in
        try w.create(Employee(name: "Jens\nJensen"))
    },
    InputCase(name: "NUL in a note", field: "note", message: "NUL character") { w, f in
        var entry = f.entry()
        entry.note = "rør\u{0}skjult"
        try w.create(entry)
    },
    InputCase(name: "a price of 1e300", field: "salesPrice", message: "too large") { w, _ in
        try w.create(Product(number: "P-9", name: "Guld", salesPrice: 1e300))
    },
    InputCase(name: "an hourly rate of 1e300, by an edit", field: "hourlyCostRate", message: "too large") { w, f in
        try w.update(Employee.self, id: f.employee) { $0.hourlyCostRate = 1e300 }
    },
    InputCase(name: "a quantity of 1e300", field: "quantity", message: "too large") { w, f in
        try w.create(Material(productId: f.product, projectId: f.project, date: "2026-11-02", quantity: 1e300))
    },
    InputCase(name: "approvedAt is not a time", field: "approvedAt", message: "\"yesterday\" is not a time") { w, f in
        var entry = f.entry()
        entry.approvedAt = "yesterday"
        entry.approvedBy = "formand"
        try w.create(entry)
    },
    InputCase(name: "hours on a main project", field: "project", message: "is a main project") { w, f in
        var entry = f.entry()
        entry.projectId = f.mainProject
        try w.create(entry)
    },
    InputCase(name: "hours moved to a main project", field: "project", message: "is a main project") { w, f in
        let id = try w.create(f.entry()).id!
        try w.update(TimeEntry.self, id: id) { $0.projectId = f.mainProject }
    },
]

@Suite("Rules for input")
struct InputRulesTests {
    @Test("a local write is refused with the field named, and writes nothing", arguments: inputCases)
    func refused(_ input: InputCase) throws {
        let replica = try TestReplica()
        let before = try replica.state()
        let error = try #require(throws: ReplicaError.self) {
            try replica.store.write { try input.write($0, replica.fixture) }
        }
        #expect(error.code == .invalidField && error.field == input.field, "\(error)")
        #expect(error.kind != nil)
        #expect(error.message.contains(input.message), "\(error)")
        #expect(try replica.state() == before)
    }

    @Test("the same values pulled from e-conomic are taken as they come", arguments: inputCases)
    func pulledValuesAreTaken(_ input: InputCase) throws {
        let replica = try TestReplica()
        try replica.store.writePulled { pull in
            try input.write(pull, replica.fixture)
        }
    }

    @Test("a local edit is not refused for a value e-conomic sent that it leaves as it was")
    func untouchedPulledValues() throws {
        let replica = try TestReplica()
        let id = try replica.store.writePulled { pull in
            return try pull.create(Customer(foreignKey: 2002, name: "Hansen \u{1B}[1mVVS", address: "Vej 1\u{0}")).id!
        }
        let edited = try replica.store.write { try $0.update(Customer.self, id: id) { $0.phone = "12345678" } }
        #expect(edited.phone == "12345678" && edited.name == "Hansen \u{1B}[1mVVS")
    }

    @Test("multi-line fields keep line breaks and tabs; ordinary text and approvals pass")
    func acceptedInput() throws {
        let replica = try TestReplica()
        try replica.store.write { writer in
            var entry = replica.fixture.entry()
            entry.note = "linje 1\r\nlinje 2\tmed tab"
            entry.projectId = replica.fixture.subProject
            entry.approvedAt = "2026-11-02T15:00:00Z"
            entry.approvedBy = "formand"
            try writer.create(entry)
            try writer.create(Product(number: "P-9", name: "Rør ½\" Ø22 — æøå", salesPrice: 999_999_999.99))
        }
    }

    @Test("canonical timestamps are read without a formatter, the same as with one")
    func canonicalTimestamps() throws {
        for text in ["2026-11-02T08:00:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z"] {
            #expect(Timestamp.canonical(text) == ISO8601DateFormatter().date(from: text), "\(text)")
            #expect(Timestamp.string(try #require(Timestamp.canonical(text))) == text)
        }
        for text in ["2026-11-31T08:00:00Z", "2025-02-29T08:00:00Z", "2026-11-02T24:00:00Z", "2026-11-02 08:00:00Z", "yesterday", ""] {
            #expect(Timestamp.canonical(text) == nil, "\(text)")
        }
        #expect(Timestamp.date("2026-11-02T08:00:00.500Z") != nil, "other ISO 8601 forms still parse")
    }

    @Test("a bound of a range of time (log --since, conflicts, the panel's days): a day's start, or the next day's, or a UTC time as stored")
    func bounds() {
        #expect(Timestamp.bound("2026-11-02") == "2026-11-02T00:00:00Z")
        #expect(Timestamp.bound("2026-11-02", dayAfter: true) == "2026-11-03T00:00:00Z")
        #expect(Timestamp.bound("2026-12-31", dayAfter: true) == "2027-01-01T00:00:00Z")
        #expect(Timestamp.bound("2026-11-02T08:15:00Z", dayAfter: true) == "2026-11-02T08:15:00Z", "a time is its own bound")
        #expect(Timestamp.bound("2026-11-02T09:15:00+01:00") == "2026-11-02T08:15:00Z", "in UTC, as stored")
        for text in ["2026-13-45", "2026-02-29", "02-11-2026", "yesterday", "", "2026-11-2"] {
            #expect(Timestamp.bound(text) == nil, "\(text)")
        }
    }
}

@Suite("Damaged replica files")
struct DamagedReplicaTests {
    @Test("a missing table is a damaged replica (exit 3 territory), naming the file, not an SQL error")
    func missingTable() throws {
        let replica = try TestReplica()
        try replica.store.write { try $0.db.execute(sql: "DROP TABLE contacts") }
        let error = try #require(throws: ReplicaError.self) { try replica.store.list(Contact.self) }
        #expect(error.code == .corrupt && error.file == replica.store.url.path, "\(error)")
        #expect(error.message.contains("the table contacts is missing"), "\(error)")
    }
}
