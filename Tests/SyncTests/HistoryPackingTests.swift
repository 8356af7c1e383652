import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import Testing
import Vocabulary

/// The snapshots module runs take are kept at the size of what changed: each
/// is rewritten as a delta over the one before, and reads back whole.
@Suite("History packing: module runs' snapshots kept as deltas")
struct HistoryPackingTests {
    static func runner(_ harness: ReconcileHarness) -> ModuleRunner {
        let clock = harness.clock
        return ModuleRunner(store: harness.store, client: harness.client, agreement: harness.emulator.agreement,
                            scheduler: ModuleScheduler(replica: harness.replica, now: { clock.now() }))
    }

    /// The newest snapshot of a customers module run.
    static func newestCustomersRun(_ harness: ReconcileHarness) throws -> SnapshotEntry {
        let runs = try harness.replica.moduleRunSnapshotFiles()
        return try #require(try harness.replica.snapshots().last { entry in
            runs.contains(entry.file) && (try? SnapshotReader(path: harness.store.path(of: entry)).header.kinds.contains("customer")) == true
        })
    }

    /// A full pull of `kinds` right now, outside the store.
    static func pulledNow(_ harness: ReconcileHarness, kinds: [String], in folder: URL) async throws -> String {
        let path = folder.appendingPathComponent("now-\(UUID().uuidString).ndjson.gz").path
        let puller = SnapshotPuller(client: harness.client, store: harness.store, agreement: harness.emulator.agreement,
                                    workDirectory: folder.appendingPathComponent("work-\(UUID().uuidString)"))
        _ = try await puller.take(kinds: kinds.compactMap(Kind.init), takenAt: "2026-11-02T08:00:00Z", to: path)
        return path
    }

    @Test("a changed customers run leaves a delta of the changed customer alone, which reads back as e-conomic was; a new day starts a whole one")
    func deltas() async throws {
        try await ReconcileHarness.with { harness in
            let runner = Self.runner(harness)
            _ = try await FirstPullTests.firstSync(harness)
            let anchor = try Self.newestCustomersRun(harness)
            #expect(anchor.mode != "delta")
            let kinds = try SnapshotReader(path: harness.store.path(of: anchor)).header.kinds

            var seen: [(SnapshotEntry, String)] = []
            for (round, key) in [1001, 1002, 1001].enumerated() {
                harness.emulator.edit(kind: "customer", key: .int(Int64(key))) { $0?["name"] = .string("Omdøbt \(round) A/S") }
                _ = try await runner.run(.customers, force: true)
                let entry = try Self.newestCustomersRun(harness)
                #expect(entry.mode == "delta" && entry.baseFile == (seen.last?.0 ?? anchor).file, "round \(round): \(entry)")
                seen.append((entry, try await Self.pulledNow(harness, kinds: kinds, in: harness.directory.url)))
            }
            for (entry, now) in seen {
                // The file holds the one changed customer; read through its chain it is e-conomic's state at that run.
                let path = harness.store.path(of: entry)
                var lines: [RecordLine] = []
                let file = try SnapshotReader(path: path)
                while let line = try file.next() { lines.append(line) }
                #expect(lines.map(\.kind) == ["customer"], "\(lines.map { "\($0.kind) \($0.key)" })")
                #expect(entry.bytes < anchor.bytes, "\(entry.bytes) bytes against \(anchor.bytes)")
                #expect(try SnapshotDiff.compare(path, now).isEmpty, "\(entry.file)")
                #expect(harness.store.problem(with: entry) == nil)
            }
            // The first three runs' states are each the one the emulator had then: the first rename is in all of them.
            #expect(try SnapshotDiff.compare(harness.store.path(of: seen[0].0), harness.store.path(of: seen[1].0)).changed == ["customer": 1])

            // A new day: the next changed run's snapshot stays whole, and starts the next chain.
            harness.clock.advance(86_400)
            harness.emulator.edit(kind: "customer", key: .int(1003)) { $0?["name"] = .string("Ny dag ApS") }
            _ = try await runner.run(.customers, force: true)
            #expect(try Self.newestCustomersRun(harness).mode != "delta")
        }
    }

    @Test("retention keeps what a kept delta builds on; an interrupted packing is finished by the next")
    func retentionAndCrash() async throws {
        try await ReconcileHarness.with { harness in
            let runner = Self.runner(harness)
            _ = try await FirstPullTests.firstSync(harness)
            for key in [1001, 1002] {
                harness.emulator.edit(kind: "customer", key: .int(Int64(key))) { $0?["name"] = .string("Omdøbt \(key)") }
                _ = try await runner.run(.customers, force: true)
            }
            let newest = try Self.newestCustomersRun(harness)
            // Keeping two: the newest base and the newest run's snapshot, which needs the two before it.
            let before = try harness.replica.snapshots().count
            try harness.store.apply(SnapshotRetention(keep: 2, maxAgeDays: 0))
            let left = try harness.replica.snapshots().map(\.file)
            // Left: the newest run's snapshot and the two it is a delta over, and the base with what it is a delta over.
            let chain = try SnapshotChain(path: harness.store.path(of: newest))
            let base = try SnapshotChain(path: harness.store.path(of: try #require(try harness.reconciliation().base())))
            #expect(chain.paths.count == 3, "\(chain.paths)")
            let needed = Set((chain.paths + base.paths).map { "snapshots/\(harness.emulator.agreement)/" + URL(fileURLWithPath: $0).lastPathComponent })
            #expect(Set(left) == needed && left.count < before, "\(left), \(before) before")

            // A crash after the index recorded the delta, before it was put in place: the whole file is still there.
            let path = harness.store.path(of: newest)
            let temporary = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).delta").path
            try FileManager.default.moveItem(atPath: path, toPath: temporary)
            try FileManager.default.copyItem(atPath: try await Self.pulledNow(harness, kinds: chain.header.kinds, in: harness.directory.url), toPath: path)
            #expect(harness.store.problem(with: newest) != nil)
            try harness.store.packHistory()
            #expect(harness.store.problem(with: newest) == nil && !FileManager.default.fileExists(atPath: temporary))
            #expect(try SnapshotReader(path: path).header.mode == .delta)
        }
    }

    @Test("a module run's base is a delta of what changed, with the key index and summary of the whole state; a new day's first run writes it whole")
    func baseDeltas() async throws {
        try await ReconcileHarness.with { harness in
            let runner = Self.runner(harness)
            _ = try await FirstPullTests.firstSync(harness)
            // The first sync wrote each module's kinds once: the first module's base whole, every next one a delta over it.
            let first = try #require(try harness.reconciliation().base())
            #expect(try SnapshotChain(path: harness.store.path(of: first)).paths.count > 4)
            harness.emulator.edit(kind: "customer", key: .int(1001)) { $0?["name"] = .string("Omdøbt A/S") }
            _ = try await runner.run(.customers, force: true)
            let base = try #require(try harness.reconciliation().base())
            let path = harness.store.path(of: base)
            let header = try SnapshotReader(path: path).header
            // The delta holds the one customer that changed.
            #expect(base.mode == "delta" && header.mode == .delta && header.whole.isEmpty && base.records == 1, "\(header.whole), \(base)")

            // Only the base in use keeps a key index beside it.
            let folder = harness.store.directory(agreement: harness.emulator.agreement).path
            let indexes = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".keys") }
            #expect(indexes == [URL(fileURLWithPath: KeyIndex.path(for: path)).lastPathComponent], "\(indexes)")
            // Its index and summary are the whole state's, line for line.
            let chain = try SnapshotChain(path: path)
            var expected: [String] = [], counts: [String: Int] = [:]
            while let line = try chain.next() {
                expected.append("\(line.kind) \(line.key) \(KeyIndex.hash(line.bytes))")
                counts[line.kind, default: 0] += 1
            }
            let index = try #require(try KeyIndexReader(path: KeyIndex.path(for: path), sha256: base.sha256))
            var indexed: [String] = []
            while let entry = try index.next() { indexed.append("\(entry.kind) \(entry.key) \(entry.hash)") }
            #expect(indexed == expected)
            let summary = try SnapshotSummary.of(snapshot: path, sha256: base.sha256)
            #expect(summary.counts.filter { $0.value > 0 } == counts && summary.counts["customer"] == harness.emulator.records(kind: "customer").count)
            #expect(try SnapshotDiff.compare(path, try await Self.pulledNow(harness, kinds: header.kinds, in: harness.directory.url)).isEmpty)

            // A plan over it finds nothing to do, and a full compare leaves a whole base.
            let (plan, _) = try await harness.plan()
            #expect(plan.operations.allSatisfy { $0.action == .skip }, "\(plan.operations.map { "\($0.action) \($0.kind) \($0.key)" })")
            harness.emulator.edit(kind: "customer", key: .int(1002)) { $0?["name"] = .string("Også omdøbt") }
            harness.clock.advance(25 * 3600)  // a new day (and the daily full compare)
            _ = try await runner.run(.customers, force: true)
            #expect(try harness.reconciliation().base()?.mode == "full")
        }
    }

    @Test("a push on a base that is another module's delta leaves a base that is e-conomic's whole state")
    func pushOverDeltaBase() async throws {
        try await ReconcileHarness.with { harness in
            try await harness.reconcile()
            // The customers run leaves a base that is a delta of the customers' kinds.
            harness.emulator.edit(kind: "customer", key: .int(1001)) { $0?["name"] = .string("Omdøbt A/S") }
            _ = try await QuietRunTests.moduleRun(harness, .customers)
            let customersBase = try #require(try harness.reconciliation().base())
            #expect(customersBase.mode == "delta")
            // A product renamed in the field: e-conomic's products did not change, so the run's snapshot is that base.
            let product = try harness.localID(.product, "10008")
            try harness.replica.write { _ = try $0.update(Product.self, id: product) { $0.name = "Omdøbt i marken" } }
            let (pushed, taken) = try await QuietRunTests.moduleRun(harness, .products)
            #expect(taken.entry.file == customersBase.file && pushed.operations.map(\.action) == [.update])
            let base = try #require(try harness.reconciliation().base())
            let header = try SnapshotReader(path: harness.store.path(of: base)).header
            let now = try await Self.pulledNow(harness, kinds: header.kinds, in: harness.directory.url)
            let diff = try SnapshotDiff.compare(harness.store.path(of: base), now)
            // Every record is there; the one pushed is as the push left it (e-conomic's own lastUpdated moved on besides).
            #expect(diff.added.isEmpty && diff.removed.isEmpty && diff.changed == ["product": 1],
                    "added \(diff.added), removed \(diff.removed), changed \(diff.changed)")
            let (next, _) = try await harness.plan()
            #expect(next.operations.allSatisfy { $0.action == .skip }, "\(next.operations.map { "\($0.action) \($0.kind) \($0.key)" })")
        }
    }

    @Test("without the run snapshot's key index the next base is written whole, every kind in it")
    func wholeWithoutIndex() async throws {
        try await ReconcileHarness.with { harness in
            _ = try await FirstPullTests.firstSync(harness)
            let base = try #require(try harness.reconciliation().base())
            harness.emulator.edit(kind: "product", key: .string("10007")) { $0?["salesPrice"] = .number("88.5") }
            var products = harness.reconciliation()
            products.modules = [.products]
            let taken = try await products.takeSnapshot()
            try FileManager.default.removeItem(atPath: KeyIndex.path(for: taken.path))
            let kinds = Set(KindMapping.all.filter { $0.module == .products }.map(\.kind.rawValue))
            let merged = try harness.store.merge(base: base, with: taken.entry, kinds: kinds, delta: true)
            let header = try SnapshotReader(path: harness.store.path(of: merged)).header
            let before = try SnapshotChain.verify(path: harness.store.path(of: base)).counts
            let after = try SnapshotChain.verify(path: harness.store.path(of: merged)).counts
            #expect(header.mode == .full && Set(after.keys) == Set(before.keys) && after["customer"] == before["customer"], "\(after)")
        }
    }
}
