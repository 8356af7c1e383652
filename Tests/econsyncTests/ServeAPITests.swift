import Economic
import Foundation
import Snapshot
import Testing

/// The panel's `/api/…` answers: the JSON of the CLI's `--json`, read beside it from the same replica.
@Suite("econsync serve: /api/… as the CLI's --json")
struct ServeAPITests {
    @Test("/api/log is `econsync log --json` (all, and with ?module=, ?since= and ?limit= as its options); /api/status is `status --json`; a query that cannot be is a 400 naming it")
    func sameAsTheCLI() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.expect(["sync", "customers", "--force"])
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let cases: [(String, [String])] = [
                ("/api/log", ["log", "--json"]),
                ("/api/log?module=customers&limit=1", ["log", "--json", "--module", "customers", "--limit", "1"]),
                ("/api/log?since=2026-11-02T07:30:00Z", ["log", "--json", "--since", "2026-11-02T07:30:00Z"]),
                ("/api/status", ["status", "--json"]),
            ]
            for (path, arguments) in cases {
                let api = try await ServeCommandTests.get(base + path)
                #expect(api.response.status == 200 && api.response.headers.contains { $0.0.lowercased() == "content-type" && $0.1 == "application/json" }, "\(path)")
                let cli = try await connected.run(arguments)
                let (served, printed) = (try CanonicalJSON.parse(api.text), try CanonicalJSON.parse(cli.stdout))
                #expect(served == printed, "\(path): \(api.text) against \(cli.stdout)")
                if path.hasPrefix("/api/log") {
                    #expect(try !NothingLostTests.items(api.text, "runs").isEmpty, "\(path): \(api.text)")
                }
            }
            #expect(try NothingLostTests.items(try await ServeCommandTests.get(base + "/api/log?module=customers&limit=1").text, "runs").count == 1)
            for (query, named) in [("module=kunder", "?module=kunder"), ("since=yesterday", "?since=yesterday"), ("limit=0", "?limit=0")] {
                let bad = try await ServeCommandTests.get(base + "/api/log?" + query)
                #expect(bad.response.status == 400 && bad.text.contains(named), "\(query): \(bad.text)")
            }
        }
    }
}
