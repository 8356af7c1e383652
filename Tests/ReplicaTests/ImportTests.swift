import Foundation
import Testing
@testable import Replica
import Workbench

@Suite("Bulk import")
struct ImportTests {
    static let goodLines = [
        #"{"kind":"customer","ref":"hansen","data":{"name":"Jensen Kloak ApS","cvr":"DK 2940 3473","city":"Vejle","customerGroup":"e:1"}}"#,
        #"{"kind":"project","ref":"bad","data":{"name":"Kloakering","customer":"@hansen","employees":["e:7", 2]}}"#,
    ]

    static func write(_ lines: [String], in replica: TestReplica) throws -> URL {
        let url = replica.directory.file("import.ndjson")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url
    }

    @Test("a good file imports every line, resolving aliases, e-conomic keys and numbers")
    func imports() throws {
        let replica = try TestReplica()
        let url = try Self.write(Self.goodLines + [
            "",
            #"{"kind":"timeEntry","data":{"employee":"n:7","project":"@bad","hourType":"e:1","date":"2026-11-03","hours":7.5,"note":"Rørarbejde"}}"#,
            #"{"kind":"material","data":{"product":"n:P-1","project":"@bad","date":"2026-11-03","quantity":4,"unit":"e:1","note":null}}"#,
            #"{"kind":"unit","data":{"foreignKey":3,"name":"km"}}"#,
        ], in: replica)
        let summary = try replica.store.importRecords(from: url)
        #expect(summary.created == ["customer": 1, "project": 1, "timeEntry": 1, "material": 1, "unit": 1])
        let customer = try #require(try replica.store.list(Customer.self).first { $0.name == "Jensen Kloak ApS" })
        #expect(customer.cvr == "29403473" && customer.customerGroupId == replica.fixture.group && customer.currency == "DKK")
        let project = try #require(try replica.store.list(Project.self).first { $0.name == "Kloakering" })
        #expect(project.customerId == customer.id)
        #expect(try replica.store.employees(ofProject: project.id!) == [replica.fixture.employee, replica.fixture.employeeWithoutID])
        let entry = try #require(try replica.store.list(TimeEntry.self).first)
        #expect(entry.projectId == project.id && entry.employeeId == replica.fixture.employee && entry.hours == 7.5)
        let material = try #require(try replica.store.list(Material.self).first)
        #expect(material.productId == replica.fixture.product && material.unitId == replica.fixture.stk && material.note == nil)
    }

    @Test("a bad line names the file and line, and nothing of the file is imported", arguments: [
        (#"{"kind":"customer","data":{"name":"#, "not a JSON object"),
        (#"["customer"]"#, "not a JSON object"),
        (#"{"kind":"invoice","data":{}}"#, "unknown kind \"invoice\""),
        (#"{"data":{"name":"X"}}"#, "\"kind\" is missing"),
        (#"{"kind":"customer","data":{"nmae":"X"}}"#, "field nmae: unknown field"),
        (#"{"kind":"customer","data":{"name":"X","id":7}}"#, "field id: unknown field"),
        (#"{"kind":"customer","data":{"name":"X","syncedHash":"00"}}"#, "field syncedHash: unknown field"),
        (#"{"kind":"customer","data":{"city":"Vejle"}}"#, "field name: is required"),
        (#"{"kind":"timeEntry","data":{"employee":1,"project":"@bad","hourType":1,"date":"2026-11-03","hours":"seven"}}"#, "field hours: has the wrong type: expected a number"),
        (#"{"kind":"timeEntry","data":{"employee":1,"project":"@bad","hourType":1,"date":"2026-11-03","hours":25}}"#, "field hours: 25 is not allowed"),
        (#"{"kind":"customer","data":{"name":"X","cvr":"12345678"}}"#, "modulus-11"),
        (#"{"kind":"project","data":{"name":"X","customer":"@nobody"}}"#, "no earlier line is named @nobody"),
        (#"{"kind":"project","data":{"name":"X","customer":"@bad"}}"#, "@bad is a project, not a customer"),
        (#"{"kind":"project","data":{"name":"X","customer":"kunde"}}"#, "\"kunde\" is not a reference"),
        (#"{"kind":"customer","ref":"hansen","data":{"name":"X"}}"#, "ref \"hansen\" is already used"),
        (#"{"kind":"customer","data":{"name":"X"},"extra":1}"#, "unknown key \"extra\""),
        (#"{"kind":"customer","data":{"name":"Hansen\u0000VVS"}}"#, "customer, field name: contains a NUL character"),
        (#"{"kind":"customer","data":{"name":"Hansen \u001b[31mVVS"}}"#, "customer, field name: contains the control character U+001B"),
        (#"{"kind":"product","data":{"number":"P-7","name":"Guld","salesPrice":1e300}}"#, "product, field salesPrice: 1e+300 is too large"),
        (#"{"kind":"timeEntry","data":{"employee":1,"project":"@bad","hourType":1,"date":"2026-11-03","hours":2,"approvedAt":"yesterday","approvedBy":"x"}}"#,
         "time entry, field approvedAt: \"yesterday\" is not a time"),
    ])
    func badLine(_ line: String, message: String) throws {
        let replica = try TestReplica()
        let url = try Self.write(Self.goodLines + [line], in: replica)
        let before = try replica.state()
        let error = try #require(throws: ReplicaError.self) { try replica.store.importRecords(from: url) }
        #expect(error.file == url.path && error.line == 3)
        #expect(error.description.hasPrefix("\(url.path):3: "))
        #expect(error.description.contains(message), "\(error)")
        #expect(try replica.state() == before)
    }

    @Test("CRLF line endings are read like LF ones")
    func crlf() throws {
        let replica = try TestReplica()
        let url = replica.directory.file("crlf.ndjson")
        try Data((Self.goodLines.joined(separator: "\r\n") + "\r\n").utf8).write(to: url)
        let summary = try replica.store.importRecords(from: url)
        #expect(summary.created == ["customer": 1, "project": 1] && summary.lines == 2)
        #expect(try replica.store.list(Customer.self).contains { $0.name == "Jensen Kloak ApS" })
    }

    @Test("a missing or non-UTF-8 file is refused, naming it")
    func unreadable() throws {
        let replica = try TestReplica()
        let missing = replica.directory.file("missing.ndjson")
        let error = try #require(throws: ReplicaError.self) { try replica.store.importRecords(from: missing) }
        #expect(error.code == .badImport && error.file == missing.path)
        #expect(error.message.hasPrefix("cannot be read: no such file"), "\(error)")
        let binary = replica.directory.file("binary.ndjson")
        try Data([0xFF, 0xFE, 0x00, 0x7B]).write(to: binary)
        let second = try #require(throws: ReplicaError.self) { try replica.store.importRecords(from: binary) }
        #expect(second.description.contains("not UTF-8"))
    }
}

@Suite("Data generator")
struct GeneratorTests {
    @Test("the same seed gives the same replica; another seed another")
    func deterministic() throws {
        let first = try TestReplica(generated: 21), second = try TestReplica(generated: 21), other = try TestReplica(generated: 22)
        #expect(try first.state() == second.state())
        #expect(try first.state() != other.state())
    }

    @Test("the data is realistic: valid CVRs, sub-projects, every state of registration", arguments: [3, 8] as [UInt64])
    func realistic(seed: UInt64) throws {
        let directory = try TemporaryDirectory()
        let store = try ReplicaStore.open(at: directory.file("r.sqlite"), create: true, now: testNow)
        let created = try FieldDataGenerator(.init(seed: seed, customers: 40, products: 30, projects: 25, hours: 400)).generate(into: store)
        #expect(created[.customer] == 40 && created[.product] == 30 && created[.project] == 25 && created[.timeEntry] == 400)
        #expect(try store.list(UnitType.self).map(\.name) == ["stk.", "timer", "km"])
        let customers = try store.list(Customer.self)
        #expect(customers.compactMap(\.cvr).allSatisfy(CVR.isValid))
        #expect(customers.contains { $0.foreignKey == nil } && customers.contains { $0.foreignKey != nil })
        let projects = try store.list(Project.self)
        #expect(projects.contains { $0.parentId != nil })
        let employees = try store.list(Employee.self)
        #expect(employees.contains { $0.foreignKey == nil } && employees.contains { $0.foreignKey != nil })
        let entries = try store.list(TimeEntry.self)
        #expect(entries.contains { !$0.isApproved } && entries.contains { $0.isApproved && $0.transferredAt == nil })
        #expect(entries.contains { $0.transferredAt != nil })
        #expect(entries.allSatisfy { $0.hours > 0 && $0.hours <= 24 && ($0.transferredAt == nil || $0.isApproved) })
        let open = Set(projects.filter { !$0.barred && !$0.closed }.compactMap(\.id))
        #expect(entries.allSatisfy { open.contains($0.projectId) })
        #expect(try store.unsyncedRows(.customer) == customers.filter { $0.foreignKey == nil }.compactMap(\.id),
                "records that exist in e-conomic are generated as reconciled")
        #expect(try store.consistencyProblems() == [])
    }

    @Test("generating into a replica that holds data is refused")
    func refusesNonEmpty() throws {
        let replica = try TestReplica()
        let error = try #require(throws: ReplicaError.self) {
            try FieldDataGenerator(.init(seed: 1, customers: 1, products: 1, projects: 1, hours: 1)).generate(into: replica.store)
        }
        #expect(error.description.contains("fresh data directory"))
    }
}
