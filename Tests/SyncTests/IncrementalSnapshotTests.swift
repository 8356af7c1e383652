import Economic
import EconomicEmulator
import Foundation
import Replica
import Snapshot
import Sync
import TestSupport
import Testing

@Suite("Incremental snapshots against the emulator")
struct IncrementalSnapshotTests {
    /// The records of a snapshot file.
    static func records(_ path: String) throws -> [Record] {
        let reader = try SnapshotReader(path: path)
        var records: [Record] = []
        while let line = try reader.next() { records.append(try line.record()) }
        return records
    }

    @Test("changed records are pulled since the base's latest lastUpdated and laid over it: the same records as a full pull, fewer calls")
    func incremental() async throws {
        // The emulator's clock moves by hand, after every lastUpdated of the demo agreement (2026).
        let clock = ManualClock(Date(timeIntervalSince1970: 1_798_761_600))
        try await ReconcileHarness.with(pageSize: 10, emulatorClock: clock) { harness in
            try await harness.reconcile()
            let base = try #require(try harness.reconciliation().base())
            clock.advance(by: 2)  // e-conomic's stamps have whole seconds
            harness.emulator.edit(kind: "product", key: .string("10007")) { $0?["salesPrice"] = .number("88.5") }
            harness.emulator.edit(kind: "project", key: .int(5)) { $0?["name"] = .string("Etape 1, nyt navn") }
            harness.emulator.edit(kind: "customer", key: .int(7002)) {
                $0 = ["customerNumber": .int(7002), "name": .string("Ny Kunde ApS"), "currency": .string("DKK"),
                      "customerGroup": .object(["customerGroupNumber": .int(1)]), "paymentTerms": .object(["paymentTermsNumber": .int(1)]),
                      "vatZone": .object(["vatZoneNumber": .int(1)])]
            }
            harness.emulator.edit(kind: "product", key: .string("10050")) { $0 = nil }

            // Both ways, with the number of calls each took.
            func take(full: Bool) async throws -> (Reconciliation.Taken, Int) {
                var reconciliation = harness.reconciliation()
                reconciliation.full = full
                let before = harness.emulator.requestCount
                let taken = try await reconciliation.takeSnapshot()
                return (taken, harness.emulator.requestCount - before)
            }
            let (taken, _) = try await take(full: false)
            let header = try SnapshotReader(path: taken.path).header
            #expect(header.mode == .incremental && header.base == base.file)
            let (fullTaken, _) = try await take(full: true)
            #expect(try SnapshotReader(path: fullTaken.path).header.mode == .full)
            #expect(try Self.records(taken.path) == Self.records(fullTaken.path), "a deleted product makes its kind a full pull")
            #expect(try Self.records(taken.path).contains { $0.key == .int(7002) } && !Self.records(taken.path).contains { $0.key == .string("10050") })

            // Reconciled (the base moves on), then one more change and no deletion: fewer calls.
            try await harness.reconcile()
            clock.advance(by: 2)
            harness.emulator.edit(kind: "product", key: .string("10008")) { $0?["name"] = .string("Ændret igen") }
            let (again, incrementalCalls) = try await take(full: false)
            let (fullAgain, fullCalls) = try await take(full: true)
            #expect(try Self.records(again.path) == Self.records(fullAgain.path))
            #expect(incrementalCalls < fullCalls, "incremental \(incrementalCalls) calls, full \(fullCalls)")
        }
    }
}
