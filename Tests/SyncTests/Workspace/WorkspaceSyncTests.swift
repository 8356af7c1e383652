import Foundation
import Replica
import Sync
import Testing
import Vocabulary

/// `Workspace.sync`: the modules a sync runs, in which order, and when it stops early.
@Suite("Workspace: sync in one call")
struct WorkspaceSyncTests {
    @Test("every enabled module but orders runs in dependency order; inside the cooldown none runs and each says why; forced, all run")
    func orderAndCooldown() async throws {
        try await ReconcileHarness.with { harness in
            let noon = Timestamp.date("2026-11-29T12:00:00Z")!
            let workspace = try harness.workspace(now: { noon })
            var started: [(Module, [Module])] = []
            var events = SyncEvents()
            events.starting = { started.append(($0, $1)) }
            let first = try await workspace.sync(events: events)
            let settings = try workspace.scheduler(harness.replica).settings()
            let expected = Module.runOrder.filter { !$0.isManual && settings.isEnabled($0) }
            #expect(first.results.map(\.module) == expected && first.stopped == nil && !expected.contains(.orders) && expected.count >= 5)
            #expect(first.results.allSatisfy { if case .ran(let result) = $0 { result.run != nil && !result.outcome.failed } else { false } })
            #expect(started.map(\.0) == expected && started.last?.1 == Array(expected.dropLast()), "each start names the modules finished before it")

            let cooling = try await workspace.sync([.customers, .products])
            #expect(cooling.results.map(\.errorCode) == [.coolingDown, .coolingDown] && cooling.results.map(\.module) == [.customers, .products])
            let forced = try await workspace.sync([.products, .customers], force: true)
            #expect(forced.results.map(\.module) == [.customers, .products], "named modules still run in dependency order")
            #expect(forced.results.allSatisfy { $0.errorCode == nil })
        }
    }

    @Test("with e-conomic unreachable the first module fails, the rest are not tried, and the approved hours kept locally are counted")
    func unreachable() async throws {
        try await ReconcileHarness.with { harness in
            let workspace = try harness.workspace()
            _ = try await workspace.sync()
            try harness.replica.write { writer in
                let entry = try writer.create(TimeEntry(employeeId: try harness.localID(.employee, "3"), projectId: try harness.localID(.project, "2"),
                                                        hourTypeId: try harness.localID(.hourType, "1"), date: "2026-11-27", hours: 3, note: "Service"))
                _ = try writer.approve(TimeEntry.self, id: entry.id!, by: "formand")
            }
            harness.emulator.injectFaults(seed: 1, latencyMs: 0, errorRate: 0, dropRate: 1, throttleBurst: 0)
            let offline = try await workspace.sync(force: true)
            harness.emulator.clearFaults()
            #expect(offline.stopped == .unreachable && offline.results.count == 1 && offline.results.first?.errorCode == .unreachable)
            #expect(offline.keptLocally?.timeEntries == 1 && offline.keptLocally?.materials == 0)
        }
    }
}
