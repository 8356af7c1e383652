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

    /// GETs `path` from the panel at `base` and the CLI's `arguments` beside it; records an issue when the two JSONs differ
    /// or a secret of the connection shows; returns the panel's answer, parsed.
    static func same(_ connected: ConnectedCLI, _ base: String, _ path: String, _ arguments: [String]) async throws -> JSONValue {
        let api = try await ServeCommandTests.get(base + path)
        #expect(api.response.status == 200 && api.response.header("content-type") == "application/json", "\(path): \(api.text)")
        let served = try CanonicalJSON.parse(api.text)
        #expect(served == (try CanonicalJSON.parse(try await connected.expect(arguments))), "\(path) against econsync \(arguments.joined(separator: " "))")
        for secret in ["emulator-grant", "emulator-app-secret", "smtp-hemmelighed"] {
            #expect(!api.text.contains(secret), "\(path) shows a secret: \(api.text)")
        }
        return served
    }

    @Test("/api/pending is `pending --json`, each waiting record as `econsync why --json` gives it (one module's with ?module=); /api/conflicts is `conflicts --json` (?module=, ?since=); /api/orders is `order list --json`; no secret shows; a query that cannot be is a 400 naming it")
    func recordsAndOrders() async throws {
        try await ConnectedCLI.with { connected in
            connected.cli.environment["ECONSYNC_SMTP_PASSWORD"] = "smtp-hemmelighed"
            try await OrderExportCommandTests.fieldWork(connected)
            try await connected.expect(["order", "export", "--project", "e:2"])
            let (blocked, unapproved) = try await ServePagesTests.waitingHours(connected)
            try await ServePagesTests.conflicts(connected)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }

            let pending = try await ServeCommandTests.get(base + "/api/pending")
            #expect(pending.response.status == 200 && pending.response.header("content-type") == "application/json", "\(pending.text)")
            #expect(!pending.text.contains("smtp-hemmelighed") && !pending.text.contains("emulator-grant"))
            let served = try CanonicalJSON.parse(pending.text)
            let records = OrderReleaseCommandTests.items(served["records"])
            #expect(served["total"]?.intValue == Int64(records.count) && records.count > 2, "\(pending.text)")
            for record in records {
                let (kind, id) = (try #require(record["kind"]?.stringValue), try #require(record["id"]?.intValue))
                #expect(record == (try CanonicalJSON.parse(try await connected.expect(["why", kind, String(id), "--json"]))), "\(kind) \(id)")
            }
            let hours = OrderReleaseCommandTests.items(try CanonicalJSON.parse(try await ServeCommandTests.get(base + "/api/pending?module=projectEntries").text)["records"])
            #expect(hours.allSatisfy { $0["kind"]?.stringValue == "timeEntry" } && Set(hours.compactMap { $0["id"]?.intValue }).isSuperset(of: [Int64(blocked), Int64(unapproved)]),
                    "\(hours)")
            #expect(served == (try CanonicalJSON.parse(try await connected.expect(["pending", "--json"]))), "/api/pending is `pending --json`")
            _ = try await Self.same(connected, base, "/api/pending?module=projectEntries&limit=1", ["pending", "--json", "--module", "projectEntries", "--limit", "1"])
            let limited = try CanonicalJSON.parse(try await ServeCommandTests.get(base + "/api/pending?limit=1").text)
            #expect(OrderReleaseCommandTests.items(limited["records"]).count == 1 && limited["total"] == served["total"], "\(limited)")

            let conflicts = OrderReleaseCommandTests.items(try await Self.same(connected, base, "/api/conflicts", ["conflicts", "--json"])["conflicts"])
            #expect(conflicts.count == 2, "\(conflicts)")
            let products = try await Self.same(connected, base, "/api/conflicts?module=products", ["conflicts", "--json", "--module", "products"])
            #expect(OrderReleaseCommandTests.items(products["conflicts"]).compactMap { $0["recordKey"] } == [JSONValue.string("10003")], "\(products)")
            let customers = try await Self.same(connected, base, "/api/conflicts?module=customers&since=2026-11-02", ["conflicts", "--json", "--module", "customers", "--since", "2026-11-02"])
            #expect(OrderReleaseCommandTests.items(customers["conflicts"]).compactMap { $0["recordKey"] } == [JSONValue.int(1001)], "\(customers)")
            let later = try await Self.same(connected, base, "/api/conflicts?since=2026-11-03", ["conflicts", "--json", "--since", "2026-11-03"])
            #expect(OrderReleaseCommandTests.items(later["conflicts"]).isEmpty, "\(later)")

            let orders = OrderReleaseCommandTests.items(try await Self.same(connected, base, "/api/orders", ["order", "list", "--json"])["orders"])
            #expect(orders.count == 1 && orders.first?["orderNumber"]?.intValue == 1 && orders.first?["state"]?.stringValue == "confirmed", "\(orders)")
            _ = try await Self.same(connected, base, "/api/status", ["status", "--json"])

            for (path, named) in [("/api/conflicts?module=kunder", "?module=kunder"), ("/api/conflicts?since=yesterday", "?since=yesterday"),
                                  ("/api/pending?module=timer", "?module=timer"), ("/api/pending?limit=none", "?limit=none")] {
                let bad = try await ServeCommandTests.get(base + path)
                #expect(bad.response.status == 400 && bad.text.contains(named), "\(path): \(bad.text)")
            }
        }
    }
}
