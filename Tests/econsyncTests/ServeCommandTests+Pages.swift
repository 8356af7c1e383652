import Foundation
import Snapshot
import Testing

/// The panel's "Venter" and "Konflikter" pages and the overview's pictures,
/// over HTTP from a real `econsync serve` beside the CLI that made the records.
@Suite("econsync serve: waiting records, conflicts and the overview's pictures")
struct ServePagesTests {
    /// The rows of the table with `id` in `html`, each the text between `<tr` and `</tr>`.
    static func rows(_ html: String, table id: String) -> [String] {
        guard let start = html.range(of: "<table id=\"\(id)\">"), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<tr ").dropFirst().map { String($0.prefix { $0 != "\n" }) }
    }

    /// The value of `attribute` in `element`'s text.
    static func attribute(_ attribute: String, _ element: String) -> String? {
        element.range(of: " \(attribute)=\"").map { String(element[$0.upperBound...].prefix { $0 != "\"" }) }
    }

    /// The elements `<name …` in `html` with class `type`.
    static func elements(_ html: String, _ name: String, class type: String) -> [String] {
        html.components(separatedBy: "<\(name) class=\"\(type)").dropFirst().map { String($0.prefix { $0 != "\n" }) }
    }

    /// A time entry blocked by its employee's missing e-conomic id, and one not approved.
    static func waitingHours(_ connected: ConnectedCLI) async throws -> (blocked: Int, unapproved: Int) {
        try await connected.importLines(ModuleCommandTests.hoursOfUnlinkedEmployee)
        let sync = try await connected.expect(["sync", "projectEntries"])
        #expect(sync.contains("1 blocked"), "\(sync)")
        let unapproved = try await connected.expect(["local", "hours", "record", "--employee", "e:3", "--project", "n:2", "--type", "e:1",
                                                     "--hours", "2", "--date", "2026-11-02", "--json"])
        let id = try #require(try CanonicalJSON.parse(unapproved)["id"]?.intValue)
        // The blocked one: the other entry e-conomic does not have (the pulled ones have their key, the exported ones are on an order).
        let entries = try NothingLostTests.items(try await connected.expect(["local", "hours", "list", "--json"]), "timeEntries")
        let blocked = try #require(entries.first { $0["id"]?.intValue != id && $0["economicKey"] == .null && $0["orderId"] == nil }?["id"]?.intValue,
                                   "\(entries)")
        return (Int(blocked), Int(id))
    }

    @Test("Venter: every record not synced with the reasons `econsync why` gives and what to do, in Danish and English, one module with ?module=")
    func pending() async throws {
        try await ConnectedCLI.with { connected in
            let (blocked, unapproved) = try await Self.waitingHours(connected)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }

            // The run that blocked the entry ran in English; its error is kept as data, read in Danish on the overview.
            let overview = try await ServeCommandTests.get(base + "/").text
            let moduleRow = try #require(overview.components(separatedBy: "<tr data-module=\"projectEntries\"").dropFirst().first, "\(overview)")
            #expect(moduleRow.contains("<span class=\"detail\">Medarbejder mangler e-conomic ID: Lars Lærling (medarbejder ")
                    && !moduleRow.prefix { $0 != "\n" }.contains("Employee is missing"), "\(moduleRow.prefix(2000))")
            let (answer, html) = try await ServeCommandTests.get(base + "/pending")
            #expect(answer.status == 200 && html.contains("<h1>Venter</h1>") && html.contains("<a href=\"/pending?lang=da\">Venter</a>"), "\(html)")
            let rows = Self.rows(html, table: "pending")
            let row = { (kind: String, id: Int) in rows.first { $0.hasPrefix("data-kind=\"\(kind)\" data-id=\"\(id)\"") } }
            let blockedRow = try #require(row("timeEntry", blocked), "\(html)")
            #expect(blockedRow.contains("Timeregistrering \(blocked)") && blockedRow.contains("ikke i e-conomic endnu"), "\(blockedRow)")
            #expect(blockedRow.contains("Medarbejder mangler e-conomic ID<br><span class=\"detail\">Medarbejder mangler e-conomic ID: Lars Lærling (medarbejder ")
                    && blockedRow.contains("): angiv medarbejderens e-conomic ID, eller slå synkronisering af medarbejdere til</span>"), "\(blockedRow)")
            #expect(!blockedRow.contains("Employee is missing") && !blockedRow.contains("(employee ") && !blockedRow.contains("enable employee sync"),
                    "the detail in Danish too: \(blockedRow)")
            #expect(blockedRow.contains("Giv medarbejderen sit e-conomic-medarbejdernummer"), "\(blockedRow)")
            let unapprovedRow = try #require(row("timeEntry", unapproved), "\(html)")
            #expect(unapprovedRow.contains("Ikke godkendt: kun godkendte registreringer sendes.") && unapprovedRow.contains("Godkend registreringen"), "\(unapprovedRow)")
            #expect(rows.contains { $0.hasPrefix("data-kind=\"employee\"") && $0.contains("Lars Lærling") && $0.contains("henter kun fra e-conomic") }, "\(html)")
            // The reasons are `econsync why`'s, record by record.
            for row in rows {
                let (kind, id) = (try #require(Self.attribute("data-kind", "<tr " + row)), try #require(Self.attribute("data-id", "<tr " + row)))
                let why = try CanonicalJSON.parse(try await connected.expect(["why", kind, id, "--json"]))
                guard case .array(let reasons)? = why["reasons"] else { Issue.record("\(why)"); continue }
                #expect(Self.attribute("data-reasons", "<tr " + row) == reasons.compactMap { $0["code"]?.stringValue }.joined(separator: " "), "\(kind) \(id): \(row)")
                #expect(why["state"]?.stringValue != "synced", "\(kind) \(id) is listed but synced")
            }
            #expect(Set(rows.compactMap { Self.attribute("data-reasons", "<tr " + $0) }).isSuperset(of: ["lastRun", "notApproved"]), "\(rows)")

            let english = try await ServeCommandTests.get(base + "/pending?lang=en").text
            #expect(english.contains("<h1>Pending</h1>") && english.contains("<span class=\"detail\">Employee is missing an e-conomic ID: Lars Lærling (employee ")
                    && english.contains("): set the employee&#39;s e-conomic id or enable employee sync</span>")
                    && english.contains("Not approved: only approved registrations are sent.") && english.contains("<th>What to do</th>"), "\(english)")

            let hours = try await ServeCommandTests.get(base + "/pending?module=projectEntries").text
            let hourRows = Self.rows(hours, table: "pending")
            #expect(hourRows.count == 2 && hourRows.allSatisfy { $0.hasPrefix("data-kind=\"timeEntry\"") }, "\(hours)")
            #expect(hours.contains("<strong>Projektregistreringer</strong>") && hours.contains("<a href=\"/pending?module=projects&amp;lang=da\">"), "\(hours)")
            let suppliers = try await ServeCommandTests.get(base + "/pending?module=suppliers&lang=en").text
            #expect(suppliers.contains("id=\"nothing-pending\">Everything is in e-conomic as Mobilplan has it.") && Self.rows(suppliers, table: "pending").isEmpty,
                    "\(suppliers)")

            // Approved and sent once the employee has an e-conomic id: off the list.
            try await connected.expect(["local", "hours", "approve", "\(unapproved)", "--by", "formand"])
            try await connected.expect(["sync", "projectEntries", "--force"])
            let after = Self.rows(try await ServeCommandTests.get(base + "/pending?module=projectEntries").text, table: "pending")
            #expect(after.count == 1 && after.first?.hasPrefix("data-kind=\"timeEntry\" data-id=\"\(blocked)\"") == true, "\(after)")
        }
    }

    /// Product 10003's name and customer 1001's name changed on both sides, then a reconcile at 08:00 decides both
    /// (forced: a module may have run a moment before).
    static func conflicts(_ connected: ConnectedCLI) async throws {
        connected.emulator.edit(kind: "product", key: .string("10003")) { $0?["name"] = .string("Kugleventil (e-conomic)") }
        connected.emulator.edit(kind: "customer", key: .int(1001)) { $0?["name"] = .string("Kunde ændret i e-conomic") }
        try await connected.expect(["local", "product", "edit", "n:10003", "--name", "Kugleventil (Mobilplan)"])
        try await connected.expect(["local", "customer", "edit", "e:1001", "--name", "Kunde ændret i Mobilplan"])
        try await connected.expect(["reconcile", "--force"])
    }

    @Test("Konflikter: the journal's base, Mobilplan and e-conomic values, winner and rule (in Danish which system is master, English with ?lang=en), as `econsync conflicts` has them; by module and days; a bad date is a 400 page")
    func conflicts() async throws {
        try await ConnectedCLI.with { connected in
            try await Self.conflicts(connected)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let journal = try CanonicalJSON.parse(try await connected.expect(["conflicts", "--json"]))
            guard case .array(let entries)? = journal["conflicts"] else { Issue.record("\(journal)"); return }
            #expect(entries.count == 2, "\(journal)")

            let (answer, html) = try await ServeCommandTests.get(base + "/conflicts")
            #expect(answer.status == 200 && html.contains("<h1>Konflikter</h1>") && html.contains("<th>Mobilplan</th><th>e-conomic</th><th>Vinder</th><th>Regel</th>"),
                    "\(html)")
            let rows = Self.rows(html, table: "conflicts")
            #expect(rows.count == 2, "\(html)")
            for entry in entries {
                let module = try #require(entry["module"]?.stringValue)
                let row = try #require(rows.first { $0.hasPrefix("data-module=\"\(module)\"") }, "\(module): \(rows)")
                for value in [entry["baseValue"], entry["localValue"], entry["remoteValue"]] {
                    let text = (value?.stringValue ?? "—").replacingOccurrences(of: "\"", with: "&quot;")
                    #expect(row.contains("<td>\(text)</td>"), "\(value as Any) in \(row)")
                }
                let winner = entry["winner"]?.stringValue == "mobilplan" ? "Mobilplan" : "e-conomic"
                // The rule in the page's language: which system is master of which module; the journal's English with ?lang=en.
                let rule = try #require(entry["rule"]?.stringValue)
                #expect(rule == "default master of the \(module) module: \(try #require(entry["winner"]?.stringValue))", "\(rule)")
                let danishModule = module == "products" ? "Varer" : "Kunder"
                #expect(row.contains("<td>2026-11-02 08:00 UTC</td>") && row.contains("</td><td>\(winner)</td><td>\(winner) er master for \(danishModule) (standard)</td></tr>")
                        && !row.contains(rule), "\(row)")
                let english = try #require(Self.rows(try await ServeCommandTests.get(base + "/conflicts?module=\(module)&lang=en").text, table: "conflicts").first)
                #expect(english.contains("</td><td>\(winner)</td><td>\(rule)</td></tr>"), "\(english)")
            }
            let product = try #require(rows.first { $0.hasPrefix("data-module=\"products\"") })
            #expect(product.contains("<td>Varer</td><td>Vare 10003</td><td>name</td>") && product.contains("<td>Kugleventil (Mobilplan)</td><td>Kugleventil (e-conomic)</td>"),
                    "\(product)")

            let products = Self.rows(try await ServeCommandTests.get(base + "/conflicts?module=products&lang=en").text, table: "conflicts")
            #expect(products.count == 1 && products[0].contains("<td>Products</td><td>Product 10003</td>"), "\(products)")
            let day = try await ServeCommandTests.get(base + "/conflicts?from=2026-11-02&to=2026-11-02").text
            #expect(Self.rows(day, table: "conflicts").count == 2 && day.contains("name=\"from\" value=\"2026-11-02\""), "\(day)")
            let later = try await ServeCommandTests.get(base + "/conflicts?from=2026-11-03").text
            #expect(Self.rows(later, table: "conflicts").isEmpty && later.contains("id=\"no-conflicts\">Ingen konflikter."), "\(later)")
            #expect(Self.rows(try await ServeCommandTests.get(base + "/conflicts?to=2026-11-01").text, table: "conflicts").isEmpty)
            // The module filter keeps the days.
            #expect(day.contains("<a href=\"/conflicts?module=customers&amp;from=2026-11-02&amp;to=2026-11-02&amp;lang=da\">Kunder</a>"), "\(day)")

            let bad = try await ServeCommandTests.get(base + "/conflicts?from=2026-13-45")
            #expect(bad.response.status == 400 && bad.text.contains("<h1>Forkert forespørgsel</h1>")
                    && bad.text.contains("&quot;2026-13-45&quot; er ikke en dato. Skriv datoen som ÅÅÅÅ-MM-DD"), "\(bad.text)")
            let badEnglish = try await ServeCommandTests.get(base + "/conflicts?to=yesterday&lang=en")
            #expect(badEnglish.response.status == 400 && badEnglish.text.contains("&quot;yesterday&quot; is not a date."), "\(badEnglish.text)")
            #expect(try await ServeCommandTests.get(base + "/healthz").response.status == 200, "the panel still serves")
        }
    }

    @Test("the overview's pictures: a bar per hour of the last 24 with the runs' API calls against the fair-use line, and the runs per module coloured by outcome")
    func pictures() async throws {
        try await ConnectedCLI.with { connected in
            // A run in the middle of an hour, between the first pull at 07:00 and the runs at 08:00.
            connected.cli.environment["ECONSYNC_NOW"] = "2026-11-02T07:30:00Z"
            try await connected.expect(["sync", "units", "customers"])
            connected.cli.environment["ECONSYNC_NOW"] = "2026-11-02T08:00:00Z"
            try await Self.conflicts(connected)
            connected.emulator.revokeGrant("emulator-grant")
            #expect(try await connected.run(["sync", "units", "--force"]).status == 4)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let html = try await ServeCommandTests.get(base + "/").text

            let bars = Self.elements(html, "rect", class: "calls")
            #expect(bars.count == 24, "\(html)")
            #expect(bars.compactMap { Self.attribute("data-hour", $0) } == (9...23).map { String(format: "%02d", $0) } + (0...8).map { String(format: "%02d", $0) })
            let calls = bars.map { Int(Self.attribute("data-calls", $0) ?? "") ?? -1 }
            let modules = try NothingLostTests.items(try await connected.run(["status", "--json"]).stdout, "modules")
            let today = modules.compactMap { $0["apiCallsToday"]?.intValue }.reduce(0, +)
            #expect(today > 0 && calls.reduce(0, +) == today, "every run of the day is in the last 24 hours: \(calls) vs \(today)")
            #expect(calls[22] > 0 && calls[23] > 0 && calls[..<22].allSatisfy { $0 == 0 }, "the first pull at 07:00 and the runs at 08:00: \(calls)")
            #expect(html.contains("<line class=\"budget\"") && html.contains(">2083</text>"), "\(html)")
            let apiSVG = try #require(html.range(of: "<svg id=\"api-calls\" role=\"img\" aria-label=\"").map { String(html[$0.upperBound...].prefix { $0 != "\"" }) })
            #expect(apiSVG.hasPrefix("API-kald pr. time, seneste 24 timer: \(today) api-kald de seneste 24 timer"), "\(apiSVG)")

            let runs = Self.elements(html, "rect", class: "run ")
            let logged = try NothingLostTests.items(try await connected.expect(["log", "--json", "--limit", "100"]), "runs")
            // Each hour's bar has the calls of the runs started in it (07:00 and 07:30 in one, 08:00 in the next).
            var byHour: [String: Int] = [:]
            for run in logged { byHour[String(run["startedAt"]?.stringValue?.dropFirst(11).prefix(2) ?? ""), default: 0] += run["apiCalls"]?.intValue.map(Int.init) ?? 0 }
            #expect(byHour.keys.sorted() == ["07", "08"] && zip(bars, calls).allSatisfy { byHour[Self.attribute("data-hour", $0.0) ?? "", default: 0] == $0.1 },
                    "\(byHour) vs \(calls)")
            #expect(runs.count == logged.count && runs.count > 8, "one bar per run: \(runs.count) vs \(logged.count)")
            let reconnect = runs.filter { Self.attribute("data-outcome", "<rect class=\"run " + $0) == "needsReconnect" }
            #expect(reconnect.count == 1 && reconnect[0].contains("data-module=\"units\"") && reconnect[0].contains("fill=\"#862e9c\""), "\(reconnect)")
            #expect(runs.filter { $0.hasPrefix("outcome-succeeded") }.allSatisfy { $0.contains("fill=\"#2b8a3e\"") })
            #expect(runs.count { $0.hasPrefix("outcome-succeeded") } == logged.count - 1, "\(runs)")
            #expect(html.contains("<title>Kørsler de seneste 24 timer: \(logged.count) kørsler: \(logged.count - 1) lykkedes, 1 skal forbindes igen</title>"), "\(html)")
            let english = try await ServeCommandTests.get(base + "/?lang=en").text
            #expect(english.contains("aria-label=\"Runs in the last 24 hours: \(logged.count) runs: \(logged.count - 1) succeeded, 1 needs reconnect\""), "\(english)")
            #expect(!html.contains(" style="), "no style attribute for the CSP to weigh")
        }
    }

    @Test("in a real headless Chromium: Venter, Konflikter and the overview's pictures in Danish, the console silent; screenshots saved")
    func browser() async throws {
        try await ConnectedCLI.with { connected in
            _ = try await Self.waitingHours(connected)
            try await Self.conflicts(connected)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let shots = connected.cli.outside.path
            let (seen, output) = try await ServeCommandTests.browse(base, ["pages", shots])
            #expect(seen["pending"]?["heading"]?.stringValue == "Venter" && seen["conflicts"]?["heading"]?.stringValue == "Konflikter", "\(output)")
            #expect((seen["pending"]?["rows"]?.intValue ?? 0) >= 3 && seen["conflicts"]?["rows"]?.intValue == 2, "\(output)")
            #expect(seen["overview"]?["bars"]?.intValue == 24 && (seen["overview"]?["runs"]?.intValue ?? 0) > 8, "\(output)")
            #expect(seen["overview"]?["chartWidth"]?.intValue ?? 0 > 300, "the picture is drawn, not collapsed: \(output)")
            for page in ["overview", "pending", "conflicts"] {
                let png = try Data(contentsOf: URL(fileURLWithPath: shots + "/panel-\(page).png"))
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5000, "\(page): \(png.count) bytes")
            }
        }
    }
}
