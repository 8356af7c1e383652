import Economic
import Foundation
import Snapshot
import Testing

/// The panel's "Indstillinger": the setup wizard's steps as forms on a real
/// `econsync serve`, with e-conomic's choices from the emulator, and what a
/// form stores read back with `econsync config`.
@Suite("econsync serve: Indstillinger, the wizard's steps as forms")
struct ServeSettingsTests {
    /// Every question of the wizard's steps 2–4 (`SetupStep.steps`), by setting.
    static let questions = [
        "orders.exportHours", "orders.exportMaterials", "orders.hoursText", "orders.materialsText", "orders.grouping", "orders.layout",
        "orders.hoursProduct", "products.productGroup", "customers.syncCVR", "customers.syncGroups", "customers.defaultGroup",
        "customers.paymentTerms", "customers.syncContacts", "projects.syncHours", "projects.syncMaterials", "projects.syncEmployees",
        "projects.direction", "projects.projectGroup", "projects.autoApprove", "projects.bookOn", "projects.useEmployeeRates", "projects.subProjects",
    ]

    /// e-conomic's records of `kind` in the emulator, as the form offers them: number and name, by number.
    static func offered(_ connected: ConnectedCLI, _ kind: String) -> [(number: String, name: String)] {
        connected.emulator.records().filter { $0.kind == kind }.sorted { $0.key < $1.key }
            .map { ($0.key.description, $0.data["name"]?.stringValue ?? "") }
    }

    /// `text` as the page writes it in an element or a quoted attribute.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// The settings with a fixed list of values, each value with its Danish and English words, in the order offered.
    static let fixedLists: [(key: String, values: [(value: String, da: String, en: String)])] = [
        ("orders.grouping", [("none", "én linje pr. registrering", "one line per registration"), ("type", "pr. timetype/vare", "per hour type or product"),
                             ("type-employee", "pr. timetype/vare og medarbejder", "per hour type or product and employee"),
                             ("date", "pr. timetype/vare og dag", "per hour type or product and day"), ("product", "pr. e-conomic-vare", "per e-conomic product")]),
        ("projects.direction", [("both", "begge veje", "both ways"), ("import", "kun fra e-conomic (import)", "from e-conomic only (import)"),
                                ("export", "kun til e-conomic (eksport)", "to e-conomic only (export)")]),
        ("projects.bookOn", [("registration", "registreringsdatoen", "the registration date"),
                             ("endOfMonth", "månedens udgang (i dag for denne måned)", "the end of the month (today for this month's)")]),
        ("projects.subProjects", [("linked", "knyttet til hovedprojektet", "linked to the main project"),
                                  ("merge-into-parent", "lagt sammen med hovedprojektet", "merged into the main project"),
                                  ("standalone", "selvstændige projekter", "standalone projects")]),
    ]

    /// The options of the `<select>` of setting `key` on `page`, in order: value, label and whether it is selected; nil when it is no select.
    static func options(_ page: String, _ key: String) -> [(value: String, label: String, selected: Bool)]? {
        guard let start = page.range(of: "<select name=\"\(key)\" id=\"setting-\(key.replacingOccurrences(of: ".", with: "-"))\"") else { return nil }
        let select = String(page[start.upperBound...]).components(separatedBy: "</select>")[0]
        return select.components(separatedBy: "<option value=\"").dropFirst().map { option in
            let value = String(option.prefix { $0 != "\"" })
            let label = String(option.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
            return (value, label, option.hasPrefix(value + "\" selected>"))
        }
    }

    /// `form` (already encoded) posted to the settings page with the panel's own origin.
    static func post(_ base: String, _ form: String, query: String = "") async throws -> (status: Int, location: String?, text: String) {
        let response = try await ServeConnectionTests.send("POST", base + "/settings" + query, form: form, origin: base)
        return (response.status, response.header("location"), String(decoding: response.body, as: UTF8.self))
    }

    @Test("step 5 is titled on the panel as `econsync setup` titles it (\"Bekræftelse\", \"Review\"), in Danish and in English: the shared catalogue's words")
    func reviewTitledAsTheCLI() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            for (language, title) in [("da", "Trin 5: Bekræftelse"), ("en", "Step 5: Review")] {
                let page = try await ServeCommandTests.get(base + "/settings?lang=\(language)").text
                let setup = try await connected.expect(["setup", "--non-interactive", "--lang", language])
                // "Trin 5 af 5 — Bekræftelse": the step's word and number, then its name.
                let heading = try #require(setup.split(separator: "\n").first { $0.contains(" 5 \(language == "da" ? "af" : "of") 5 — ") }, "\(setup)")
                let (word, name) = (heading.trimmingCharacters(in: .whitespaces).prefix { $0 != " " }, heading.components(separatedBy: " — ").last ?? "")
                let legend = try #require(page.range(of: "<fieldset id=\"step-5\"><legend>").map { page[$0.upperBound...].prefix { $0 != "<" } }, "\(page)")
                #expect(legend == "\(word) 5: \(name)" && legend == title, "\(language): the panel's \(legend), the CLI's \(heading)")
            }
        }
    }

    @Test("GET /settings: every question of steps 2–4 with its current value, in the brief's Danish; a setting with a fixed list as a choice of its values in the catalogue's words; e-conomic's layouts, customer groups and payment terms as choices; step 5 with what will be stored; English with ?lang=en; no token on the page")
    func page() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.expect(["config", "set", "orders.grouping", "date"])
            try await connected.expect(["config", "set", "customers.syncContacts", "true"])
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }

            let (response, page) = try await ServeCommandTests.get(base + "/settings")
            #expect(response.status == 200 && page.contains("<h1>Indstillinger</h1>") && page.contains("<a href=\"/settings?lang=da\">Indstillinger</a>"), "\(page)")
            for key in Self.questions {
                #expect(page.contains("name=\"\(key)\" id=\"setting-\(key.replacingOccurrences(of: ".", with: "-"))\""), "\(key) is asked")
            }
            for legend in ["Trin 2: Ordre/faktura-eksport", "Trin 3: Kundesynkronisering", "Trin 4: Projektsynkronisering", "Trin 5: Bekræftelse"] {
                #expect(page.contains("<legend>\(legend)</legend>"), "\(legend)")
            }
            for label in ["Eksporter timer", "Tekststreng for timer", "Ordre-skabelon (layout)", "Standard debitorgruppe", "Betalingsbetingelser",
                          "Synkroniser kontaktpersoner", "Auto-godkendelse i e-conomic", "Brug medarbejdersatser"] {
                #expect(page.contains(">\(label)</label>"), "\(label)")
            }
            // The current values: what is set, else the default.
            // A setting with a fixed list: its values in the catalogue's words (the exact stored values as the options' values), the current one chosen.
            let english = try await ServeCommandTests.get(base + "/settings?lang=en").text
            let current = ["orders.grouping": "date", "projects.direction": "both", "projects.bookOn": "registration", "projects.subProjects": "linked"]
            for (key, values) in Self.fixedLists {
                let danish = try #require(Self.options(page, key), "\(key) is a select")
                #expect(danish.map(\.value) == values.map(\.value) && danish.map(\.label) == values.map { Self.escaped($0.da) }, "\(key): \(danish)")
                #expect(danish.filter(\.selected).map(\.value) == [current[key]!], "\(key): \(danish)")
                #expect(Self.options(english, key)?.map(\.label) == values.map { Self.escaped($0.en) }, "\(key) in English")
            }
            #expect(!page.contains("<input type=\"text\" name=\"orders.grouping\""), "no text field for the grouping")
            #expect(page.contains("name=\"orders.hoursText\" id=\"setting-orders-hoursText\" value=\"$navn $regnavn\""), "the default text")
            #expect(page.contains("id=\"setting-customers-syncContacts\"><option value=\"true\" selected>ja</option><option value=\"false\">nej</option>"))
            #expect(page.contains("id=\"setting-projects-autoApprove\"><option value=\"true\">ja</option><option value=\"false\" selected>nej</option>"))
            // e-conomic's choices, each by number and name, the first proposed when none is set (as the wizard does).
            for (kind, key) in [("layout", "orders.layout"), ("customerGroup", "customers.defaultGroup"), ("paymentTerm", "customers.paymentTerms")] {
                let offered = Self.offered(connected, kind)
                #expect(offered.count >= 1, "the emulator has \(kind)s")
                let select = try #require(page.range(of: "id=\"setting-\(key.replacingOccurrences(of: ".", with: "-"))\">")
                    .map { String(page[$0.upperBound...]).components(separatedBy: "</select>")[0] }, "\(key) is a choice")
                for (index, choice) in offered.enumerated() {
                    let option = "<option value=\"\(choice.number)\"\(index == 0 ? " selected" : "")>\(Self.escaped("\(choice.number) \(choice.name)"))<"
                    #expect(select.contains(option), "\(key) offers \(option)")
                }
                #expect(select.components(separatedBy: "<option").count - 1 == offered.count, "\(key): only e-conomic's choices")
            }
            #expect(!page.contains("id=\"no-choices\""), "e-conomic was reached")
            // Step 5: what will be stored, and the button that stores it.
            let firstLayout = try #require(Self.offered(connected, "layout").first)
            #expect(page.contains("<tr><th>Ordre-skabelon (layout)</th><td>\(Self.escaped("\(firstLayout.number) \(firstLayout.name)"))</td></tr>"), "\(page)")
            #expect(page.contains("<tr><th>Synkroniser kontaktpersoner</th><td>ja</td></tr>") && page.contains("<tr><th>Gruppér linjer</th><td>pr. timetype/vare og dag</td></tr>"))
            #expect(page.contains("<button type=\"submit\" id=\"activate\">Gem og aktivér</button>"))
            #expect(!page.contains("emulator-app-secret") && !page.contains("emulator-grant"), "no token on the page")

            #expect(english.contains("<h1>Settings</h1>") && english.contains(">Export hours</label>") && english.contains("<legend>Step 2: Order/invoice export</legend>"))
            #expect(english.contains("<button type=\"submit\" id=\"activate\">Save and activate</button>"))
        }
    }

    @Test("POST /settings stores the form as the wizard does (read back with `econsync config`), then 303 to the notice; an invalid value (a layout e-conomic lacks, a grouping or sub-project handling outside its list) is 400 naming the field and stores nothing; no CSRF token or a foreign origin: 403, nothing stored")
    func post() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let csrf = try ServeConnectionTests.token(try await ServeCommandTests.get(base + "/settings").text)
            let layout = try #require(Self.offered(connected, "layout").last).number

            #expect(try await Self.post(base, "orders.grouping=type&orders.layout=\(layout)").status == 403, "no token")
            #expect(try await Self.post(base, "csrf=wrong&orders.grouping=type").status == 403, "a wrong token")
            let foreign = try await ServeConnectionTests.send("POST", base + "/settings", form: "csrf=\(csrf)&orders.grouping=type", origin: "http://evil.example")
            #expect(foreign.status == 403, "a foreign origin")
            #expect(try await SetupCommandTests.settings(connected).isEmpty, "nothing stored by a refused form")

            let saved = try await Self.post(base, "csrf=\(csrf)&orders.grouping=type&orders.layout=\(layout)&orders.hoursText=%24regnavn%3A+%24navn&projects.autoApprove=true")
            #expect(saved.status == 303 && saved.location == "/settings?result=saved&lang=da", "\(saved.status) \(saved.text)")
            let after = try await ServeCommandTests.get(base + saved.location!).text
            #expect(after.contains("<p class=\"notice\" id=\"settings-notice\">Indstillingerne er gemt</p>"), "\(after)")
            #expect(after.contains("<option value=\"\(layout)\" selected>"), "the page shows the new layout")
            let stored = try await SetupCommandTests.settings(connected)
            #expect(stored["orders.grouping"] == "type" && stored["orders.layout"] == layout && stored["orders.hoursText"] == "$regnavn: $navn", "\(stored)")
            #expect(stored["projects.autoApprove"] == "true" && stored["customers.syncCVR"] == "true" && stored.count == Self.questions.count,
                    "every answer stored, as the wizard does: \(stored)")
            let shown = try await connected.expect(["config", "show"])
            #expect(shown.split(separator: "\n").contains { $0.hasPrefix("orders.grouping") && $0.contains(" type ") }, "\(shown)")

            let missing = try await Self.post(base, "csrf=\(csrf)&orders.layout=987654&orders.exportHours=false")
            #expect(missing.status == 400 && missing.text.contains("<h1>Indstillinger</h1>"), "\(missing.status)")
            #expect(missing.text.contains("<li data-field=\"orders.layout\">“Ordre-skabelon (layout)” (orders.layout): “987654” er ikke et af e-conomics valg</li>"),
                    "\(missing.text)")
            #expect(missing.text.contains("Intet er gemt. Ret disse felter:") && missing.text.contains("id=\"setting-orders-layout\" class=\"invalid\""))
            let grouping = try await Self.post(base, "csrf=\(csrf)&orders.grouping=weekly&customers.syncContacts=true", query: "?lang=en")
            #expect(grouping.status == 400 && grouping.text.contains("“Group lines (none, type, type-employee, date, product)” (orders.grouping): “weekly” cannot be used: must be one of none, type, type-employee, date, product"),
                    "\(grouping.text)")
            #expect(grouping.text.contains("id=\"setting-orders-grouping\" class=\"invalid\" aria-invalid=\"true\"><option value=\"weekly\" selected>weekly (cannot be used)</option>"
                                           + "<option value=\"none\">one line per registration</option>"), "what was sent comes back, chosen: \(grouping.text)")
            let subProjects = try await Self.post(base, "csrf=\(csrf)&projects.subProjects=nested&projects.bookOn=endOfMonth")
            #expect(subProjects.status == 400 && subProjects.text.contains("<li data-field=\"projects.subProjects\">“Underprojekter” (projects.subProjects): “nested” kan ikke bruges: "
                                                                          + "skal være en af linked, merge-into-parent, standalone</li>"), "\(subProjects.text)")
            #expect(!subProjects.text.contains("data-field=\"projects.bookOn\""), "endOfMonth is one of projects.bookOn's values")
            let flag = try await Self.post(base, "csrf=\(csrf)&orders.exportMaterials=maybe")
            #expect(flag.status == 400 && flag.text.contains("“Eksporter materialer” (orders.exportMaterials): svar ja eller nej (skal være true eller false)"), "\(flag.text)")
            #expect(try await SetupCommandTests.settings(connected) == stored, "a refused form stores nothing, not even its acceptable answers")
        }
    }

    @Test("step 4's activity mapping: an hour type without an activity gets e-conomic's activities to choose from; the choice is stored on the hour type; one e-conomic lacks is refused")
    func activities() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.expect(["local", "hour-type", "add", "--name", "Nattevagt"])
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let page = try await ServeCommandTests.get(base + "/settings").text
            let field = try #require(page.range(of: "<select name=\"activity.").map { "activity." + page[$0.upperBound...].prefix { $0 != "\"" } }, "\(page)")
            #expect(page.contains("Aktivitet for timetypen Nattevagt</label>"))
            let activity = try #require(Self.offered(connected, "hourType").last)
            #expect(page.contains("<option value=\"\(activity.number)\">\(Self.escaped("\(activity.number) \(activity.name)"))</option>"), "\(page)")
            let csrf = try ServeConnectionTests.token(page)
            let refused = try await Self.post(base, "csrf=\(csrf)&\(field)=99999")
            #expect(refused.status == 400 && refused.text.contains("“Aktivitet for timetypen Nattevagt”: “99999” er ikke en af e-conomics aktiviteter"), "\(refused.text)")
            let saved = try await Self.post(base, "csrf=\(csrf)&\(field)=\(activity.number)")
            #expect(saved.status == 303, "\(saved.text)")
            let hourTypes = try await connected.expect(["local", "hour-type", "list"])
            #expect(hourTypes.split(separator: "\n").contains { $0.contains("Nattevagt") && $0.contains(" \(activity.number) ") }, "\(hourTypes)")
        }
    }

    @Test("without a connection: the page says so in Danish and shows the current values as text fields; a form is still checked and stored")
    func notConnected() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.expect(["config", "set", "orders.layout", "19"])
            try await connected.expect(["disconnect"])
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let page = try await ServeCommandTests.get(base + "/settings").text
            #expect(page.contains("id=\"no-choices\">Ikke forbundet til e-conomic, så valgene kan ikke hentes."), "\(page)")
            #expect(page.contains("<input type=\"text\" name=\"orders.layout\" id=\"setting-orders-layout\" value=\"19\""), "\(page)")
            #expect(Self.options(page, "projects.subProjects")?.map(\.value) == ["linked", "merge-into-parent", "standalone"], "a fixed list needs no e-conomic: \(page)")
            let csrf = try ServeConnectionTests.token(page)
            let bad = try await Self.post(base, "csrf=\(csrf)&orders.layout=nineteen")
            #expect(bad.status == 400 && bad.text.contains("(orders.layout): “nineteen” kan ikke bruges"), "\(bad.text)")
            #expect(try await Self.post(base, "csrf=\(csrf)&orders.layout=20").status == 303)
            #expect(try await SetupCommandTests.settings(connected)["orders.layout"] == "20")
        }
    }

    @Test("e-conomic unreachable (the connection points at a closed port): the page says so in Danish and still shows the current values as text fields")
    func unreachable() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.expect(["config", "set", "customers.defaultGroup", "2"])
            let credentials = connected.cli.home.appendingPathComponent("credentials.json")
            var stored = try #require(try JSONSerialization.jsonObject(with: try Data(contentsOf: credentials)) as? [String: Any])
            #expect(stored["restBaseURL"] != nil)
            stored["restBaseURL"] = "http://127.0.0.1:9"
            try JSONSerialization.data(withJSONObject: stored).write(to: credentials)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let page = try await ServeCommandTests.get(base + "/settings").text
            #expect(page.contains("id=\"no-choices\">e-conomic kan ikke nås, så valgene kan ikke hentes. De nuværende værdier vises som tekstfelter."), "\(page)")
            #expect(page.contains("<input type=\"text\" name=\"customers.defaultGroup\" id=\"setting-customers-defaultGroup\" value=\"2\""), "\(page)")
            #expect(page.contains("name=\"customers.syncCVR\" id=\"setting-customers-syncCVR\"><option value=\"true\" selected>ja</option>"), "a flag is still ja/nej")
        }
    }

    @Test("in a real headless Chromium: Indstillinger through the navigation, a layout and a grouping chosen, \"Gem og aktivér\" pressed; the notice shown, `econsync config` has the new values; screenshot saved")
    func browser() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let shots = connected.cli.outside.path
            let (seen, output) = try await ServeCommandTests.browse(base, ["settings", shots])
            let layout = try #require(Self.offered(connected, "layout").last).number
            #expect(seen["heading"]?.stringValue == "Indstillinger" && seen["layout"]?.stringValue == layout, "\(output)")
            #expect(seen["steps"] == .array(["Trin 2: Ordre/faktura-eksport", "Trin 3: Kundesynkronisering", "Trin 4: Projektsynkronisering",
                                             "Trin 5: Bekræftelse"].map(JSONValue.string)), "\(output)")
            #expect(seen["notice"]?.stringValue == "Indstillingerne er gemt" && seen["url"]?.stringValue == base + "/settings?result=saved&lang=da", "\(output)")
            #expect(seen["layoutAfter"]?.stringValue == layout && seen["groupingAfter"]?.stringValue == "date", "\(output)")
            #expect(seen["groupings"] == .array(Self.fixedLists[0].values.map { .array([.string($0.value), .string($0.da)]) }), "\(output)")
            let stored = try await SetupCommandTests.settings(connected)
            #expect(stored["orders.layout"] == layout && stored["orders.grouping"] == "date" && stored["customers.syncContacts"] == "true", "\(stored)")
            let png = try Data(contentsOf: URL(fileURLWithPath: shots + "/panel-settings.png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5000, "\(png.count) bytes")
        }
    }
}
