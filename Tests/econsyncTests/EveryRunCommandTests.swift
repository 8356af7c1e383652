import EconomicEmulator
import Foundation
import Snapshot
import TestSupport
import Testing

/// What must hold on every run, not only the first: through the real binary against the emulator.
@Suite("Every run: activation, quiet syncs, snapshot retention")
struct EveryRunCommandTests {
    /// The snapshot files (not their key indexes) in the data directory.
    static func snapshotFiles(_ connected: ConnectedCLI) throws -> [String] {
        let folder = connected.cli.home.appendingPathComponent("snapshots/\(connected.emulator.agreement)").path
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".ndjson.gz") }.sorted()
    }

    /// The `N skipped` of a module's line.
    static func skipped(_ output: String) -> Int? {
        guard let range = output.range(of: #"\d+ skipped"#, options: .regularExpression) else { return nil }
        return Int(output[range].split(separator: " ")[0])
    }

    @Test("setup keeps a given activatedAt; older projects stay out at every sync; a sync with nothing changed writes no snapshot")
    func activationAndQuietSync() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            try await connected.expect(["setup", "--non-interactive", "--set", "activatedAt=2026-07-01T00:00:00Z"])
            #expect(try await connected.expect(["config", "export"]).contains(#""activatedAt":"2026-07-01T00:00:00Z""#))
            let first = try await connected.expect(["sync"])
            let projects = try #require(first.split(separator: "\n").first { $0.hasPrefix("projects:") }, "\(first)")
            let skipped = try #require(Self.skipped(String(projects)), "\(first)")
            #expect(skipped > 0, "the demo agreement has projects last changed before July")

            // The listing shows the base in use; the module runs' own snapshots are counted, and listed with --all.
            let listed = try await connected.expect(["snapshot", "list"]).split(separator: "\n")
            let all = try await connected.expect(["snapshot", "list", "--all"]).split(separator: "\n")
            #expect(listed.count == 3 && listed[1].contains("base of run"), "\(listed)")
            #expect(all.count > 3 && listed[2] == "(\(all.count - 2) snapshots of module runs not shown; --all lists them)", "\(listed)")

            let files = try Self.snapshotFiles(connected)
            let again = try await connected.expect(["sync", "projects", "--force"])
            // Still out, and no longer news: the first sync reported them.
            #expect(again.contains("0 pulled, 0 pushed, 0 skipped"), "\(again)")
            #expect(try Self.snapshotFiles(connected) == files, "nothing changed: no snapshot and no base written")
            let dryRun = try await connected.expect(["reconcile", "--dry-run", "--module", "projects"])
            #expect(dryRun.contains("plan: nothing to do"), "\(dryRun)")

            // A customer deleted in e-conomic leaves the replica at the next customers run, not only at the daily full compare.
            let customers = try NothingLostTests.items(try await connected.expect(["local", "customer", "list", "--json"]), "customers")
            let keys: [Int64] = customers.compactMap { $0["economicKey"]?.intValue }
            let gone = try #require(keys.max())
            connected.emulator.edit(kind: "customer", key: .int(gone)) { $0 = nil }
            let deleted = try await connected.expect(["sync", "customers", "--force"])
            #expect(deleted.contains("customers: done (forced): 1 pulled"), "\(deleted)")
            let left = try NothingLostTests.items(try await connected.expect(["local", "customer", "list", "--json"]), "customers")
            #expect(left.count == customers.count - 1 && !left.contains { $0["economicKey"]?.intValue == gone })
        }
    }

    @Test("a sync applies the retention settings: only the base and the bases it is a delta over are kept")
    func retention() async throws {
        try await ConnectedCLI.with { connected in
            // A change in each of two modules: their runs lay deltas over the reconcile's base.
            connected.emulator.edit(kind: "customer", key: .int(1001)) { $0?["name"] = .string("Ændret kunde") }
            connected.emulator.edit(kind: "product", key: .string("10003")) { $0?["name"] = .string("Ændret vare") }
            try await connected.expect(["sync"])
            #expect(try Self.snapshotFiles(connected).count > 2)
            try await connected.expect(["config", "set", "snapshots.keep", "1"])
            try await connected.expect(["config", "set", "snapshots.maxAge", "0"])
            connected.emulator.edit(kind: "product", key: .string("10007")) { $0?["salesPrice"] = .number("88.5") }
            let run = try await connected.expect(["sync", "products", "--force"])
            #expect(run.contains("products: done (forced): 1 pulled"), "\(run)")
            let kept = try Self.snapshotFiles(connected)
            // The products run's base is a delta of the changed product over the first sync's last base, itself one
            // of a chain of deltas (of what each module run changed) over the first reconcile's snapshot: that chain is kept.
            let folder = connected.cli.home.appendingPathComponent("snapshots/\(connected.emulator.agreement)").path
            let newest = try #require(kept.max { try SnapshotChain(path: folder + "/" + $0).paths.count < SnapshotChain(path: folder + "/" + $1).paths.count })
            let chain = try SnapshotChain(path: folder + "/" + newest).paths.map { URL(fileURLWithPath: $0).lastPathComponent }
            #expect(Set(kept) == Set(chain) && kept.count > 2 && newest.hasSuffix("-base.ndjson.gz"), "\(kept)")
            let list = try await connected.expect(["snapshot", "list"])
            #expect(list.contains("base of run"), "\(list)")
        }
    }
}
