import Economic
import Foundation
import Snapshot
import Testing

/// The panel's "Ordrer" (module 7) from a real `econsync serve` against the
/// emulator: the projects to export from, a project's registrations ticked,
/// the order lines beside `econsync order export --dry-run`'s, the export and
/// the draft order it leaves in e-conomic.
@Suite("econsync serve: Ordrer, exporting a project's registrations")
struct ServeOrdersTests {
    /// The cells of each row of table `id`, as text.
    static func cells(_ html: String, table id: String) -> [[String]] {
        ServePagesTests.rows(html, table: id).map { row in
            row.components(separatedBy: "<td").dropFirst().map { cell in
                let text = cell.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                return String(text).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            }
        }
    }

    /// (product, text) of each line `econsync order export --dry-run` shows for `entries` of project e:2.
    static func dryRun(_ connected: ConnectedCLI, _ entries: [String]) async throws -> [[String]] {
        let json = try await connected.expect(["order", "export", "--project", "e:2", "--dry-run", "--json"] + (entries.isEmpty ? [] : ["--entries"] + entries))
        return try NothingLostTests.items(json, "lines").map { [$0["productNumber"]?.stringValue ?? "", $0["description"]?.stringValue ?? ""] }
    }

    /// The project named `name` on the panel's order list (`query` added to its address), and its page.
    static func projectPage(_ base: String, named name: String, query: String = "") async throws -> (project: String, page: String) {
        let orders = try await ServeCommandTests.get(base + "/orders" + query).text
        let row = try #require(ServePagesTests.rows(orders, table: "projects").first { $0.contains(name) }, "\(orders)")
        let project = try #require(ServePagesTests.attribute("data-project", "<tr " + row))
        return (project, try await ServeCommandTests.get(base + "/orders/project/\(project)").text)
    }

    static func post(_ url: String, _ body: String, origin: String) async throws -> HTTPResponse {
        try await CurlTransport().send(HTTPRequest(method: "POST", url: url, headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Origin", origin)],
                                                   body: Array(body.utf8)))
    }

    @Test("the project with approved hours and materials is listed with their counts; its lines are the CLI's dry run's, for all and for those ticked; the export makes one draft order with those lines, marks only them exported, and never a second")
    func exportTicked() async throws {
        try await ConnectedCLI.with { connected in
            try await OrderExportCommandTests.fieldWork(connected)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }

            let orders = try await ServeCommandTests.get(base + "/orders").text
            #expect(orders.contains("<a href=\"/orders?lang=da\">Ordrer</a>") && orders.contains("id=\"no-exports\""), "\(orders)")
            #expect(!orders.contains("log-out-link"), "no login, no \"Log ud\"")
            let projects = Self.cells(orders, table: "projects")
            #expect(projects.count == 1 && projects.first?[2] == "3" && projects.first?[3] == "2", "three approved hours, two materials: \(projects)")
            let row = try #require(ServePagesTests.rows(orders, table: "projects").first)
            let project = try #require(ServePagesTests.attribute("data-project", "<tr " + row))

            // Every registration ticked, as the CLI's export takes them; the lines are the dry run's.
            let page = try await ServeCommandTests.get(base + "/orders/project/\(project)").text
            let refs = ServePagesTests.rows(page, table: "registrations").compactMap { ServePagesTests.attribute("data-registration", "<tr " + $0) }
            #expect(refs.count == 5 && refs.filter { $0.hasPrefix("m:") }.count == 2, "\(refs)")
            #expect(page.components(separatedBy: " checked>").count - 1 == 5, "all ticked")
            let lines = Self.cells(page, table: "lines").map { Array($0[1...2]) }
            let cliLines = try await Self.dryRun(connected, [])
            #expect(!lines.isEmpty && lines == cliLines, "\(page)")

            // One hour and one material ticked: the dry run of those two.
            let (hour, material) = (try #require(refs.first { !$0.hasPrefix("m:") }), try #require(refs.first { $0.hasPrefix("m:") }))
            let picked = try await ServeCommandTests.get(base + "/orders/project/\(project)?picked=1&entry=\(hour)&entry=\(material)").text
            let pickedLines = Self.cells(picked, table: "lines").map { Array($0[1...2]) }
            let cliPicked = try await Self.dryRun(connected, [hour, material])
            #expect(pickedLines.count == 2 && pickedLines == cliPicked, "\(picked)")
            #expect(picked.components(separatedBy: " checked>").count - 1 == 2)
            let none = try await ServeCommandTests.get(base + "/orders/project/\(project)?picked=1").text
            #expect(none.contains("id=\"nothing-picked\"") && !none.contains("id=\"export\""), "\(none)")

            // Exported: refused without the page's token, then made once with exactly the ticked registrations.
            let before = connected.emulator.records(kind: "order").count
            let address = base + "/orders/project/\(project)/export"
            #expect(try await Self.post(address, "entry=\(hour)&entry=m%3A\(material.dropFirst(2))", origin: base).status == 403)
            let token = try #require(picked.range(of: "name=\"csrf\" value=\"").map { String(picked[$0.upperBound...].prefix { $0 != "\"" }) })
            let body = "csrf=\(token)&entry=\(hour)&entry=m%3A\(material.dropFirst(2))"
            #expect(connected.emulator.records(kind: "order").count == before, "a refused POST sends nothing")
            let exported = try await Self.post(address, body, origin: base)
            let location = try #require(exported.headers.first { $0.0.lowercased() == "location" }?.1)
            #expect(exported.status == 303 && location.hasPrefix("/orders?exported="), "\(location)")
            let number = try #require(Int64(location.dropFirst("/orders?exported=".count).prefix { $0.isNumber }))
            let made = connected.emulator.records(kind: "order")
            #expect(made.count == before + 1)
            let order = try #require(made.first { $0.data["orderNumber"]?.intValue == number })
            guard case .array(let sent)? = order.data["lines"] else { Issue.record("no lines: \(order.data)"); return }
            #expect(sent.map { [$0["product"]?["productNumber"]?.stringValue ?? "", $0["description"]?.stringValue ?? ""] } == pickedLines, "\(sent)")

            let after = try await ServeCommandTests.get(base + location).text
            #expect(after.contains("<p class=\"notice\" id=\"exported\">Ordrekladde oprettet i e-conomic: nr. \(number)</p>"), "\(after)")
            let listed = Self.cells(after, table: "exports")
            #expect(listed.count == 1 && listed.first?[0] == String(number) && listed.first?[4] == "ordrekladde", "\(listed)")
            #expect(Self.cells(after, table: "projects").first.map { [$0[2], $0[3]] } == ["2", "1"], "the other three are left: \(after)")
            let cli = try await connected.expect(["order", "list", "--json"])
            #expect(try NothingLostTests.items(cli, "orders").map { $0["orderNumber"]?.intValue } == [number], "\(cli)")

            // Sent again (a second press, a reload): refused naming the registration, nothing sent twice.
            let again = try await Self.post(address, body, origin: base)
            let text = String(decoding: again.body, as: UTF8.self)
            #expect(again.status == 400 && text.contains("id=\"refusal\"") && text.contains("timeregistrering \(hour) er allerede eksporteret (lokal ordre ")
                    && !text.contains("is exported already"), "in Danish, naming the registration: \(text)")
            #expect(connected.emulator.records(kind: "order").count == before + 1)
        }
    }

    @Test("a project whose customer e-conomic lacks: its registrations are listed, the refusal is in the brief's words with what to do, and there is no export button; an unknown project is a 404")
    func refused() async throws {
        try await ConnectedCLI.with { connected in
            try await OrderExportCommandTests.customerNotInEconomic(connected)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let (_, page) = try await Self.projectPage(base, named: "Carport", query: "?lang=en")
            #expect(Self.cells(page, table: "registrations").count == 1, "\(page)")
            #expect(page.contains("Eksporten kan ikke gennemføres: Kunde ikke fundet i e-conomic") && page.contains("Nykunde Tømrer ApS"), "\(page)")
            #expect(!page.contains("id=\"export\""), "no export button")
            let missing = try await ServeCommandTests.get(base + "/orders/project/999999")
            #expect(missing.response.status == 404 && missing.text.contains("id=\"not-a-project\""))
        }
    }

    @Test("in a real headless Chromium: Ordrer reached by the navigation, a project chosen, one registration unticked, the lines previewed and exported; the draft order in e-conomic has those lines; screenshots saved")
    func browser() async throws {
        try await ConnectedCLI.with { connected in
            try await OrderExportCommandTests.fieldWork(connected)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let before = connected.emulator.records(kind: "order").count
            let orders = try await ServeCommandTests.get(base + "/orders").text
            let project = try #require(ServePagesTests.rows(orders, table: "projects").first.flatMap { ServePagesTests.attribute("data-project", "<tr " + $0) })
            let refs = ServePagesTests.rows(try await ServeCommandTests.get(base + "/orders/project/\(project)").text, table: "registrations")
                .compactMap { ServePagesTests.attribute("data-registration", "<tr " + $0) }
            let material = try #require(refs.first { $0.hasPrefix("m:") })
            let expected = try await Self.dryRun(connected, refs.filter { $0 != material })
            let shots = connected.cli.outside.path
            let (seen, output) = try await ServeCommandTests.browse(base, ["orders", shots, material])
            #expect(seen["ticked"]?.intValue == 5, "\(output)")
            let number = try #require(seen["exported"]?.stringValue?.split(separator: " ").last.flatMap { Int64($0) }, "\(output)")
            let order = try #require(connected.emulator.records(kind: "order").first { $0.data["orderNumber"]?.intValue == number })
            #expect(connected.emulator.records(kind: "order").count == before + 1)
            guard case .array(let lines)? = order.data["lines"], case .array(let previewed)? = seen["previewed"] else { Issue.record("\(output)"); return }
            let shown = previewed.map { row in Array(row.arrayValueOrEmpty.dropFirst().prefix(2)).map { $0.stringValue ?? "" } }
            #expect(shown == expected && lines.count == expected.count, "the unticked material is not on it: \(output)")
            #expect(lines.map { [$0["product"]?["productNumber"]?.stringValue ?? "", $0["description"]?.stringValue ?? ""] } == expected)
            let list = try await connected.expect(["local", "materials", "list", "--json"])
            let left = try NothingLostTests.items(list, "materials").filter { $0["orderId"] == nil || $0["orderId"] == .null }
            #expect(left.map { "m:\($0["id"]?.intValue ?? 0)" } == [material], "\(list)")
            for name in ["panel-order-preview.png", "panel-orders.png"] {
                let png = try Data(contentsOf: URL(fileURLWithPath: shots + "/" + name))
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5000, "\(name): \(png.count) bytes")
            }
        }
    }

    @Test("a product name e-conomic holds with a NUL and an escape sequence inside is shown on the order page written out, as the CLI shows it, not dropped or sent raw")
    func controlCharacters() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            connected.emulator.edit(kind: "product", key: .string("10002")) { $0?["name"] = .string("PEX-rør\u{0}16 mm \u{1B}[31m") }
            try await connected.expect(["setup", "--non-interactive"])
            try await connected.expect(["sync"])
            try await connected.importLines([
                #"{"kind":"project","ref":"p","data":{"name":"Kontrolprojekt","customer":"e:1001"}}"#,
                #"{"kind":"material","data":{"product":"e:10002","project":"@p","date":"2026-11-27","quantity":1,\#(OrderExportCommandTests.approved)}}"#,
            ])
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let (_, page) = try await Self.projectPage(base, named: "Kontrolprojekt")
            #expect(page.contains(#"PEX-rør\u{0}16 mm \u{1B}[31m"#), "\(page)")
            #expect(!page.unicodeScalars.contains { $0 == "\u{0}" || $0 == "\u{1B}" })
        }
    }

    @Test("the messy agreement: materials of products numbered K:2/22, PANT.3% (a negative price) and #4+A, with a quote in a name, are listed escaped, previewed as the CLI's dry run and exported as a draft e-conomic's emulator accepts, with those numbers and a net that counts the negative line")
    func messyAgreement() async throws {
        try await ConnectedCLI.with(pulled: false, seed: MessyAgreementTests.messy) { connected in
            try await connected.expect(["setup", "--non-interactive"])
            try await connected.expect(["sync"])
            let approved = OrderExportCommandTests.approved
            try await connected.importLines([
                #"{"kind":"project","ref":"p","data":{"name":"Etape 1, Søndergade 86","customer":"e:1984"}}"#,
                #"{"kind":"material","data":{"product":"n:K:2/22","project":"@p","date":"2026-11-27","quantity":4,"note":"Ventiler <bad> & \"køkken\"",\#(approved)}}"#,
                #"{"kind":"material","data":{"product":"n:PANT.3%","project":"@p","date":"2026-11-27","quantity":2,\#(approved)}}"#,
                #"{"kind":"material","data":{"product":"n:#4+A","project":"@p","date":"2026-11-28","quantity":1,\#(approved)}}"#,
            ])
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let (project, page) = try await Self.projectPage(base, named: "Etape 1, Søndergade 86")
            #expect(page.contains("Kugleventil 1/2&quot;") && page.contains("Ventiler &lt;bad&gt; &amp; &quot;køkken&quot;") && !page.contains("<bad>"), "\(page)")
            let refs = ServePagesTests.rows(page, table: "registrations").compactMap { ServePagesTests.attribute("data-registration", "<tr " + $0) }
            let lines = Self.cells(page, table: "lines").map { Array($0[1...2]) }
            let cli = try await connected.expect(["order", "export", "--project", project, "--dry-run", "--json", "--entries"] + refs)
            let dryRun = try NothingLostTests.items(cli, "lines").map { [$0["productNumber"]?.stringValue ?? "", $0["description"]?.stringValue ?? ""] }
            #expect(lines == dryRun && Set(lines.map { $0[0] }) == ["K:2/22", "PANT.3%", "#4+A"], "\(lines) against \(dryRun)")

            let token = try ServeConnectionTests.token(page)
            let body = "csrf=\(token)" + refs.map { "&entry=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) }.joined()
            let exported = try await Self.post(base + "/orders/project/\(project)/export", body, origin: base)
            #expect(exported.status == 303, "\(String(decoding: exported.body, as: UTF8.self))")
            let order = try #require(connected.emulator.records(kind: "order").max { ($0.data["orderNumber"]?.intValue ?? 0) < ($1.data["orderNumber"]?.intValue ?? 0) })
            guard case .array(let sent)? = order.data["lines"] else { Issue.record("no lines: \(order.data)"); return }
            #expect(Set(sent.compactMap { $0["product"]?["productNumber"]?.stringValue }) == ["K:2/22", "PANT.3%", "#4+A"], "\(sent)")
            let totals = sent.compactMap { OrderExportCommandTests.decimal($0["totalNetAmount"]) }
            #expect(totals.contains(Decimal(-100)) && OrderExportCommandTests.decimal(order.data["netAmount"]) == totals.reduce(0, +), "\(order.data)")
        }
    }
}
