import Economic
import Foundation
import Reconcile
import Replica
import Sync
import Synchronization
import Testing
import Vocabulary
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
            let again = await #expect(throws: ApplyError.self) { try await workspace.reconcile(.applyPlan(bytes), force: true) }
            #expect(again?.code == .stalePlan)

            let next = try await workspace.reconcile(.apply, force: true)
            #expect(next.plan?.isEmpty == true && next.applied?.pulled == 0 && next.applied?.pushed == 0)
            #expect(try await workspace.reconcile(.resume).applied == nil)
        }
    }

    @Test("a reconcile that applies is a run of each module it covers: recorded with its counts, refused in the cooldown unless forced")
    func moduleRuns() async throws {
        try await ReconcileHarness.with { harness in
            let workspace = try harness.workspace()
            let scheduler = workspace.scheduler(harness.replica)
            let applied = try await workspace.reconcile(.apply)
            // A first reconcile writes the kinds nobody has yet straight from the snapshot; the plan has the rest.
            #expect(applied.firstPulled[.customer] == harness.emulator.records(kind: "customer").count)
            let pulled = try #require(applied.applied?.pulled) + applied.firstPulled.values.reduce(0, +)
            let first = try scheduler.history().runs
            let settings = try scheduler.settings()
            let modules = Module.runOrder.filter { !$0.isManual && settings.isEnabled($0) }
            #expect(modules.count >= 5)
            #expect(Set(first.map(\.module)) == Set(modules.map(\.rawValue)) && first.allSatisfy { $0.outcome == .succeeded && !$0.forced })
            #expect(first.reduce(0) { $0 + $1.pulled } == pulled && pulled > 0)
            #expect(first.first { $0.module == Module.customers.rawValue }?.pulled == applied.plan!.operations.count {
                $0.module == .customers && $0.action.isPull
            } + applied.firstPulled.filter { $0.key.module == .customers }.values.reduce(0, +))
            // Counted once: the calls of the whole reconcile, on one of its runs.
            #expect(first.count { $0.apiCalls > 0 } == 1)

            let refused = await #expect(throws: SyncError.self) { try await workspace.reconcile(.apply, modules: [.products]) }
            #expect(refused?.code == .coolingDown && refused?.module == Module.products.rawValue)
            #expect(try scheduler.history().runs.count == first.count)
            // Read-only work is never refused: a dry run takes no lease.
            _ = try await workspace.reconcile(.dryRun, modules: [.products])

            _ = try await workspace.reconcile(.apply, modules: [.products], force: true)
            let forced = try scheduler.history().runs.filter { $0.forced }
            #expect(forced.map(\.module) == [Module.products.rawValue] && forced.first?.outcome == .succeeded)
            #expect(try harness.replica.moduleStatuses()[scheduler.key(.products)]?.lastEnd != nil)

            harness.clock.advance(3_600)
            _ = try await workspace.reconcile(.apply, modules: [.products])
            #expect(try scheduler.history(module: .products).runs.count == 3)
        }
    }

    @Test("a run that stops part-way on 5xx throws `stopped` with the resume remedy; the resume finishes it, sending nothing twice")
    func stoppedPartWay() async throws {
        try await ReconcileHarness.with { harness in
            let workspace = try harness.workspace()
            _ = try await workspace.reconcile(.apply)
            harness.clock.advance(3_600)  // past the cooldown of the module runs it recorded
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
                let blocked = await #expect(throws: ApplyError.self) { try await workspace.reconcile(mode, force: true) }
                #expect(blocked?.code == .interrupted && blocked?.remedy == .resumeReconcile)
            }
            let resumed = try await workspace.reconcile(.resume)
            #expect(resumed.applied?.pushed == 1 && resumed.applied?.pushFailures.isEmpty == true)
            #expect(try harness.replica.foreignKey(.timeEntry, id: local.id!) != nil)
            #expect(harness.emulator.records(kind: "timeEntry").count == before + 1)
        }
    }
}
