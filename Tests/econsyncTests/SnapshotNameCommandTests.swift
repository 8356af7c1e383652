import Foundation
import Snapshot
import Testing

/// Snapshots named on the command line as `snapshot list` shows them, or as
/// `@latest` and `@base`, from any working directory.
@Suite("econsync snapshot: names")
struct SnapshotNameCommandTests {
    @Test("a file as `snapshot list` shows it, @latest and @base work with show, stats and diff; an unknown @name is a usage error")
    func names() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let empty = try await connected.run(["snapshot", "show", "@latest"])
            #expect(empty.status == 1 && empty.stderr.contains("the snapshot store is empty"), "\(empty.stderr)")
            try await connected.expect(["sync"])
            let listed = try await connected.expect(["snapshot", "list", "--all"]).split(separator: "\n").dropFirst()
            let base = try #require(listed.first { $0.contains("base of") }?.split(separator: " ").first.map(String.init))
            #expect(!FileManager.default.fileExists(atPath: base), "relative to the data directory, not to the working directory")

            let shown = try await connected.expect(["snapshot", "show", base, "--kind", "customer", "--key", "1001", "--raw"])
            #expect(shown.hasPrefix(#"{"kind":"customer","key":1001,"#), "\(shown)")
            let latest = try await connected.expect(["snapshot", "stats", "@latest"])
            #expect(latest.contains("agreement \(connected.emulator.agreement)"), "\(latest)")
            let viaBase = try await connected.expect(["snapshot", "show", "@base", "--kind", "customer", "--key", "1001", "--raw"])
            #expect(viaBase == shown)
            let diff = try await connected.run(["snapshot", "diff", base, "@base"])
            #expect(diff.status == 0, "\(diff.stderr)")

            let unknown = try await connected.run(["snapshot", "show", "@newest"])
            #expect(unknown.status == 2 && unknown.stderr.contains("@newest names no snapshot: use @latest, @base or a file"), "\(unknown.stderr)")
        }
    }

    @Test("@latest names the newest snapshot of the store; each file `snapshot list` shows works with show and verify")
    func latestIsNewest() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            try await connected.expect(["sync"])
            connected.cli.environment["ECONSYNC_NOW"] = "2026-11-02T09:30:00Z"
            let taken = try CanonicalJSON.parse(try await connected.expect(["snapshot", "take", "--kind", "unit", "--json"]))
            let newest = try #require(taken["file"]?.stringValue)

            let stats = try CanonicalJSON.parse(try await connected.expect(["snapshot", "stats", "@latest", "--json"]))
            #expect(stats["header"]?["takenAt"]?.stringValue == "2026-11-02T09:30:00Z", "\(stats)")
            #expect(stats["kinds"].map { "\($0)" }?.contains(#""kind":"customer""#) == false, "the unit snapshot just taken, not the sync's")
            let listed = try NothingLostTests.items(try await connected.expect(["snapshot", "list", "--json"]), "snapshots")
            let sha = try #require(listed.first { $0["file"]?.stringValue == newest }?["sha256"])
            #expect(stats["sha256"] == sha)

            let files = try await connected.expect(["snapshot", "list"]).split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
                .filter { $0.hasSuffix(".ndjson.gz") }
            #expect(files.count >= 2 && files.contains { newest.hasSuffix("/" + $0) }, "\(files)")
            for file in files {
                #expect(try await connected.run(["snapshot", "verify", file]).status == 0, "\(file)")
                #expect(try await connected.run(["snapshot", "show", file, "--kind", "unit"]).stdout.contains("unit: "), "\(file)")
            }
            let latest = try await connected.expect(["snapshot", "verify", "@latest"])
            #expect(latest.hasPrefix(connected.cli.home.appendingPathComponent(newest).path + ": ok"), "\(latest)")
        }
    }
}
