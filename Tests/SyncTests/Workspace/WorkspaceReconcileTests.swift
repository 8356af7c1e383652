import Economic
import Foundation
import Reconcile
import Replica
import Sync
import Synchronization
import Testing
import TestSupport

/// `Workspace.reconcile`: every mode of a reconcile as one call, over a real
/// replica file and the emulator on loopback.
@Suite("Workspace: reconcile in one call")
struct WorkspaceReconcileTests {
    @Test("a dry run plans and writes nothing; a written plan applies once; then there is nothing to do or resume")
    func modes() async throws {
        try await ReconcileHarness.with { harness in
            let workspace = try harness.workspace()
            let sequence = try harness.replica.latestChangeSequence()
            var planned: [Plan] = []
            var events = ReconcileEvents()
            events.planned = { planned.append($0) }
            let dry = try await workspace.reconcile(.dryRun, events: events)
            #expect(dry.snapshotFile == nil && dry.applied == nil)
            #expect(dry.plan.map { !$0.isEmpty } == true && planned.count == 1)
            #expect(try harness.replica.latestChangeSequence() == sequence && harness.replica.snapshots(agreement: harness.emulator.agreement).isEmpty)

            let written = Mutex<[UInt8]>([])
            let planOut = try await workspace.reconcile(.writePlan(to: { bytes in written.withLock { $0 = bytes } }))
            #expect(planOut.applied == nil && planOut.snapshotFile != nil && planOut.plan?.operations == dry.plan?.operations)
            #expect(try harness.replica.latestChangeSequence() == sequence)

            let bytes = written.withLock { $0 }
            let applied = try await workspace.reconcile(.applyPlan(bytes))
            let pulls = dry.plan!.operations.count(where: \.action.isPull)
            #expect(applied.applied?.pulled == pulls && pulls > 0 && applied.applied?.pushFailures.isEmpty == true)
            let again = await #expect(throws: ApplyError.self) { try await workspace.reconcile(.applyPlan(bytes)) }
            #expect(again?.code == .stalePlan)

            let next = try await workspace.reconcile(.apply)
            #expect(next.plan?.isEmpty == true && next.applied?.pulled == 0 && next.applied?.pushed == 0)
            #expect(try await workspace.reconcile(.resume).applied == nil)
        }
    }

    @Test("a run that stops part-way on 5xx throws `stopped` with the resume remedy; the resume finishes it, sending nothing twice")
    func stoppedPartWay() async throws {
        try await ReconcileHarness.with { harness in
            let workspace = try harness.workspace()
            _ = try await workspace.reconcile(.apply)
            let local = try harness.replica.write { writer in
                let entry = try writer.create(TimeEntry(employeeId: try harness.localID(.employee, "3"), projectId: try harness.localID(.project, "2"),
                                                        hourTypeId: try harness.localID(.hourType, "1"), date: "2026-11-27", hours: 7.5, note: "Montage"))
                return try writer.approve(TimeEntry.self, id: entry.id!, by: "formand")
            }
            let before = harness.emulator.records(kind: "timeEntry").count
            let written = Mutex<[UInt8]>([])
            let planned = try await workspace.reconcile(.writePlan(to: { bytes in written.withLock { $0 = bytes } }))
            #expect(planned.plan?.operations.contains { $0.action == .create && $0.key == "local:\(local.id!)" } == true)
            // The plan file is applied without pulling, so the faults meet the push, not the snapshot.
            harness.emulator.injectFaults(seed: 1, errorRate: 1, dropRate: 0, throttleBurst: 0)
            let stopped = await #expect(throws: ApplyError.self) { try await workspace.reconcile(.applyPlan(written.withLock { $0 })) }
            harness.emulator.clearFaults()
            #expect(stopped?.code == .stopped && stopped?.remedy == .resumeReconcile)
            for mode in [ReconcileMode.dryRun, .apply] {
                let blocked = await #expect(throws: ApplyError.self) { try await workspace.reconcile(mode) }
                #expect(blocked?.code == .interrupted && blocked?.remedy == .resumeReconcile)
            }
            let resumed = try await workspace.reconcile(.resume)
            #expect(resumed.applied?.pushed == 1 && resumed.applied?.pushFailures.isEmpty == true)
            #expect(try harness.replica.foreignKey(.timeEntry, id: local.id!) != nil)
            #expect(harness.emulator.records(kind: "timeEntry").count == before + 1)
        }
    }
}
