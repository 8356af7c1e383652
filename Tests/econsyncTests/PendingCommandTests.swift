import Foundation
import Snapshot
import Testing

/// `econsync pending`: `why` for every record not in e-conomic, as the panel's "Venter" lists them.
@Suite("econsync pending")
struct PendingCommandTests {
    @Test("every waiting record as `why` explains it, then how many wait; one module's with --module; past --limit counted, not listed; in Danish with --lang da; nothing waiting said so")
    func pending() async throws {
        try await ConnectedCLI.with { connected in
            #expect(try await connected.expect(["pending"]) == "Everything is in e-conomic as Mobilplan has it.\n")
            #expect(try await connected.expect(["pending", "--lang", "da"]) == "Alt er i e-conomic, som Mobilplan har det.\n")
            let (blocked, unapproved) = try await ServePagesTests.waitingHours(connected)

            let hours = try await connected.expect(["pending", "--module", "projectEntries"])
            let why = [try await connected.expect(["why", "timeEntry", "\(blocked)"]), try await connected.expect(["why", "timeEntry", "\(unapproved)"])]
            #expect(hours == why.joined() + "2 records wait\n", "\(hours)")

            let all = try CanonicalJSON.parse(try await connected.expect(["pending", "--json"]))
            let total = try #require(all["total"]?.intValue)
            #expect(total > 2 && OrderReleaseCommandTests.items(all["records"]).count == Int(total), "\(all)")
            let first = try #require(OrderReleaseCommandTests.items(all["records"]).first)
            let (kind, id) = (try #require(first["kind"]?.stringValue), try #require(first["id"]?.intValue))
            #expect(first == (try CanonicalJSON.parse(try await connected.expect(["why", kind, String(id), "--json"]))), "\(first)")

            let danish = try await connected.expect(["pending", "--lang", "da", "--limit", "1"])
            #expect(danish == (try await connected.expect(["why", kind, String(id), "--lang", "da"])) + "Viser de første 1 af \(total)\n", "\(danish)")
            let limited = try CanonicalJSON.parse(try await connected.expect(["pending", "--json", "--limit", "1"]))
            #expect(OrderReleaseCommandTests.items(limited["records"]).count == 1 && limited["total"] == all["total"], "\(limited)")

            let refused = try await connected.run(["pending", "--limit", "0"])
            #expect(refused.status == 2 && refused.stderr.contains("--limit must be 1 or more"), "\(refused.stderr)")
            let unknown = try await connected.run(["pending", "--module", "timer"])
            #expect(unknown.status == 2 && unknown.stderr.contains("timer"), "\(unknown.stderr)")
        }
    }
}
