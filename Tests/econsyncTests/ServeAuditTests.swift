import Economic
import Foundation
import Snapshot
import Testing

extension JSONValue {
    /// The items of an array; none for any other value.
    var arrayValueOrEmpty: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }
}

/// The panel's "Revision": an audit against a fresh snapshot of e-conomic,
/// run in the background from a real `econsync serve`, read beside the CLI.
@Suite("econsync serve: Revision, an audit against a fresh snapshot")
struct ServeAuditTests {
    /// The findings rows of an audit page: kind, key and problem of each.
    static func findings(_ html: String) -> Set<String> {
        Set(ServePagesTests.rows(html, table: "findings").compactMap { row in
            let element = "<tr " + row
            guard let kind = ServePagesTests.attribute("data-kind", element), let key = ServePagesTests.attribute("data-key", element),
                  let problem = ServePagesTests.attribute("data-problem", element) else { return nil }
            return "\(kind) \(key) \(problem)"
        })
    }

    @Test("\"Kør revision nu\" pulls e-conomic afresh in the background and shows what differs (Danish and English), the same findings `econsync audit` reads from that snapshot; a forged POST runs none")
    func audit() async throws {
        try await ConnectedCLI.with { connected in
            connected.emulator.edit(kind: "customer", key: .int(1001)) { $0?["name"] = .string("Ændret i e-conomic") }
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }

            let first = try await ServeCommandTests.get(base + "/audit").text
            #expect(first.contains("<h1>Revision</h1>") && first.contains("id=\"no-audit\"") && first.contains("<a href=\"/audit?lang=da\">Revision</a>"), "\(first)")
            let token = try #require(first.range(of: "name=\"csrf\" value=\"").map { String(first[$0.upperBound...].prefix { $0 != "\"" }) })
            let snapshots = try await connected.expect(["snapshot", "list", "--all"])
            func post(_ body: String, _ headers: [(String, String)]) async throws -> Int {
                try await CurlTransport().send(HTTPRequest(method: "POST", url: base + "/audit",
                                                           headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers, body: Array(body.utf8))).status
            }
            #expect(try await post("csrf=wrong", [("Origin", base)]) == 403)
            #expect(try await ServeCommandTests.get(base + "/audit").text.contains("id=\"no-audit\""))
            #expect(try await connected.expect(["snapshot", "list", "--all"]) == snapshots, "a refused POST pulls nothing")

            #expect(try await post("csrf=\(token)", [("Origin", base)]) == 303)
            var html = ""
            for _ in 0..<240 {
                html = try await ServeCommandTests.get(base + "/audit").text
                if html.contains("id=\"audit-of\"") || html.contains("id=\"audit-failed\"") { break }
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(!html.contains("audit-failed") && !html.contains("audit-running"),
                    "after \(connected.emulator.requestCount) requests to the emulator: \(html)")
            let file = try #require(html.range(of: "Revision mod øjebliksbillede ").map { String(html[$0.upperBound...].prefix { $0 != "," }) }, "\(html)")
            #expect(Self.findings(html).contains("customer 1001 fields differ"), "\(html)")
            let row = try #require(ServePagesTests.rows(html, table: "findings").first { $0.contains("data-key=\"1001\"") })
            #expect(row.contains("<td>Kunde 1001</td><td>felter afviger</td><td>name</td>") && row.contains("<td>&quot;Ændret i e-conomic&quot;</td>"), "\(row)")
            #expect(html.contains("<tr data-kind=\"customer\"><td>Kunde</td>"), "\(html)")
            let english = try await ServeCommandTests.get(base + "/audit?lang=en").text
            #expect(english.contains("<h1>Audit</h1>") && english.contains("fields differ") && english.contains("Audit against snapshot \(file),"), "\(english)")

            // The CLI audits against the newest snapshot of the store: the one the panel pulled, with the same findings.
            let cli = try await connected.run(["audit", "--json"])
            #expect(cli.status == 1, "\(cli.stdout)")
            let report = try CanonicalJSON.parse(cli.stdout)
            #expect(report["snapshot"]?.stringValue == file, "\(cli.stdout)")
            let found = Set(try NothingLostTests.items(cli.stdout, "findings").compactMap { finding -> String? in
                guard let kind = finding["kind"]?.stringValue, let key = finding["key"]?.stringValue, let problem = finding["problem"]?.stringValue else { return nil }
                return "\(kind) \(key) \(problem)"
            })
            #expect(found == Self.findings(html), "\(cli.stdout)")
        }
    }

    @Test("in a real headless Chromium: Revision reached by the navigation, \"Kør revision nu\" pressed, the page reloads itself until the findings show; screenshot saved")
    func browser() async throws {
        try await ConnectedCLI.with { connected in
            connected.emulator.edit(kind: "customer", key: .int(1001)) { $0?["name"] = .string("Ændret i e-conomic") }
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let shots = connected.cli.outside.path
            let (seen, output) = try await ServeCommandTests.browse(base, ["audit", shots])
            #expect(seen["heading"]?.stringValue == "Revision" && seen["before"]?.intValue == 1, "\(output)")
            #expect(seen["of"]?.stringValue?.hasPrefix("Revision mod øjebliksbillede snapshots/") == true, "\(output)")
            guard case .array(let rows)? = seen["findings"] else { Issue.record("no findings: \(output)"); return }
            let cells = rows.map { row in (row.arrayValueOrEmpty).map { $0.stringValue ?? "" } }
            #expect(cells.contains { $0.count == 5 && $0[0] == "Kunde 1001" && $0[1] == "felter afviger" && $0[2] == "name" && $0[4] == "\"Ændret i e-conomic\"" },
                    "\(output)")
            let png = try Data(contentsOf: URL(fileURLWithPath: shots + "/panel-audit.png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5000, "\(png.count) bytes")
        }
    }

    @Test("econsync audit --fresh pulls a new snapshot into the store and audits against it; --fresh with --snapshot is a usage error")
    func freshFromTheCLI() async throws {
        try await ConnectedCLI.with { connected in
            let before = try await connected.expect(["snapshot", "list", "--all", "--json"])
            let clean = try await connected.run(["audit", "--fresh"])
            #expect(clean.status == 0 && clean.stdout.contains("no discrepancies"), "\(clean.stdout)")
            let after = try await connected.expect(["snapshot", "list", "--all", "--json"])
            #expect(after != before, "a new snapshot is in the store: \(after)")
            connected.emulator.edit(kind: "customer", key: .int(1001)) { $0?["name"] = .string("Ændret i e-conomic") }
            let found = try await connected.run(["audit", "--fresh"])
            #expect(found.status == 1 && found.stdout.contains("customer 1001: fields differ (name: replica"), "\(found.stdout)")
            #expect(found.stdout.contains("e-conomic \"Ændret i e-conomic\")"), "\(found.stdout)")
            let both = try await connected.run(["audit", "--fresh", "--snapshot", "@latest"])
            #expect(both.status == 2, "\(both.stdout)")
        }
    }
}
