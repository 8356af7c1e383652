import Foundation
import Snapshot
import Testing

/// A project closed in e-conomic (its `isClosed` is read-only there) is
/// closed in the field after the next projects run: no new hours on it.
@Suite("econsync: closed projects")
struct ClosedProjectCommandTests {
    @Test("closed in e-conomic → `sync projects` shows it closed, and hours on it are refused locally")
    func closedInEconomic() async throws {
        try await ConnectedCLI.with { connected in
            let project = try #require(connected.emulator.records(kind: "project").first { $0.data["isMainProject"] != .bool(true) })
            let name = try #require(project.data["name"]?.stringValue)
            connected.emulator.edit(kind: "project", key: project.key) { $0?["isClosed"] = .bool(true) }
            let synced = try await connected.expect(["sync", "projects", "--force"])
            #expect(synced.contains("projects: done"), "\(synced)")
            let line = try #require(try await connected.expect(["local", "project", "list", "--wide"]).split(separator: "\n").first { $0.contains(name) })
            #expect(line.contains("closed"), "\(line)")
            let refused = try await connected.run(["local", "hours", "record", "--employee", "e:3", "--project", "e:\(project.key)",
                                                   "--type", "e:1", "--date", "2026-11-27", "--hours", "2"])
            #expect(refused.status == 1 && refused.stderr.contains("closed"), "\(refused.stderr)")
        }
    }
}
