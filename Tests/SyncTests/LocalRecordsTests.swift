import Vocabulary
import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import TestSupport
import Workbench
import Testing

@Suite("Replica rows in e-conomic's shape")
struct LocalRecordsTests {
    static func replica() throws -> (ReplicaStore, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let replica = try ReplicaStore.open(at: directory.file(ReplicaStore.fileName), create: true)
        try FieldDataGenerator(.init(seed: 4, customers: 12, products: 10, projects: 6, hours: 30)).generate(into: replica)
        return (replica, directory)
    }

    @Test("customers map to e-conomic's fields, references become e-conomic keys, local ones sort last")
    func customers() throws {
        let (replica, _) = try Self.replica()
        var local = LocalRecords(replica: replica)
        let rows = try local.records(Kind.customer.mapping!)
        let stored = try replica.list(Customer.self)
        #expect(rows.count == stored.count)
        let groups = Dictionary(uniqueKeysWithValues: try replica.list(CustomerGroup.self).map { ($0.id!, $0.foreignKey!) })
        for row in rows {
            let customer = try #require(stored.first { $0.id == row.localID })
            #expect(row.record.key == (customer.foreignKey.map { RecordKey.int(Int64($0)) } ?? .string("local:\(customer.id!)")))
            #expect(row.record.data["name"] == .string(customer.name))
            #expect(row.record.data["corporateIdentificationNumber"] == customer.cvr.map(JSONValue.string))
            #expect(FieldPath("customerGroup.customerGroupNumber").value(in: row.record.data) == .int(Int64(groups[customer.customerGroupId!]!)))
            #expect(row.record.data["telephoneAndFaxNumber"] == customer.phone.map(JSONValue.string))
        }
        let firstLocal = try #require(rows.firstIndex { $0.record.key.description.hasPrefix("local:") })
        #expect(rows[..<firstLocal].allSatisfy { !$0.record.key.description.hasPrefix("local:") })
        #expect(rows[firstLocal...].allSatisfy { $0.record.key.description.hasPrefix("local:") })
        #expect(rows[..<firstLocal].map(\.record.key) == rows[..<firstLocal].map(\.record.key).sorted())
    }

    @Test("time entries carry the project's and employee's e-conomic numbers, the hour type's activity, a Projects API date")
    func timeEntries() throws {
        let (replica, _) = try Self.replica()
        var local = LocalRecords(replica: replica)
        let rows = try local.records(Kind.timeEntry.mapping!)
        let entries = try replica.list(TimeEntry.self)
        let hourTypes = Dictionary(uniqueKeysWithValues: try replica.list(HourType.self).map { ($0.id!, $0) })
        let projects = Dictionary(uniqueKeysWithValues: try replica.list(Project.self).map { ($0.id!, $0) })
        #expect(rows.count == entries.count)
        for row in rows {
            let entry = try #require(entries.first { $0.id == row.localID })
            #expect(row.record.data["date"] == .string("\(entry.date)T00:00:00"))
            #expect(row.record.data["numberOfHours"]?.doubleValue == entry.hours)
            let activity = hourTypes[entry.hourTypeId]!.activityNumber
            #expect(row.record.data["activityNumber"] == activity.map { .int(Int64($0)) })
            let project = projects[entry.projectId]!
            #expect(row.record.data["projectNumber"] == project.foreignKey.map { .int(Int64($0)) })
            var missing: [String] = []
            if project.foreignKey == nil { missing.append("projectNumber") }
            if activity == nil { missing.append("activityNumber") }
            let employee = try replica.fetch(Employee.self, id: entry.employeeId)!
            if employee.foreignKey == nil { missing.append("employeeNumber") }
            #expect(row.unresolved.sorted() == missing.sorted(), "unresolved references are listed, not guessed")
        }
        #expect(rows.contains { !$0.unresolved.isEmpty } && rows.contains { $0.unresolved.isEmpty })
    }

    @Test("every mapping names fields its replica record type has")
    func mappingsMatchRecords() throws {
        let (replica, _) = try Self.replica()
        var local = LocalRecords(replica: replica)
        for mapping in KindMapping.all {
            let rows = try local.records(mapping)
            let mapped = Set(rows.flatMap { $0.record.data.keys })
            #expect(!rows.isEmpty || mapping.kind == .order, "\(mapping.kind) has rows")
            #expect(rows.isEmpty || !mapped.isEmpty, "\(mapping.kind) maps some field")
        }
    }
}
