import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import TestSupport
import Testing
import Vocabulary

/// Projects created in the field (brief, module 5): they keep their number in
/// e-conomic, a main project and its sub-projects arrive together, and a
/// number e-conomic already uses blocks the create instead of renumbering it.
@Suite("Projects created in the field")
struct FieldProjectTests {
    @Test("a main project and its sub-project created in the field reach e-conomic with their numbers, the main one first")
    func mainAndSub() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let group = try #require(harness.emulator.records(kind: "project").first?.data["projectGroupNumber"]?.intValue)
            let customer = try harness.localID(.customer, "1001")
            let (main, sub) = try harness.replica.write { writer in
                let main = try writer.create(Project(number: 7001, name: "Nybyggeri Vestergade", customerId: customer, projectGroup: Int(group)))
                let sub = try writer.create(Project(number: 7002, name: "Etape 1, fundament", customerId: customer, parentId: main.id,
                                                   projectGroup: Int(group)))
                return (main.id!, sub.id!)
            }
            let (plan, report) = try await harness.reconcile()
            let creates = plan.operations.filter { $0.kind == .project && $0.action == .create }
            #expect(creates.map(\.key) == ["local:\(main)", "local:\(sub)"], "the main project is created before its sub-project")
            #expect(creates.first?.fields["isMainProject"] == .bool(true) && creates.last?.fields["isMainProject"] == nil)
            #expect(report.pushFailures.isEmpty, "\(report.pushFailures)")
            let remote = harness.emulator.records(kind: "project")
            let created = try #require(remote.first { $0.key == .int(7001) })
            #expect(created.data["isMainProject"] == .bool(true) && created.data["name"] == .string("Nybyggeri Vestergade"))
            #expect(remote.first { $0.key == .int(7002) }?.data["mainProjectNumber"] == .int(7001))
            #expect(try harness.replica.fetch(Project.self, id: main)?.foreignKey == 7001)
            #expect(try harness.replica.fetch(Project.self, id: sub)?.foreignKey == 7002)
            #expect(try await harness.reconcile().0.operations.filter { $0.kind == .project && $0.action != .skip }.isEmpty)
        }
    }

    @Test("a number e-conomic already gives another project blocks the create with the reason: nothing is renumbered or sent")
    func takenNumber() async throws {
        try await ReconcileScenarioTests.synced { harness in
            // A project deleted in the field is only barred in e-conomic: its number stays taken there.
            let deletable = harness.emulator.records(kind: "project").first { project in
                guard let id = try? harness.localID(.project, project.key.description) else { return false }
                return (try? harness.replica.write { try $0.delete(Project.self, id: id) }) != nil
            }
            let existing = try #require(deletable)
            guard case .int(let taken) = existing.key else { Issue.record("project keys are numbers"); return }
            let group = try #require(existing.data["projectGroupNumber"]?.intValue)
            let customer = try harness.localID(.customer, "1001")
            let local = try harness.replica.write { writer in
                try writer.create(Project(number: Int(taken), name: "Tilbygning", customerId: customer, projectGroup: Int(group)))
            }
            let before = harness.emulator.records(kind: "project").count
            let (plan, report) = try await harness.reconcile()
            let op = try #require(plan.operations.first { $0.key == "local:\(local.id!)" })
            #expect(op.action == .block)
            #expect(op.reason.contains("project number \(taken) is taken in e-conomic") && op.reason.contains("never renumbered"), "\(op.reason)")
            #expect(report.pushFailures.isEmpty)
            #expect(harness.emulator.records(kind: "project").count == before)
            #expect(try harness.replica.fetch(Project.self, id: local.id!)?.foreignKey == nil)
        }
    }

    @Test("a project created with the default project group keeps that group: the next runs send nothing, never projectGroupNumber null")
    func defaultGroupKept() async throws {
        try await ReconcileScenarioTests.synced { harness in
            try await Self.checkDefaultGroupKept(harness)
        }
    }

    static func checkDefaultGroupKept(_ harness: ReconcileHarness) async throws {
        let group = try #require(harness.emulator.records(kind: "project").first?.data["projectGroupNumber"]?.intValue)
        let setting = String(group)
        try harness.replica.write { writer in try writer.setSetting("projects.projectGroup", setting) }
        let customer = try harness.localID(.customer, "1001")
        let id = try harness.replica.write { writer in
            try writer.create(Project(number: 7101, name: "Uden egen gruppe", customerId: customer)).id!
        }
        let first = try await harness.reconcile()
        #expect(first.0.operations.first { $0.key == "local:\(id)" }?.fields["projectGroupNumber"] == .int(group))
        #expect(first.1.pushFailures.isEmpty)
        #expect(try harness.replica.fetch(Project.self, id: id)?.projectGroup == Int(group), "the group e-conomic got is the replica's too")
        for _ in 0..<2 {
            let next = try await harness.reconcile().0.operations.filter { $0.kind == .project && $0.action != .skip }
            #expect(next.isEmpty, "\(next.map { "\($0.action) \($0.key) \($0.fields)" })")
        }
        #expect(harness.emulator.records(kind: "project").first { $0.key == .int(7101) }?.data["projectGroupNumber"] == .int(group))
    }

    @Test("a project closed in e-conomic is closed in the replica (no new hours); one closed in the field only is never sent, and says why")
    func closed() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let projects = harness.emulator.records(kind: "project").filter { $0.data["isMainProject"] != .bool(true) }
            let there = try #require(projects.first), here = try #require(projects.dropFirst().first)
            harness.emulator.edit(kind: "project", key: there.key) { $0?["isClosed"] = .bool(true) }
            let hereID = try harness.localID(.project, here.key.description)
            try harness.replica.write { writer in _ = try writer.update(Project.self, id: hereID) { $0.closed = true } }
            let (plan, report) = try await harness.reconcile()
            #expect(report.pushFailures.isEmpty, "\(report.pushFailures)")
            let thereID = try harness.localID(.project, there.key.description)
            #expect(try harness.replica.fetch(Project.self, id: thereID)?.closed == true)
            let skip = try #require(plan.operations.first { $0.kind == .project && $0.key == here.key.description })
            #expect(skip.action == .skip && skip.reason.contains("isClosed changed in the replica only"), "\(skip)")
            #expect(harness.emulator.records(kind: "project").first { $0.key == here.key }?.data["isClosed"] != .bool(true))
            #expect(try harness.replica.fetch(Project.self, id: hereID)?.closed == true, "kept in the replica: the field still takes no hours there")
            #expect(try await harness.reconcile().0.operations.filter { $0.kind == .project && $0.action != .skip }.isEmpty)
        }
    }
}
