import Foundation
@testable import Panel
import Replica
import Snapshot
import Sync
import Testing

/// A page the panel cannot make: a page saying why in the office's
/// language (the error's code to quote), not an empty 500; `/api/…` the
/// JSON error of the CLI's `--json`.
@Suite("econsync serve: a page that cannot be made")
struct ServeFailureTests {
    /// Copies text over the replica of the running panel, as a bad copy or restore
    /// would, its log checkpointed first so that no view of it keeps the old pages.
    static func overwriteReplica(_ connected: ConnectedCLI) throws {
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        writer.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.close()
            with open(sys.argv[1], "r+b") as file:
                file.write(b"not a replica: a bad copy\\n" * 200)
            """, connected.cli.home.appendingPathComponent("replica.sqlite").path]
        try writer.run()
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
    }

    @Test("the replica overwritten under a running panel: each page answers 500 with a page in Danish (English with ?lang=en or the browser's language) saying the replica cannot be used and its error code, with the navigation; /api/… a JSON error; no secret shows")
    func replicaOverwritten() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            #expect(try await ServeCommandTests.get(base + "/").response.status == 200)
            try Self.overwriteReplica(connected)

            let (page, html) = try await ServeCommandTests.get(base + "/")
            #expect(page.status == 500 && page.header("content-type") == "text/html; charset=utf-8", "\(html)")
            #expect(page.header("content-security-policy")?.contains("default-src 'none'") == true, "the security headers too")
            #expect(html.contains("<html lang=\"da\">") && html.contains("<h1>Siden kunne ikke vises</h1>")
                    && html.contains("<strong>Replikaen, econsyncs lokale database, kan ikke bruges</strong>")
                    && html.contains("replica.sqlite: er ikke en econsync-replika (ikke en SQLite-database)")
                    && html.contains("Fejlkode: <code>replica.not-a-replica</code>"), "\(html)")
            #expect(html.contains("<nav><a href=\"/?lang=da\">Oversigt</a><a href=\"/log?lang=da\">Log</a>"), "the panel's navigation: \(html)")

            let english = try await ServeCommandTests.get(base + "/log?lang=en")
            #expect(english.response.status == 500 && english.text.contains("<html lang=\"en\">") && english.text.contains("<h1>The page could not be shown</h1>")
                    && english.text.contains("The replica, econsync&#39;s local database, cannot be used")
                    && english.text.contains("replica.sqlite: is not an econsync replica (not an SQLite database)")
                    && english.text.contains("Error code: <code>replica.not-a-replica</code>"), "\(english.text)")
            let browser = try await ServeCommandTests.get(base + "/pending", headers: [("Accept-Language", "en-GB,en;q=0.9")])
            #expect(browser.response.status == 500 && browser.text.contains("<h1>The page could not be shown</h1>"), "\(browser.text)")

            let api = try await ServeCommandTests.get(base + "/api/status")
            #expect(api.response.status == 500 && api.response.header("content-type") == "application/json", "\(api.text)")
            let error = try CanonicalJSON.parse(api.text)["error"]
            #expect(error?["code"]?.stringValue == "replica.not-a-replica"
                    && error?["message"]?.stringValue?.hasSuffix("replica.sqlite: is not an econsync replica (not an SQLite database)") == true, "\(api.text)")
            // What the routes answer themselves stays theirs: a query that cannot be, a page that is none, the monitor's line.
            #expect(try await ServeCommandTests.get(base + "/api/log?limit=0").response.status == 400)
            #expect(try await ServeCommandTests.get(base + "/nothing-here").response.status == 404)
            #expect(try await ServeCommandTests.get(base + "/healthz").response.status == 503)
            for text in [html, english.text, api.text] {
                for secret in ["emulator-grant", "emulator-app-secret"] {
                    #expect(!text.contains(secret), "a secret shows: \(text)")
                }
            }
        }
    }

    @Test("a replica busy with another process is a 503 telling to try again; a sync error is headed by the brief's words; an error without a code is `failed`, its text escaped on the page")
    func kinds() throws {
        let busy = PanelFailure(ReplicaError(.busy, "is held by another econsync process for longer than 10 seconds", file: "/data/replica.sqlite",
                                             advice: "try again when it finishes"))
        #expect(busy.status.code == 503 && busy.code == "replica.busy")
        #expect(busy.headline(.da) == "Replikaen er optaget af en anden econsync-proces: prøv igen om lidt", "\(busy.headline(.da) ?? "")")
        let json = try CanonicalJSON.parse(busy.json)
        #expect(json["error"]?["code"]?.stringValue == "replica.busy"
                && json["error"]?["message"]?.stringValue == "/data/replica.sqlite: is held by another econsync process for longer than 10 seconds (try again when it finishes)",
                "\(busy.json)")

        let expired = PanelFailure(SyncError(.needsReconnect, "e-conomic refused the grant", action: .reconnect))
        #expect(expired.status.code == 500 && expired.headline(.da) == "Token udløbet")
        #expect(expired.detail(.da) == "e-conomic refused the grant: " + PanelRemedyWording(.da).words(for: .reconnect), "\(expired.detail(.da))")

        let cooling = PanelFailure(SyncError(.coolingDown, .coolingDown(minutesAgo: 2, cooldown: 15), module: "customers"))
        #expect(cooling.detail(.da) == "customers: kørte for 2 minutter siden (hviletid 15 minutter)"
                && cooling.detail(.en) == "customers: ran 2 minutes ago (cooldown 15 minutes)", "\(cooling.detail(.da))")
        let setting = PanelFailure(ConfigError(.value(setting: "orders.grouping", value: "weekly", .notOneOf(["none", "type"]))))
        #expect(setting.detail(.da) == "orders.grouping skal være en af none, type (angivet: \"weekly\")", "\(setting.detail(.da))")

        struct Odd: Error, CustomStringConvertible { var description: String { "<odd> & odder" } }
        let odd = PanelFailure(Odd())
        #expect(odd.status.code == 500 && odd.code == "failed" && odd.headline(.da) == nil)
        let page = ErrorPage(failure: odd, language: .da).html
        #expect(page.contains("<span class=\"detail\">&lt;odd&gt; &amp; odder</span>") && page.contains("<code>failed</code>"), "\(page)")
    }
}
