import Foundation
import Testing

/// Text output shows times in the local time zone with its name; JSON keeps UTC.
@Suite("Times in the local time zone")
struct LocalTimeCommandTests {
    @Test("a change at 08:00 UTC is 09:00 CET in November and 10:00 CEST in July in Copenhagen; UTC under TZ=UTC; JSON stays UTC",
          arguments: [("2026-11-02T08:00:00Z", "Europe/Copenhagen", "2026-11-02 09:00 CET"),
                      ("2026-07-01T08:00:00Z", "Europe/Copenhagen", "2026-07-01 10:00 CEST"),
                      ("2026-11-02T08:00:00Z", "UTC", "2026-11-02 08:00 UTC")])
    func changes(now: String, zone: String, shown: String) throws {
        let cli = try CLI()
        cli.environment["ECONSYNC_NOW"] = now
        cli.environment["TZ"] = zone
        try #require(cli.run(["init"]).status == 0)
        try #require(cli.run(["local", "customer", "add", "--name", "Imens ApS"]).status == 0)
        let text = try cli.run(["local", "changes"])
        #expect(text.status == 0)
        #expect(text.stdout.contains(shown), "\(text.stdout)")
        let json = try cli.run(["local", "changes", "--json"])
        #expect(json.stdout.contains(now), "\(json.stdout)")
    }
}
