import Foundation
import Testing
import Vocabulary
@testable import Replica

/// `local hours|materials list`'s filter, run in SQL: the same registrations
/// as the rule read over every registration in memory.
@Suite("Registration listings")
struct RegistrationFilterTests {
    /// The rule the SQL must agree with, over every registration in memory.
    static func reference<R: Registration>(_ all: [R], _ filter: RegistrationFilter, department: Int?) -> [R] {
        all.filter { record in
            record.department == department
                && (filter.includeDeleted || filter.status == .deleted || !record.tombstone)
                && (filter.project == nil || record.projectId == filter.project)
                && (filter.status == nil || record.status == filter.status)
                && (filter.from == nil || record.date >= filter.from!) && (filter.to == nil || record.date <= filter.to!)
        }
    }

    @Test("every status, project, day range and deleted flag lists what the rule in memory lists", arguments: [UInt64(1), 2, 3])
    func agreesWithTheRule(seed: UInt64) throws {
        let replica = try TestReplica(generated: seed)
        // Deleted ones too: the first open hour and material.
        try replica.store.write { writer in
            if let open = try replica.store.list(TimeEntry.self).first(where: { $0.status == .open }) { try writer.delete(TimeEntry.self, id: open.id!) }
            if let open = try replica.store.list(Material.self).first(where: { $0.status == .open }) { try writer.delete(Material.self, id: open.id!) }
        }
        let hours = try replica.store.list(TimeEntry.self, includeDeleted: true)
        let materials = try replica.store.list(Material.self, includeDeleted: true)
        #expect(Set(hours.map(\.status)).isSuperset(of: [.open, .approved, .transferred, .deleted]), "\(Set(hours.map(\.status)))")
        let projects: [Int64?] = [nil] + Array(Set(hours.map(\.projectId))).sorted().prefix(2).map { $0 }
        let days = hours.map(\.date).sorted()
        for status in [nil] + RegistrationStatus.allCases {
            for project in projects {
                for deleted in [false, true] {
                    for (from, to) in [(nil, nil), (days[days.count / 3], days[2 * days.count / 3])] as [(String?, String?)] {
                        let filter = RegistrationFilter(project: project, status: status, from: from, to: to, includeDeleted: deleted)
                        #expect(try replica.store.registrations(TimeEntry.self, matching: filter).map(\.id)
                                == Self.reference(hours, filter, department: nil).map(\.id), "\(filter)")
                        #expect(try replica.store.registrations(Material.self, matching: filter).map(\.id)
                                == Self.reference(materials, filter, department: nil).map(\.id), "\(filter)")
                    }
                }
            }
        }
    }

    @Test("a project's listing reads an index by project (the approved ones not exported, the exportable index), not every registration")
    func projectIndex() throws {
        let replica = try TestReplica()
        let request = ReplicaStore.registrationsRequest(TimeEntry.self, matching: RegistrationFilter(project: 4, status: .approved), department: nil)
        QueryPlanTests.expectSearch(try QueryPlanTests.plan(request, replica.store), "time_entries", using: "(project_id=?)")
        let all = ReplicaStore.registrationsRequest(TimeEntry.self, matching: RegistrationFilter(project: 4), department: nil)
        QueryPlanTests.expectSearch(try QueryPlanTests.plan(all, replica.store), "time_entries", using: "time_entries_project")
    }
}
