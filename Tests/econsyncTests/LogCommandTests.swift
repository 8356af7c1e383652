import Foundation
import Snapshot
import Testing

/// `econsync log`: the run history and the notifications, as the office reads them.
@Suite("econsync log")
struct LogCommandTests {
    @Test("every run with its outcome, counts, calls and error, the notifications, by module and since; --json; a bad time is a usage error")
    func history() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            #expect(try await connected.expect(["log"]) == "no module run\n")
            try await connected.expect(["sync"])
            connected.emulator.revokeGrant("emulator-grant")
            #expect(try await connected.run(["sync", "units", "--force"]).status == 4)

            let log = try await connected.expect(["log"])
            let rows = log.split(separator: "\n").prefix { !$0.isEmpty && !$0.hasPrefix("run ") }
            #expect(rows.first?.hasPrefix("RUN  MODULE") == true && rows.count == 8, "a header and seven runs: \(log)")
            #expect(rows.filter { $0.contains(" succeeded ") }.count == 6 && rows.last?.contains("units (forced)") == true, "\(log)")
            #expect(rows.last?.contains("needsReconnect") == true, "oldest first: the refused run is last")
            #expect(log.contains(") (units): Token expired") || log.contains("(units): Token expired"), "\(log)")
            #expect(log.contains("notifications:") && log.contains("needsReconnect  recorded"), "\(log)")

            let units = try CanonicalJSON.parse(Array(try await connected.expect(["log", "--module", "units", "--json"]).utf8))
            guard case .array(let runs)? = units["runs"] else { throw ConnectedCLI.Failure(description: "no runs in \(units)") }
            #expect(runs.count == 2 && runs.allSatisfy { $0["module"]?.stringValue == "units" })
            #expect(runs.last?["outcome"]?.stringValue == "needsReconnect" && runs.first?["outcome"]?.stringValue == "succeeded")

            #expect(try await connected.expect(["log", "--since", "2030-01-01"]) == "no module run since 2030-01-01\n")
            #expect(try await connected.expect(["log", "--since", "2026-11-02T07:00:00Z", "--limit", "1"]).split(separator: "\n").count >= 2)
            let bad = try await connected.run(["log", "--since", "yesterday"])
            #expect(bad.status == 2 && bad.stderr.contains("yesterday is neither a day"), "\(bad.stderr)")
        }
    }
}
