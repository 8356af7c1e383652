import Foundation
import Replica
import Snapshot
import Sync
import TestSupport
import Testing
import Vocabulary

/// A first sync's first module run leaves no base file: its snapshot is the base.
@Suite("The first base")
struct FirstBaseTests {
    /// Records per kind of the whole state `entry` stands for, read through its chain.
    static func counts(_ harness: ReconcileHarness, _ entry: SnapshotEntry) throws -> [String: Int] {
        let chain = try SnapshotChain(path: harness.store.path(of: entry))
        var counts: [String: Int] = [:]
        while let line = try chain.next() { counts[line.kind, default: 0] += 1 }
        return counts
    }

    @Test("the first module run's snapshot is the base as it stands; the next run's base is a delta over it holding both runs' records, which outlives packing and pruning")
    func firstRunIsTheBase() async throws {
        try await ReconcileHarness.with { harness in
            let (_, units) = try await QuietRunTests.moduleRun(harness, .units)
            let first = try #require(try harness.reconciliation().base())
            #expect(first.file == units.entry.file && first.mode == "full")
            #expect(try QuietRunTests.files(harness).filter { $0.hasSuffix("-base.ndjson.gz") }.isEmpty, "no base file written")
            let unitCounts = try Self.counts(harness, units.entry)
            #expect(units.entry.records > 0)
            let firstCounts = try Self.counts(harness, first)
            #expect(firstCounts == unitCounts)

            let (_, customers) = try await QuietRunTests.moduleRun(harness, .customers)
            let second = try #require(try harness.reconciliation().base())
            #expect(second.file.hasSuffix("-base.ndjson.gz") && second.mode == "delta" && second.baseFile == units.entry.file)
            let customerCounts = try Self.counts(harness, customers.entry)
            let both = unitCounts.merging(customerCounts) { $1 }
            let secondCounts = try Self.counts(harness, second)
            #expect(secondCounts == both)

            // Packing and pruning keep what the base's chain reads, and a run after them finds nothing to do.
            try harness.store.packHistory()
            try harness.store.prune(keep: 0)
            #expect(harness.store.problem(with: try #require(try harness.reconciliation().base())) == nil)
            let packedCounts = try Self.counts(harness, second)
            #expect(packedCounts == both)
            for module in [Module.units, .customers] {
                let (plan, _) = try await QuietRunTests.moduleRun(harness, module)
                #expect(plan.operations.allSatisfy { $0.action == .skip }, "\(module): \(plan.operations.map(\.action))")
            }
        }
    }
}
