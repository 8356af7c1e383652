import Foundation
import Replica
import Snapshot
import Sync
import Testing

/// The project module's settings (the wizard's step 4) against the emulator.
@Suite("Project module settings: hours, sub-projects, auto-approval")
struct ProjectSettingsTests {
    static func set(_ harness: ReconcileHarness, _ name: String, _ value: String) throws {
        try harness.replica.write { try $0.setSetting(name, value) }
    }

    @Test("with hour transfer off, approved hours are skipped with the reason")
    func syncHoursOff() async throws {
        try await ReconcileScenarioTests.synced { harness in
            try Self.set(harness, "projects.syncHours", "false")
            _ = try ReconcileScenarioTests.entry(harness, employee: try harness.localID(.employee, "3"), hours: 2, approved: true, note: "x")
            let (plan, _) = try await harness.plan()
            let op = try #require(plan.operations.first { $0.kind == .timeEntry })
            #expect(op.action == .skip && op.reason == "hour transfer is off (projects.syncHours)")
        }
    }

    /// A new sub-project of project 1 with approved hours on it.
    static func subProject(_ harness: ReconcileHarness) throws -> Project {
        try harness.replica.write { writer in
            let sub = try writer.create(Project(name: "Etape 3, Søndergade 86", customerId: try harness.localID(.customer, "1024"),
                                                parentId: try harness.localID(.project, "1"), projectGroup: 1))
            let entry = try writer.create(TimeEntry(employeeId: try harness.localID(.employee, "3"), projectId: sub.id!,
                                                    hourTypeId: try harness.localID(.hourType, "1"), date: "2026-11-27", hours: 3))
            _ = try writer.approve(TimeEntry.self, id: entry.id!, by: "formand")
            return sub
        }
    }

    @Test("sub-projects: linked sends the main project, standalone does not, merge-into-parent books the hours on the main project")
    func subProjects() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let sub = try Self.subProject(harness)
            let (linked, _) = try await harness.plan()
            let create = try #require(linked.operations.first { $0.kind == .project && $0.key == "local:\(sub.id!)" })
            #expect(create.action == .create && create.fields["mainProjectNumber"] == .int(1))
            try Self.set(harness, "projects.subProjects", "standalone")
            let (standalone, _) = try await harness.plan()
            let alone = try #require(standalone.operations.first { $0.kind == .project && $0.key == "local:\(sub.id!)" })
            #expect(alone.action == .create && alone.fields["mainProjectNumber"] == nil)
            try Self.set(harness, "projects.subProjects", "merge-into-parent")
            let (merged, _) = try await harness.plan()
            #expect(merged.operations.first { $0.kind == .project && $0.key == "local:\(sub.id!)" }?.action == .skip)
            let hours = try #require(merged.operations.first { $0.kind == .timeEntry })
            #expect(hours.action == .create && hours.fields["projectNumber"] == .int(1) && hours.requires.isEmpty)
        }
    }

    @Test("auto-approval approves the transferred entries in e-conomic with bookOn; without it they stay unapproved there")
    func autoApproval() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let scheduler = ModuleScheduler(replica: harness.replica, now: { [clock = harness.clock] in clock.now() })
            let runner = ModuleRunner(store: harness.store, client: harness.client, agreement: harness.emulator.agreement, scheduler: scheduler)
            _ = try ReconcileScenarioTests.entry(harness, employee: try harness.localID(.employee, "3"), hours: 2, approved: true, note: "uden")
            #expect(try await runner.run(.projectEntries, force: true).outcome.pushed == 1)
            #expect(harness.emulator.approvals.isEmpty)
            try Self.set(harness, "projects.autoApprove", "true")
            try Self.set(harness, "projects.bookOn", "endOfMonth")
            for hours in [3.0, 4.5] {
                _ = try ReconcileScenarioTests.entry(harness, employee: try harness.localID(.employee, "3"), hours: hours, approved: true, note: "med")
            }
            let approvedBefore = Set(harness.emulator.records(kind: "timeEntry").filter { $0.data["isApproved"] == .bool(true) }.map(\.key))
            let result = try await runner.run(.projectEntries, force: true)
            #expect(result.outcome.pushed == 2 && result.outcome.error == nil)
            let approval = try #require(harness.emulator.approvals.first)
            #expect(harness.emulator.approvals.count == 1 && approval.bookOn == 0 && approval.numbers.count == 2)
            let approved = harness.emulator.records(kind: "timeEntry").filter { $0.data["isApproved"] == .bool(true) && !approvedBefore.contains($0.key) }
            #expect(Set(approved.compactMap { $0.key.description }) == Set(approval.numbers.map(String.init)))
            #expect(Set(approved.compactMap { $0.data["numberOfHours"] }) == [.int(3), .number("4.5")])
        }
    }
}
