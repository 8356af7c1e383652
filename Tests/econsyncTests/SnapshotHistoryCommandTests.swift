import Foundation
import Snapshot
import Testing

/// Through the CLI: a sync that saw a few changes keeps them as a delta that
/// `zcat` reads, and the snapshot commands read it as the whole state.
@Suite("econsync snapshot: deltas of module runs")
struct SnapshotHistoryCommandTests {
    struct Entry: Decodable {
        var file: String
        var mode: String
        var baseFile: String?
        var records: Int
    }

    struct Listing: Decodable {
        var snapshots: [Entry]
    }

    @Test("`sync customers` after one change stores only that customer; show, verify and diff read the delta through its base")
    func deltaThroughCLI() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            try await connected.expect(["sync"])
            connected.emulator.edit(kind: "customer", key: .int(1001)) { $0?["name"] = .string("Omdøbt i e-conomic A/S") }
            try await connected.expect(["sync", "customers", "--force"])
            let entries = try JSONDecoder().decode(Listing.self, from: Data(try await connected.expect(["snapshot", "list", "--all", "--json"]).utf8)).snapshots
            let delta = try #require(entries.last { $0.mode == "delta" && !$0.file.hasSuffix("-base.ndjson.gz") }, "\(entries.map { "\($0.file) \($0.mode)" })")
            let path = connected.cli.directory.url.appendingPathComponent(delta.file).path

            // The file itself: a header, the one changed customer, a trailer; zcat reads it.
            let lines = String(decoding: try SnapshotCommandTests.zcat(path), as: UTF8.self).split(separator: "\n").map(String.init)
            #expect(lines.count == 3 && lines[1].hasPrefix(#"{"kind":"customer","key":1001,"#), "\(lines)")
            #expect(lines[0].contains(#""mode":"delta""#) && lines[0].contains(#""whole":[]"#))

            // Read through its base: the whole state, with the change.
            let shown = try await connected.expect(["snapshot", "show", delta.file, "--kind", "customer", "--raw"])
            let customers = shown.split(separator: "\n")
            #expect(customers.count == connected.emulator.records(kind: "customer").count)
            #expect(customers.contains { $0.hasPrefix(#"{"kind":"customer","key":1001,"#) && $0.contains("Omdøbt i e-conomic A/S") })
            #expect(delta.records == 1)
            let whole = try await connected.expect(["snapshot", "show", delta.file, "--raw"]).split(separator: "\n").count
            let verified = try await connected.expect(["snapshot", "verify", path])
            #expect(verified.contains("ok, \(whole) records (a delta over \(delta.baseFile.map { String($0.dropFirst("snapshots/".count)) } ?? "?")"),
                    "\(verified)")
            let base = try #require(delta.baseFile)
            let diff = try await connected.expect(["snapshot", "diff", base, delta.file, "--json"])
            let report = try #require(try JSONSerialization.jsonObject(with: Data(diff.utf8)) as? [String: Any])
            let changed = (report["kinds"] as? [[String: Any]] ?? []).filter { ($0["changed"] as? Int ?? 0) + ($0["added"] as? Int ?? 0) + ($0["removed"] as? Int ?? 0) > 0 }
            #expect(changed.map { "\($0["kind"] ?? "") \($0["changed"] ?? "")" } == ["customer 1"], "\(diff)")

            // Without its base the delta is refused, naming what is missing.
            try FileManager.default.removeItem(at: connected.cli.directory.url.appendingPathComponent(base))
            let broken = try await connected.run(["snapshot", "show", delta.file])
            #expect(broken.status != 0 && broken.stderr.contains("which is not there"), "\(broken.stderr)")
        }
    }
}
