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

            let shown = try await connected.expect(["snapshot", "show", base, "--kind", "customer", "--key", "1001"])
            #expect(shown.hasPrefix(#"{"kind":"customer","key":1001,"#), "\(shown)")
            let latest = try await connected.expect(["snapshot", "stats", "@latest"])
            #expect(latest.contains("agreement \(connected.emulator.agreement)"), "\(latest)")
            let viaBase = try await connected.expect(["snapshot", "show", "@base", "--kind", "customer", "--key", "1001"])
            #expect(viaBase == shown)
            let diff = try await connected.run(["snapshot", "diff", base, "@base"])
            #expect(diff.status == 0, "\(diff.stderr)")

            let unknown = try await connected.run(["snapshot", "show", "@newest"])
            #expect(unknown.status == 2 && unknown.stderr.contains("@newest names no snapshot: use @latest, @base or a file"), "\(unknown.stderr)")
        }
    }
}
