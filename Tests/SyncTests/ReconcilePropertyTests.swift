import Economic
import EconomicEmulator
import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import TestSupport
import Testing

@Suite("Reconcile properties, randomised against the emulator")
struct ReconcilePropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]

    /// Every record the emulator holds, without what e-conomic stamps on each write.
    static func state(_ emulator: EconomicEmulator) -> [Record] {
        emulator.records().map { record in
            var record = record
            record.data.removeValue(forKey: "lastUpdated")
            record.data.removeValue(forKey: "objectVersion")
            return record
        }
    }

    @Test("incremental and full plans agree; after apply a second reconcile has nothing to do", arguments: seeds)
    func convergence(seed: UInt64) async throws {
        try await ReconcileHarness.with { harness in
            let (first, report) = try await harness.reconcile()
            #expect(report.pullFailures + report.pushFailures == [] && !first.isEmpty)
            var changes = RandomChanges(seed: seed, harness: harness)
            for round in 0..<3 {
                try changes.local(12)
                changes.remote(6)
                let (incremental, taken) = try await harness.plan()
                let full = try await harness.reconciliation(full: true).plan(taken)
                #expect(incremental.operations == full.operations, "round \(round): incremental and full plans differ")
                // Without the base's key index the base itself is read: the same plan.
                let index = KeyIndex.path(for: harness.store.path(of: try #require(try harness.reconciliation().base())))
                #expect(FileManager.default.fileExists(atPath: index))
                try FileManager.default.moveItem(atPath: index, toPath: index + ".aside")
                let withoutIndex = try await harness.reconciliation().plan(taken)
                #expect(withoutIndex.operations == incremental.operations, "round \(round): with and without the key index")
                try FileManager.default.moveItem(atPath: index + ".aside", toPath: index)
                let applied = try await harness.reconciliation().apply(incremental)
                #expect(applied.pullFailures + applied.pushFailures == [], "round \(round)")
                let (again, _) = try await harness.reconcile()
                #expect(again.isEmpty, "round \(round): \(again.operations.filter { $0.action != .skip && $0.action != .block }.map(\.json))")
            }
            #expect(try harness.replica.consistencyProblems().isEmpty)
        }
    }

    @Test("applying the same plan twice creates nothing twice in e-conomic: the second is refused, its inputs moved", arguments: [UInt64(11), 12, 13])
    func idempotence(seed: UInt64) async throws {
        try await ReconcileHarness.with { harness in
            try await harness.reconcile()
            var changes = RandomChanges(seed: seed, harness: harness)
            try changes.local(15)
            let (plan, _) = try await harness.plan()
            #expect(plan.operations.contains { $0.action == .create })
            _ = try await harness.reconciliation().apply(plan)
            let once = Self.state(harness.emulator)
            let again = await #expect(throws: ApplyError.self) { _ = try await harness.reconciliation().apply(plan) }
            #expect(again?.code == .stalePlan)
            #expect(Self.state(harness.emulator) == once)
        }
    }

    @Test("idempotency keys name one intended write: the same change recorded in two runs is two writes; a resume reuses its run's keys")
    func keysNameWrites() async throws {
        try await ReconcileHarness.with { harness in
            try await harness.reconcile()
            let id = try harness.localID(.product, "10003")
            _ = try harness.replica.write { try $0.update(Product.self, id: id) { $0.barred = true } }
            let (plan, _) = try await harness.plan()
            let applier = PlanApplier(replica: harness.replica, client: harness.client, agreement: harness.emulator.agreement,
                                      now: { [clock = harness.clock] in clock.now() })
            let first = try applier.record(plan)
            let firstKeys = try harness.replica.outbox(run: first.id!).map(\.idempotencyKey)
            _ = try await applier.run(first)
            #expect(try harness.replica.outbox(run: first.id!).map(\.idempotencyKey) == firstKeys, "a run keeps its keys to the end")
            let replaysBefore = harness.client.accounting.total.replays
            let second = try applier.record(plan)
            let secondKeys = try harness.replica.outbox(run: second.id!).map(\.idempotencyKey)
            let report = try await applier.run(second)
            #expect(firstKeys.count == 1 && secondKeys.count == 1 && Set(firstKeys).isDisjoint(with: secondKeys))
            #expect(firstKeys[0].hasPrefix(plan.operations.first { $0.action.isPush }!.idempotencyKey + "-"))
            #expect(report.pushed == 1 && harness.client.accounting.total.replays == replaysBefore, "e-conomic executed the second write")
        }
    }
}
