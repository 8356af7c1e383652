import Foundation
import Snapshot
import Testing

/// `econsync why` and `econsync conflicts` in Danish: the shared catalogue's
/// words (the brief's for the errors), the commands that help; `--json` the same in both.
extension DanishCommandTests {
    @Test("why in Danish: the kind and state in the office's words, not approved with the command that approves, the brief's \"Medarbejder mangler e-conomic ID\" for the blocked entry, import-only, paused; --json the same under --lang da and en")
    func why() async throws {
        try await ConnectedCLI.with { connected in
            let (blocked, unapproved) = try await ServePagesTests.waitingHours(connected)
            connected.cli.environment["LANG"] = "da_DK.UTF-8"
            let waiting = try await connected.expect(["why", "timeEntry", "\(unapproved)"])
            #expect(waiting.hasPrefix("Timeregistrering \(unapproved)") && waiting.contains(": ikke i e-conomic endnu\n"), "\(waiting)")
            #expect(waiting.contains("  - Ikke godkendt: kun godkendte registreringer sendes; godkend den med `econsync local hours approve \(unapproved)`\n"),
                    "\(waiting)")
            #expect(!waiting.contains("not approved") && !waiting.contains("not in e-conomic"), "\(waiting)")

            let employee = try await connected.expect(["why", "timeEntry", "\(blocked)"])
            #expect(employee.contains("  - Medarbejder mangler e-conomic ID: Lars Lærling (medarbejder ")
                    && employee.contains("): angiv medarbejderens e-conomic ID, eller slå synkronisering af medarbejdere til\n"),
                    "the brief's words, and the detail in Danish too: \(employee)")
            #expect(!employee.contains("Employee is missing") && !employee.contains("employee"), "\(employee)")
            let blockedEnglish = try await connected.expect(["why", "timeEntry", "\(blocked)", "--lang", "en"])
            #expect(blockedEnglish.contains("  - the last projectEntries run: Employee is missing an e-conomic ID: Lars Lærling (employee ")
                    && blockedEnglish.contains("): set the employee's e-conomic id or enable employee sync\n"), "English as before: \(blockedEnglish)")
            let lars = try await connected.expect(["why", "employee", "Lars Lærling"])
            #expect(lars.hasPrefix("Medarbejder ") && lars.contains("  - Modulet Projekter henter kun fra e-conomic: ændringer i Mobilplan sendes ikke"), "\(lars)")

            try await connected.expect(["pause"])
            let paused = try await connected.expect(["why", "timeEntry", "\(unapproved)"])
            #expect(paused.contains("  - Integrationen er sat på pause: intet sendes, før den genoptages; kør `econsync resume`"), "\(paused)")
            let json = try await Self.sameJSON(connected, ["why", "timeEntry", "\(unapproved)"])
            #expect(json.contains("the integration is paused: nothing is sent until `econsync resume`") && !json.contains("sat på pause"), "\(json)")
            try await connected.expect(["resume"])

            try await connected.expect(["local", "hours", "approve", "\(unapproved)", "--by", "formand"])
            let next = try await connected.expect(["why", "timeEntry", "\(unapproved)", "--lang", "da"])
            #expect(next.contains("  - Intet stopper den: næste kørsel af Projektregistreringer sender den; `econsync sync projectEntries` kører den nu"),
                    "\(next)")
            let english = try await connected.expect(["why", "timeEntry", "\(unapproved)", "--lang", "en"])
            #expect(english.hasPrefix("timeEntry \(unapproved)") && english.contains("nothing stops it: the next projectEntries run sends it"), "\(english)")
            try await Self.sameJSON(connected, ["why", "timeEntry", "\(blocked)"])
        }
    }

    @Test("conflicts in Danish: the columns, the module and record in the office's words, the winner as the office names it and the rule as which system is master; English as the journal keeps them; --json the same")
    func conflicts() async throws {
        try await ConnectedCLI.with { connected in
            try await ServePagesTests.conflicts(connected)
            let json = try await Self.sameJSON(connected, ["conflicts"])
            guard case .array(let entries)? = try CanonicalJSON.parse(json)["conflicts"] else { Issue.record("\(json)"); return }
            let product = try #require(entries.first { $0["module"] == .string("products") }, "\(json)")
            let winner = try #require(product["winner"]?.stringValue)
            let rule = try #require(product["rule"]?.stringValue)
            #expect(rule == "default master of the products module: \(winner)", "\(json)")

            connected.cli.environment["LANG"] = "da_DK.UTF-8"
            let danish = try await connected.expect(["conflicts", "--wide"])
            #expect(danish.hasPrefix("AFGJORT") && danish.contains("VINDER") && danish.contains("REGEL") && danish.contains("GRUNDLAG"), "\(danish)")
            let line = try #require(danish.split(separator: "\n").first { $0.contains("Vare 10003") }, "\(danish)")
            let master = winner == "mobilplan" ? "Mobilplan" : "e-conomic"
            #expect(line.hasPrefix("2026-11-02 08:00 UTC  Varer") && line.contains("  \(master)  \(master) er master for Varer (standard)"), "\(line)")
            #expect(danish.contains("Kunde 1001") && danish.contains("er master for Kunder (standard)"), "\(danish)")
            #expect(!danish.contains("default master"), "\(danish)")
            let none = try await connected.expect(["conflicts", "--since", "2026-11-03"])
            #expect(none == "ingen konflikter siden 2026-11-03\n", "\(none)")

            let english = try await connected.expect(["conflicts", "--wide", "--lang", "en"])
            #expect(english.hasPrefix("DECIDED") && english.contains("product 10003") && english.contains(rule), "\(english)")
        }
    }

    @Test("a refused field in Danish names the record and the rule (kunde, felt cvr: … er ikke et CVR-nummer), an import's line too; English with --lang en; --json the same in both")
    func refusedFields() async throws {
        let cli = try CLI()
        #expect(try cli.run(["init"]).status == 0)
        cli.environment["LANG"] = "da_DK.UTF-8"
        let cases: [([String], String, String)] = [
            (["--name", ""], "fejl: kunde, felt name: må ikke være tom\n", "error: customer, field name: must not be empty\n"),
            (["--name", "A", "--cvr", "123"], "fejl: kunde, felt cvr: \"123\" er ikke et CVR-nummer: et CVR-nummer har præcis 8 cifre\n",
             "error: customer, field cvr: \"123\" is not a CVR number: a CVR number has exactly 8 digits\n"),
            (["--name", "A", "--email", "nope"], "fejl: kunde, felt email: \"nope\" er ikke en e-mailadresse\n",
             "error: customer, field email: \"nope\" is not an e-mail address\n"),
        ].map { (["local", "customer", "add"] + $0.0, $0.1, $0.2) } + [
            (["local", "employee", "add", "--name", "Lars", "--number", "0"],
             "fejl: medarbejder, felt number: 0 er uden for området: e-conomics medarbejdernumre går fra 1 til 999999\n",
             "error: employee, field number: 0 is out of range: e-conomic employee numbers run from 1 to 999999\n"),
        ]
        for (arguments, danish, english) in cases {
            let da = try cli.run(arguments)
            #expect(da.status == 1 && da.stderr == danish, "\(arguments): \(da.stderr)")
            let en = try cli.run(arguments + ["--lang", "en"])
            #expect(en.status == 1 && en.stderr == english, "\(arguments): \(en.stderr)")
            let json = try cli.run(arguments + ["--json"])
            let jsonEnglish = try cli.run(arguments + ["--json", "--lang", "en"])
            #expect(json.status == 1 && json.stdout == jsonEnglish.stdout && json.stdout.contains("\"code\" : \"replica.invalid-field\"")
                    && !json.stdout.contains("felt"), "\(json.stdout)")
        }
        let file = cli.outside.appendingPathComponent("kunder.ndjson")
        try Data(#"{"kind":"customer","data":{"name":"B","cvr":"13748137"}}"#.utf8 + [0x0A]).write(to: file)
        let imported = try cli.run(["local", "import", file.path])
        #expect(imported.status == 1 && imported.stderr.hasSuffix(
            "kunder.ndjson:1: kunde, felt cvr: \"13748137\" er ikke et gyldigt CVR-nummer (modulus 11-kontrollen fejlede)\n"), "\(imported.stderr)")
        let listed = try cli.run(["local", "customer", "list", "--json"])
        #expect(listed.status == 0 && !listed.stdout.contains("13748137"), "nothing imported: \(listed.stdout)")
    }
}
