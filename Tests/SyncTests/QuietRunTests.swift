import Foundation
import Reconcile
import Vocabulary
import Replica
import Snapshot
import Sync
import TestSupport
import Testing

/// A sync when nothing changed costs a few calls and writes no snapshot.
@Suite("Quiet runs: nothing changed, nothing written")
struct QuietRunTests {
    /// The files in the agreement's snapshot folder.
    static func files(_ harness: ReconcileHarness) throws -> [String] {
        let folder = harness.store.directory(agreement: harness.emulator.agreement).path
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    static func moduleRun(_ harness: ReconcileHarness, _ module: Module) async throws -> (Plan, Reconciliation.Taken) {
        var reconciliation = harness.reconciliation()
        reconciliation.modules = [module]
        let taken = try await reconciliation.takeSnapshot()
        let plan = try await reconciliation.plan(taken)
        _ = try await reconciliation.apply(plan)
        return (plan, taken)
    }

    @Test("with no change on either side the base is the snapshot: no file is written, the base stays, nothing is planned")
    func quiet() async throws {
        try await ReconcileHarness.with { harness in
            try await harness.reconcile()
            let base = try #require(try harness.reconciliation().base())
            let before = try Self.files(harness)
            for module in [Module.products, .customers, .projects] {
                let (plan, taken) = try await Self.moduleRun(harness, module)
                #expect(taken.entry.file == base.file, "\(module)")
                #expect(plan.operations.allSatisfy { $0.action == .skip }, "\(module): \(plan.operations.map(\.action))")
            }
            let (plan, _) = try await harness.reconcile()
            #expect(plan.operations.allSatisfy { $0.action == .skip })
            #expect(try Self.files(harness) == before, "no snapshot and no base written")
            #expect(try harness.reconciliation().base()?.file == base.file)

            // One change in e-conomic: the products module takes a snapshot and moves the base on.
            harness.emulator.edit(kind: "product", key: .string("10007")) { $0?["salesPrice"] = .number("88.5") }
            let (changed, taken) = try await Self.moduleRun(harness, .products)
            #expect(taken.entry.file != base.file && changed.operations.map(\.action) == [.pullUpdate])
            let next = try #require(try harness.reconciliation().base())
            #expect(next.file != base.file)
            // The new base says where its records came from: the emulator on loopback, as the run's snapshot does.
            let sources = try SnapshotReader(path: harness.store.path(of: next), checksDigest: false).header.sources
            #expect(sources == (try SnapshotReader(path: taken.path, checksDigest: false).header.sources)
                    && sources["rest"]?.hasPrefix("http://127.0.0.1:") == true, "\(sources)")

            // A change in the replica alone: no new snapshot is taken, the push moves the base on.
            let moved = try #require(try harness.reconciliation().base())
            let product = try harness.localID(.product, "10008")
            try harness.replica.write { _ = try $0.update(Product.self, id: product) { $0.name = "Omdøbt i marken" } }
            let (pushed, pushTaken) = try await Self.moduleRun(harness, .products)
            #expect(pushTaken.entry.file == moved.file && pushed.operations.map(\.action) == [.update])
            #expect(try harness.reconciliation().base()?.file != moved.file, "the pushed change is in the next base")
        }
    }
}

extension QuietRunTests {
    @Test("told from the base's summary and key index: a renamed payment term (pulled in full) and a deleted customer (pulled incrementally) are seen")
    func changesSeen() async throws {
        try await ReconcileHarness.with { harness in
            try await harness.reconcile()
            let base = try #require(try harness.reconciliation().base())
            let path = harness.store.path(of: base)
            #expect(FileManager.default.fileExists(atPath: SnapshotSummary.path(for: path)), "the summary is written with the base")
            #expect(FileManager.default.fileExists(atPath: KeyIndex.path(for: path)))

            let term = try #require(try harness.replica.list(PaymentTerm.self).compactMap(\.foreignKey).max())
            harness.emulator.edit(kind: "paymentTerm", key: .int(Int64(term))) { $0?["name"] = .string("Netto 8 dage") }
            let (renamed, taken) = try await Self.moduleRun(harness, .customers)
            #expect(taken.entry.file != base.file)
            #expect(renamed.operations.map { "\($0.action.rawValue) \($0.kind) \($0.key)" } == ["pull-update paymentTerm \(term)"])

            let customer = try #require(try harness.replica.list(Customer.self).compactMap(\.foreignKey).max())
            harness.emulator.edit(kind: "customer", key: .int(Int64(customer))) { $0 = nil }
            // Customers are linked by CVR, so they are compared by another path than products: a deletion reaches it too.
            let (deleted, _) = try await Self.moduleRun(harness, .customers)
            #expect(deleted.operations.map { "\($0.action.rawValue) \($0.kind) \($0.key)" } == ["pull-delete customer \(customer)"])
            let (quiet, again) = try await Self.moduleRun(harness, .customers)
            let last = try harness.reconciliation().base()?.file
            #expect(quiet.operations.isEmpty && again.entry.file == last)

            // Retention keeps every run's snapshot, and of the bases merged for module runs only the one in use and
            // what it is a delta over (the second run's base is a delta over the first's, itself one over the reconcile's snapshot).
            try harness.store.apply(SnapshotRetention())
            let merged = try Self.files(harness).filter { $0.hasSuffix("-base.ndjson.gz") }
            let chain = try SnapshotChain(path: harness.store.path(of: try #require(try harness.reconciliation().base()))).paths
            #expect(merged.count == 2 && Set(merged) == Set(chain.map { URL(fileURLWithPath: $0).lastPathComponent }.filter { $0.hasSuffix("-base.ndjson.gz") })
                    && last?.hasSuffix(merged.sorted().last!) == true, "\(merged), chain \(chain)")
            #expect(try harness.replica.snapshots().count == 5, "the first reconcile's, two module runs', and the two bases")
        }
    }
}

extension QuietRunTests {
    @Test("a dry run with nothing changed plans against the base itself (no snapshot written, not even outside the store); one change is planned from a scratch snapshot")
    func quietDryRun() async throws {
        try await ReconcileHarness.with { harness in
            try await harness.reconcile()
            let base = try #require(try harness.reconciliation().base())
            let before = try Self.files(harness)
            let product = try harness.localID(.product, "10008")
            try harness.replica.write { _ = try $0.update(Product.self, id: product) { $0.name = "Omdøbt i marken" } }

            let reconciliation = harness.reconciliation()
            let quiet = try await reconciliation.takeSnapshot(dryRun: true)
            #expect(quiet.entry.file == base.file && quiet.path == harness.store.path(of: base))
            let scratch = try #require(quiet.scratch)
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty, "no snapshot written in the scratch folder")
            let plan = try await reconciliation.plan(quiet)
            #expect(plan.operations.filter { $0.action != .skip }.map { "\($0.action.rawValue) \($0.kind)" } == ["update product"],
                    "the local change is planned; e-conomic's side has nothing")
            quiet.discard()
            #expect(!FileManager.default.fileExists(atPath: scratch.path) && FileManager.default.fileExists(atPath: quiet.path), "the base stays")

            harness.emulator.edit(kind: "product", key: .string("10007")) { $0?["salesPrice"] = .number("88.5") }
            let changed = try await reconciliation.takeSnapshot(dryRun: true)
            defer { changed.discard() }
            #expect(changed.entry.file != base.file && changed.path.hasPrefix(scratch.deletingLastPathComponent().path) && changed.scratch != nil)
            let changes = try await reconciliation.plan(changed)
            #expect(changes.operations.filter { $0.action != .skip }.map { "\($0.action.rawValue) \($0.kind)" }.sorted()
                    == ["pull-update product", "update product"])
            #expect(try Self.files(harness) == before, "a dry run writes nothing into the store")
        }
    }
}
