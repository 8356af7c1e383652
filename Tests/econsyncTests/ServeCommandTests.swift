import Economic
import Foundation
import Snapshot
import Testing

/// `econsync serve`: the admin panel as a real child process over the data
/// directory the CLI writes, read over HTTP as a browser and a monitor would.
@Suite("econsync serve: the admin panel's overview, health, metrics and API")
struct ServeCommandTests {
    /// Starts `econsync serve --port 0 ARGUMENTS` on `connected`'s data directory; returns the process and its address.
    static func start(_ connected: ConnectedCLI, _ arguments: [String] = []) throws -> (Process, String) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", "0"] + arguments
        process.environment = connected.cli.environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = try #require(ConnectCommandTests.readLine(out.fileHandleForReading))
        #expect(line.hasPrefix("serving on http://127.0.0.1:"), "\(line)")
        return (process, String(line.dropFirst("serving on ".count)))
    }

    /// Runs `scripts/panel_browser.py` against the panel at `base` (a real
    /// headless Chromium) and returns what it saw, its JSON line; records an
    /// issue when the script found the page wrong. The output comes too, for messages.
    static func browse(_ base: String, _ arguments: [String] = []) async throws -> (seen: JSONValue, output: String) {
        let (status, output) = try await ConnectedCLI.offPool { try ConformanceTests.python("panel_browser.py", [base] + arguments) }
        #expect(status == 0, "\(output)")
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("{") }.map(String.init), "\(output)")
        return (try CanonicalJSON.parse(line), output)
    }

    static func get(_ url: String, headers: [(String, String)] = []) async throws -> (response: HTTPResponse, text: String) {
        let response = try await CurlTransport().send(HTTPRequest(method: "GET", url: url, headers: headers))
        return (response, String(decoding: response.body, as: UTF8.self))
    }

    @Test("the overview in Danish (English by ?lang=en or the browser's language), every module with the brief's error words; /healthz, /metrics, /api/status; secure headers")
    func panel() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base) = try Self.start(connected)
            defer { process.terminate(); process.waitUntilExit() }

            let (page, html) = try await Self.get(base + "/")
            #expect(page.status == 200 && page.header("content-type")?.hasPrefix("text/html") == true)
            #expect(page.header("content-security-policy")?.contains("default-src 'none'") == true && page.header("x-content-type-options") == "nosniff")
            #expect(html.contains("<html lang=\"da\">") && html.contains("<h1>Oversigt</h1>") && html.contains("Seneste kørsel gjorde"), "\(html)")
            #expect(html.components(separatedBy: "<tr data-module=").count == 9, "eight modules: \(html)")
            #expect(html.contains("<button type=\"submit\" id=\"sync-customers\">Synkroniser nu</button>") && html.contains("Synkroniser alle nu"), "\(html)")
            #expect(html.contains("3 Kunder") && html.contains("6 Projektregistreringer") && html.contains("7 Ordrer") && html.contains("manuelt"))
            #expect(html.contains("klar") && html.contains("2026-11-02 07:00 UTC"), "the first pull's run, in the panel's zone: \(html)")

            let english = try await Self.get(base + "/?lang=en").text
            #expect(english.contains("<html lang=\"en\">") && english.contains("<h1>Overview</h1>") && english.contains("3 Customers"), "\(english)")
            let browser = try await Self.get(base + "/", headers: [("Accept-Language", "en-GB,en;q=0.9,da;q=0.5")]).text
            #expect(browser.contains("<html lang=\"en\">"))

            let health = try await Self.get(base + "/healthz")
            #expect(health.response.status == 200 && health.text == "ok\n")
            let metrics = try await Self.get(base + "/metrics")
            #expect(metrics.response.header("content-type")?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(metrics.text.contains("econsync_module_up{module=\"customers\",state=\"idle\"} 1\n"), "\(metrics.text)")
            #expect(metrics.text.contains("econsync_module_runs_last_24h{module=\"customers\",outcome=\"succeeded\"} 1\n"), "\(metrics.text)")
            #expect(metrics.text.contains("econsync_module_last_success_timestamp_seconds{module=\"customers\"} 1793602800\n"), "\(metrics.text)")

            // The CLI and the panel side by side: a run the CLI makes is what the panel shows, in the brief's words.
            connected.emulator.revokeGrant("emulator-grant")
            #expect(try await connected.run(["sync", "units", "--force"]).status == 4)
            let expired = try await Self.get(base + "/").text
            #expect(expired.contains("Token udløbet") && expired.contains("skal forbindes igen"), "\(expired)")
            #expect(try await Self.get(base + "/?lang=en").text.contains("Token expired"))
            // "Log": the runs, newest first, one module's with ?module=, and the notifications.
            let log = try await Self.get(base + "/log").text
            #expect(log.contains("<h1>Log</h1>") && log.contains("Enheder (tvunget)") && log.contains("skal forbindes igen"), "\(log)")
            #expect(log.contains("<td>Enheder</td><td>2026-11-02 08:00 UTC</td><td>Token udløbet</td><td>gemt (ingen mail sat op)</td>"), "\(log)")
            let units = try await Self.get(base + "/log?module=units").text
            #expect(units.components(separatedBy: "<tr data-run=").count == 3, "the first pull's run and the refused one: \(units)")
            #expect(try await Self.get(base + "/log?module=customers&lang=en").text.components(separatedBy: "<tr data-run=").count == 2)

            let api = try CanonicalJSON.parse(try await Self.get(base + "/api/status").text)
            let cli = try CanonicalJSON.parse(try await connected.run(["status", "--json"]).stdout)
            #expect(api == cli, "the API answers what `status --json` prints")
            #expect(try await Self.get(base + "/nothing-here").response.status == 404)
        }
    }

    @Test("in a real headless Chromium asking for Danish: the overview in Danish, and in English by ?lang=en, eight modules, its style applied under the CSP, no complaint in the console")
    func browser() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base) = try Self.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let (seen, output) = try await ServeCommandTests.browse(base)
            #expect(seen["da"]?["heading"]?.stringValue == "Oversigt" && seen["en"]?["heading"]?.stringValue == "Overview", "\(output)")
            func texts(_ value: JSONValue?) -> [String] {
                if case .array(let items)? = value { return items.compactMap(\.stringValue) }
                return []
            }
            #expect(texts(seen["da"]?["cells"]?["customers"]).first == "3 Kunder", "\(output)")
            #expect(texts(seen["da"]?["header"]).suffix(2) == ["Fejl", "Handling"] && texts(seen["en"]?["header"]).last == "Action", "\(output)")
        }
    }

    @Test("in a real headless Chromium: \"Synkroniser nu\" runs the module in the background; inside the cooldown the button waits (\"kan køre igen kl. 08:15\") and \"Tving\" asks first, then runs it forced")
    func syncNow() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base) = try Self.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let before = try await connected.expect(["log", "--module", "units"])
            let (seen, output) = try await ServeCommandTests.browse(base, ["sync"])
            #expect(seen["again"]?.stringValue == "kan køre igen kl. 08:15" && seen["lastRun"]?.stringValue == "2026-11-02 08:00 UTC", "\(output)")
            #expect(seen["question"]?.stringValue?.hasPrefix("Modulet kørte for nylig.") == true, "\(output)")
            let log = try await connected.expect(["log", "--module", "units"])
            #expect(log.split(separator: "\n").count { $0.contains(" units ") && $0.contains("succeeded") }
                    == before.split(separator: "\n").count { $0.contains(" units ") && $0.contains("succeeded") } + 2, "\(log)")
            #expect(log.contains("units (forced)"), "\(log)")
        }
    }

    @Test("a POST without the panel's token, or from another site, is refused (403) and runs nothing")
    func forgedPost() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base) = try Self.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let html = try await Self.get(base + "/").text
            let token = try #require(html.range(of: "name=\"csrf\" value=\"").map { String(html[$0.upperBound...].prefix { $0 != "\"" }) })
            let form = [("Content-Type", "application/x-www-form-urlencoded")]
            func post(_ body: String, _ headers: [(String, String)] = []) async throws -> Int {
                try await CurlTransport().send(HTTPRequest(method: "POST", url: base + "/sync/units", headers: form + headers, body: Array(body.utf8))).status
            }
            #expect(try await post("") == 403)
            #expect(try await post("csrf=wrong") == 403)
            #expect(try await post("csrf=\(token)", [("Origin", "http://evil.example")]) == 403)
            let log = try await connected.expect(["log", "--module", "units"])
            #expect(!log.contains("08:00"), "nothing ran: \(log)")
            #expect(try await post("csrf=\(token)", [("Origin", base)]) == 303)
        }
    }

    @Test("/healthz says 503 \"module hangs\" for a module whose run went past the timeout (released, \"Modul hænger\" on the page)")
    func hungModule() async throws {
        try await ConnectedCLI.with { connected in
            connected.cli.environment["ECONSYNC_IDLE_TIMEOUT"] = "3600"
            connected.emulator.holdEveryAnswer(fromRequest: 1)
            let sync = Process()
            sync.executableURL = CLI.binary
            sync.arguments = ["sync", "units", "--force"]
            sync.environment = connected.cli.environment
            sync.standardOutput = FileHandle.nullDevice
            sync.standardError = FileHandle.nullDevice
            try sync.run()
            defer {
                sync.terminate()
                sync.waitUntilExit()
                connected.emulator.releaseHeldAnswer()
            }
            await connected.emulator.heldAnswerReached()
            // Thirteen hours on, the run that still waits for e-conomic is past the 12-hour timeout.
            connected.cli.environment["ECONSYNC_NOW"] = "2026-11-02T21:00:00Z"
            let (process, base) = try Self.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let health = try await Self.get(base + "/healthz")
            #expect(health.response.status == 503 && health.text == "module hangs: units\n", "\(health.text)")
            #expect(try await Self.get(base + "/").text.contains("Modul hænger"))
        }
    }

    @Test("a page view never waits for a running module: while another process holds the replica's write lock, the overview, /healthz and /api/status answer")
    func pageWhileWriting() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base) = try Self.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            // A writer in another process (as a module run is) holds the write lock until told to let go.
            let writer = Process()
            writer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            writer.arguments = ["python3", "-c", """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1], isolation_level=None)
                db.execute("BEGIN IMMEDIATE")
                print("held", flush=True)
                sys.stdin.read()
                db.execute("ROLLBACK")
                """, connected.cli.home.appendingPathComponent("replica.sqlite").path]
            let input = Pipe(), output = Pipe()
            writer.standardInput = input
            writer.standardOutput = output
            try writer.run()
            defer { try? input.fileHandleForWriting.close(); writer.waitUntilExit() }
            #expect(ConnectCommandTests.readLine(output.fileHandleForReading) == "held")
            // Past SQLite's 10-second wait a page that wanted the write lock would fail (500): these answer while it is held.
            let page = try await Self.get(base + "/")
            #expect(page.response.status == 200 && page.text.components(separatedBy: "<tr data-module=").count == 9, "\(page.text)")
            #expect(try await Self.get(base + "/healthz").text == "ok\n")
            #expect(try await Self.get(base + "/api/status").response.status == 200)
            #expect(writer.isRunning, "the lock was held throughout")
        }
    }
}
