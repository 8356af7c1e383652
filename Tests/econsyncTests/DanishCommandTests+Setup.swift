import Foundation
import Snapshot
import Testing

/// `econsync setup` and `econsync config` in Danish: the brief's step names
/// and questions from the shared catalogue (the panel's "Indstillinger" reads
/// the same), each setting's Danish description; `--json` the same in both.
extension DanishCommandTests {
    /// The wizard's Danish prompts in order, each answered when it shows ("" takes what is proposed; nil only waits for the text).
    static let danishAnswers: [(prompt: String, answer: String?)] = [
        ("Trin 1 af 5 — Forbind til e-conomic", nil), ("  forbundet til aftale 1118081", nil), ("Trin 2 af 5 — Ordre/faktura-eksport", nil),
        ("Eksporter timer [J/n]: ", "måske"), ("  svar j eller n", nil), ("Eksporter timer [J/n]: ", "nej"), ("Eksporter materialer [J/n]: ", ""),
        ("variabler til linjeteksterne: $navn ($employee) medarbejderens navn, $regnavn ($type) timetypen eller varen", nil),
        ("Tekststreng for timer [$navn $regnavn]: ", "$nvan"),
        ("  orders.hoursText ukendt variabel $nvan i \"$nvan\"", nil), ("Tekststreng for timer [$navn $regnavn]: ", ""), ("Tekststreng for materialer [$regnavn]: ", ""),
        ("Gruppér linjer (none, type, type-employee, date, product) [none]: ", ""), ("  valg: 19 ", nil),
        ("Ordre-skabelon (layout) [19]: ", "999"), ("  999 er ikke et af e-conomics valg", nil), ("Ordre-skabelon (layout) [19]: ", ""),
        ("Vare, som timer faktureres på [10018]: ", ""), ("Varegruppe for automatisk oprettede varer [1]: ", ""),
        ("Trin 3 af 5 — Kundesynkronisering", nil),
        ("Synkroniser CVR (valider og match kunder på CVR-nummer) [J/n]: ", ""), ("Synkroniser kundegrupper [J/n]: ", ""),
        ("Standard debitorgruppe [1]: ", ""), ("Betalingsbetingelser [1]: ", ""), ("Synkroniser kontaktpersoner [j/N]: ", "ja"),
        ("Trin 4 af 5 — Projektsynkronisering", nil),
        ("Synkroniser timer [J/n]: ", ""), ("Synkroniser materialer [J/n]: ", ""), ("Synkroniser medarbejdere (match på nummer, e-mail, navn) [J/n]: ", ""),
        ("Bi-direktional sync: retning (both, import, export) [both]: ", ""), ("Projektgruppe for projekter oprettet i marken [1]: ", ""),
        ("Auto-godkendelse i e-conomic [j/N]: ", ""), ("Bogfør godkendte timer på (registration, endOfMonth) [registration]: ", ""),
        ("Brug medarbejdersatser [j/N]: ", ""), ("Underprojekter (linked, merge-into-parent, standalone) [linked]: ", ""),
        ("  Aktivitetsmapping: e-conomics aktiviteter er ", nil), ("  Aktivitet for timetypen Nattevagt: ", "4"),
        ("Trin 5 af 5 — Bekræftelse", nil), ("Aktivér integrationen? [J/n]: ", "n"),
        ("Gå tilbage til trin 2, 3, 4 (Enter: stop, intet gemmes): ", "7"), ("svar 2, 3, 4, eller tryk Enter", "3"),
        ("Trin 3 af 5 — Kundesynkronisering", nil), ("Synkroniser CVR (valider og match kunder på CVR-nummer) [J/n]: ", "n"),
        ("]: ", ""), ("]: ", ""), ("]: ", ""), ("]: ", ""), ("Aktivér integrationen? [J/n]: ", ""),
    ]

    @Test("the setup wizard in Danish under LANG=da_DK.UTF-8: the brief's step names and questions, J/n, e-conomic's choices, a wrong answer asked again in Danish, the review in Danish (ja, nej, timetype → aktivitet), activated")
    func setup() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.expect(["local", "hour-type", "add", "--name", "Nattevagt"])
            connected.cli.environment["LANG"] = "da_DK.UTF-8"
            let terminal = try PseudoTerminal()
            let process = try terminal.start(connected.cli, ["setup"])
            try await ConnectedCLI.offPool {
                for (prompt, answer) in Self.danishAnswers {
                    try terminal.expect(prompt)
                    if let answer { terminal.type(answer) }
                }
                try terminal.expect("aktiveret: 22 indstillinger gemt; modulerne kører med `econsync sync` eller `econsync run`")
                terminal.drain()
                process.waitUntilExit()
            }
            let transcript = terminal.transcript
            #expect(process.terminationStatus == 0, "\(transcript)")
            for line in ["  Eksporter timer: nej\r\n", "  Eksporter materialer: ja\r\n", "  Ordre-skabelon (layout): 19 ", "  Synkroniser kontaktpersoner: ja\r\n",
                         "  Synkroniser CVR (valider og match kunder på CVR-nummer): nej\r\n", "  timetype Nattevagt → aktivitet 4 "] {
                #expect(transcript.contains(line), "\(line): \(transcript)")
            }
            for english in ["Step ", "Export hours", ": yes", ": no\r", "hour type", "choices:", "Activate", "[Y/n]", "please answer"] {
                #expect(!transcript.contains(english), "\(english): \(transcript)")
            }
            let values = try await SetupCommandTests.settings(connected)
            #expect(values["orders.exportHours"] == "false" && values["customers.syncContacts"] == "true" && values["customers.syncCVR"] == "false")
        }
    }

    @Test("setup without a terminal in Danish (--lang da): a new data directory, the steps by the brief's names, the review, activated; English as before with --lang en")
    func setupWithoutTerminal() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let fresh = connected.cli.home.appendingPathComponent("fresh").path
            let base = "http://127.0.0.1:\(connected.emulator.port!)"
            let danish = try await connected.run(["setup", "--non-interactive", "--lang", "da", "--data-dir", fresh, "--grant-token-stdin", "--rest-url", base,
                                                  "--projects-url", base + "/projectsapi/v1.1.0", "--set", "customers.syncContacts=true"], input: "emulator-grant\n")
            #expect(danish.status == 0, "\(danish.stdout) \(danish.stderr)")
            #expect(danish.stdout.hasPrefix("en ny datamappe i \(fresh)\nTrin 1 af 5 — Forbind til e-conomic\n"), "\(danish.stdout)")
            #expect(danish.stdout.contains("\nTrin 5 af 5 — Bekræftelse\n  Eksporter timer: ja\n"), "\(danish.stdout)")
            #expect(danish.stdout.contains("\n  Synkroniser kontaktpersoner: ja\n") && danish.stdout.contains("\n  Betalingsbetingelser: 1 "), "\(danish.stdout)")
            #expect(danish.stdout.hasSuffix("aktiveret: 22 indstillinger gemt; modulerne kører med `econsync sync` eller `econsync run`\n"), "\(danish.stdout)")

            let english = try await connected.expect(["setup", "--non-interactive", "--lang", "en", "--data-dir", fresh])
            #expect(english.hasPrefix("Step 1 of 5 — Connect to e-conomic\n  connected to agreement 1118081") && english.contains("\nStep 5 of 5 — Review\n  Export hours: yes\n"),
                    "\(english)")
            #expect(english.hasSuffix("activated: 22 settings saved; modules run with `econsync sync` or `econsync run`\n"), "\(english)")
        }
    }

    @Test("config in Danish: the columns, every setting's meaning in Danish (the brief's for the wizard's), (standard) and (ikke sat), a number e-conomic does not have refused in Danish, an import counted; --json the same in both")
    func config() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.expect(["config", "set", "orders.grouping", "type"])
            let json = try await Self.sameJSON(connected, ["config", "show"])
            guard case .array(let settings)? = try CanonicalJSON.parse(json)["settings"] else { Issue.record("\(json)"); return }
            connected.cli.environment["LANG"] = "da_DK.UTF-8"
            let shown = try await connected.expect(["config", "show", "--wide"])
            #expect(shown.hasPrefix("INDSTILLING") && shown.contains("VÆRDI") && shown.contains("BETYDNING"), "\(shown)")
            let lines = shown.split(separator: "\n")
            for setting in settings {
                let name = try #require(setting["name"]?.stringValue), help = try #require(setting["help"]?.stringValue)
                let line = try #require(lines.first { $0.hasPrefix(name + " ") }, "\(name): \(shown)")
                #expect(!line.contains(help), "\(name) has no Danish meaning: \(line)")
            }
            let row = { (name: String) in lines.first { $0.hasPrefix(name + " ") }.map(String.init) ?? "" }
            #expect(row("orders.exportHours").contains(" true (standard) ") && row("orders.exportHours").hasSuffix("  Inkluder timeregistreringer på ordren: true eller false"),
                    "\(shown)")
            let grouping = row("orders.grouping")
            #expect(grouping.contains(" type ") && grouping.hasSuffix("  hvordan registreringerne samles i ordrelinjer: none, type, type-employee, date, product"),
                    "\(shown)")
            #expect(row("customers.defaultGroup").contains("Gruppe til nye kunder"), "\(shown)")
            #expect(row("customers.enabled").contains("kør modulet Kunder (3): true eller false"), "\(shown)")
            #expect(row("smtp.url").contains("(ikke sat)"), "\(shown)")

            let refused = try await connected.run(["config", "set", "orders.layout", "999"])
            #expect(refused.status == 2 && refused.stderr.hasPrefix("fejl: orders.layout: 999 er ikke et af e-conomics valg; e-conomic har 19 "), "\(refused.stderr)")
            #expect(try await connected.expect(["config", "set", "orders.layout", "19"]) == "orders.layout = 19\n")
            #expect(try await connected.expect(["config", "unset", "orders.grouping"]) == "orders.grouping = none (standard)\n")
            #expect(try await connected.expect(["config", "unset", "orders.hoursProduct"]) == "orders.hoursProduct = (ikke sat)\n")
            #expect(try await connected.expect(["config", "unset", "orders.grouping", "--lang", "en"]) == "orders.grouping = none (default)\n")

            let file = connected.cli.outside.appendingPathComponent("settings.json")
            try Data(try await connected.expect(["config", "export"]).utf8).write(to: file)
            #expect(try await connected.expect(["config", "import", file.path]) == "1 indstilling importeret fra \(file.path)\n")
            try Data(#"{"orders.grouping":"date","projects.useEmployeeRates":true}"#.utf8).write(to: file)
            #expect(try await connected.expect(["config", "import", file.path]) == "2 indstillinger importeret fra \(file.path)\n")
            #expect(try await connected.expect(["config", "import", file.path, "--lang", "en"]) == "2 settings imported from \(file.path)\n")
        }
    }
}
