import Foundation
import Replica
import Testing
@testable import econsync

/// `econsync local …` in Danish: the tables' columns and cells, the
/// confirmations ("kunde 1 oprettet"), `local check` and its findings, `local changes`;
/// English as the golden files keep it, `--json` the same in both.
extension DanishCommandTests {
    /// Runs `arguments` in `cli`; returns standard output and error.
    static func said(_ cli: CLI, _ arguments: [String]) throws -> (out: String, err: String) {
        let result = try cli.run(arguments)
        return (result.stdout, result.stderr)
    }

    @Test("local in Danish under LANG=da_DK.UTF-8: confirmations with the catalogue's kinds, the columns and cells of every list, approvals, changes, unsynced and check; --lang en as before")
    func local() throws {
        let cli = try CLI()
        cli.environment["LANG"] = "da_DK.UTF-8"
        var outputs: [String] = []
        for arguments in LocalGoldenTests.setup { outputs.append(try cli.run(arguments).stdout) }
        #expect(outputs[1] == "kunde 1 oprettet: Hansen VVS ApS\n" && outputs[2] == "kontaktperson 1 oprettet: Jens Hansen\n", "\(outputs)")
        #expect(outputs[3] == "vare 1 oprettet: P-100 Kobberrør 15 mm\n" && outputs[6] == "timetype 1 oprettet: Montage\n", "\(outputs)")

        let twin = try Self.said(cli, ["local", "customer", "add", "--name", "Hansen VVS Holding", "--cvr", "13748136"])
        #expect(twin.out == "kunde 2 oprettet: Hansen VVS Holding\n", "\(twin)")
        #expect(twin.err.contains("kunde 1 (Hansen VVS ApS) har samme CVR-nummer: en synkronisering hverken kobler eller opretter nogen af dem"), "\(twin.err)")
        #expect(try Self.said(cli, ["local", "customer", "edit", "2", "--city", "Vejle"]).out == "kunde 2 opdateret: Hansen VVS Holding\n")
        let customers = try Self.said(cli, ["local", "customer", "list"]).out
        #expect(customers.hasPrefix("ID  E-CONOMIC  NAVN") && customers.contains("CVR") && customers.contains("BY") && customers.contains("GRUPPE")
                && customers.contains("TILSTAND") && customers.contains("  ny\n") && !customers.contains("new"), "\(customers)")
        let projects = try Self.said(cli, ["local", "project", "list", "--wide"]).out
        #expect(projects.contains("NUMMER") && projects.contains("KUNDE") && projects.contains("HOVEDPROJEKT") && projects.contains("  åben  "), "\(projects)")
        let hourTypes = try Self.said(cli, ["local", "hour-type", "list"]).out
        #expect(hourTypes.contains("AKTIVITET") && hourTypes.contains("VARE") && hourTypes.contains("(ikke tilknyttet)"), "\(hourTypes)")
        let employees = try Self.said(cli, ["local", "employee", "list"]).out
        #expect(employees.contains("KOST/T") && employees.contains("SALG/T") && employees.contains("E-MAIL"), "\(employees)")
        #expect(try Self.said(cli, ["local", "product", "list"]).out.contains("SALGSPRIS"))

        let recorded = try Self.said(cli, ["local", "hours", "record", "--employee", "1", "--project", "2", "--type", "1", "--date", "2026-11-02", "--hours", "7.5"])
        #expect(recorded.out == "timeregistrering 1 oprettet: 7.5 t den 2026-11-02\n", "\(recorded)")
        #expect(try Self.said(cli, ["local", "hours", "approve", "1", "--by", "Formand Jens"]).out
                == "timeregistrering 1 godkendt: 7.5 t den 2026-11-02 (af Formand Jens)\n")
        #expect(try Self.said(cli, ["local", "hours", "approve", "1"]).out
                == "timeregistrering 1 allerede godkendt: 7.5 t den 2026-11-02 (af Formand Jens den 2026-11-02T08:00:00Z)\n")
        let hours = try Self.said(cli, ["local", "hours", "list", "--wide"]).out
        #expect(hours.hasPrefix("ID  DATO") && hours.contains("MEDARBEJDER") && hours.contains("TIMETYPE") && hours.contains("TIMER")
                && hours.contains("  godkendt"), "\(hours)")
        #expect(try Self.said(cli, ["local", "materials", "record", "--product", "n:P-100", "--project", "2", "--quantity", "12", "--date", "2026-11-02"]).out
                == "materiale 1 oprettet: 12 den 2026-11-02\n")
        let materials = try Self.said(cli, ["local", "materials", "list"]).out
        #expect(materials.contains("ANTAL") && materials.contains("ENHED") && materials.contains("  åben"), "\(materials)")
        #expect(try Self.said(cli, ["local", "hours", "unapprove", "1"]).out == "timeregistrering 1 ikke længere godkendt: 7.5 t den 2026-11-02\n")
        #expect(try Self.said(cli, ["local", "contact", "delete", "1"]).out == "kontaktperson 1 slettet\n")

        let changes = try Self.said(cli, ["local", "changes", "--since", "0", "--limit", "2"]).out
        #expect(changes.hasPrefix("NR  ART") && changes.contains("  RÆKKE  HANDLING  TID\n") && changes.contains("  oprettet  "), "\(changes)")
        let unsynced = try Self.said(cli, ["local", "unsynced", "--kind", "customer"]).out
        #expect(unsynced.hasPrefix("ART    IKKE SYNKRONISERET  ID'ER\nKunde"), "\(unsynced)")
        #expect(try Self.said(cli, ["local", "check"]).out == "replikaen er konsistent\n")

        let english = try Self.said(cli, ["local", "hours", "list", "--lang", "en"]).out
        #expect(english.hasPrefix("ID  DATE") && english.contains("HOUR TYPE") && english.contains("open"), "\(english)")
        #expect(try Self.said(cli, ["local", "check", "--lang", "en"]).out == "replica is consistent\n")
    }

    @Test("local --json is the same under --lang da and --lang en: every add, edit, approve, list, changes, unsynced and check, byte for byte")
    func localJSON() throws {
        let danish = try CLI(), english = try CLI()
        let steps = LocalGoldenTests.setup.dropFirst().map { $0 + ["--json"] } + [
            ["local", "customer", "edit", "1", "--city", "Aarhus N", "--json"],
            ["local", "hours", "record", "--employee", "1", "--project", "2", "--type", "1", "--date", "2026-11-02", "--hours", "7.5", "--json"],
            ["local", "hours", "approve", "1", "--by", "Formand Jens", "--json"],
            ["local", "hours", "unapprove", "1", "--json"],
            ["local", "materials", "record", "--product", "n:P-100", "--project", "2", "--quantity", "12", "--json"],
        ] + ["customer", "contact", "product", "employee", "hour-type", "project", "hours", "materials", "supplier", "unit"].map { ["local", $0, "list", "--json"] } + [
            ["local", "changes", "--json"], ["local", "unsynced", "--json"], ["local", "check", "--json"],
        ]
        try danish.run(["init"])
        try english.run(["init"])
        for arguments in steps {
            let da = try danish.run(arguments + ["--lang", "da"]), en = try english.run(arguments + ["--lang", "en"])
            #expect(da.status == 0 && da.status == en.status && da.stdout == en.stdout && da.stdout.hasPrefix("{"),
                    "\(arguments): \(da.stdout)\(da.stderr) / \(en.stdout)\(en.stderr)")
        }
    }

    @Test("local check on a replica whose change log was emptied outside econsync: the finding in Danish, in English with --lang en, exit 1 both; --json the same in both")
    func checkBroken() throws {
        let cli = try CLI()
        for step in LocalGoldenTests.setup.prefix(2) { try #require(try cli.run(step).status == 0, "\(step)") }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute('DELETE FROM change_log'); db.commit()",
                            cli.home.appendingPathComponent("replica.sqlite").path]
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0)
        let danish = try cli.run(["local", "check", "--lang", "da"])
        #expect(danish.status == 1 && danish.stdout.contains("kunde: rækker uden en logget oprettelse: [1]\n") && !danish.stdout.contains("without"),
                "\(danish.stdout)\(danish.stderr)")
        let english = try cli.run(["local", "check", "--lang", "en"])
        #expect(english.status == 1 && english.stdout.contains("customer rows without a logged insert: [1]\n"), "\(english.stdout)")
        let json = (try cli.run(["local", "check", "--json", "--lang", "da"]), try cli.run(["local", "check", "--json", "--lang", "en"]))
        #expect(json.0.status == 1 && json.0.stdout == json.1.stdout && json.0.stdout.contains("customer rows without a logged insert: [1]"), "\(json.0.stdout)")
    }

    @Test("local check's findings in Danish, the catalogue's words for each (SQLite's own words kept); in English as before, one a line")
    func checkFindings() {
        let problems: [ConsistencyProblem] = [
            .integrity("row 3 missing from index x"), .foreignKey(table: "time_entries", row: 4, parent: "employees"),
            .unlogged(.customer, rows: [1]), .missing(.timeEntry, rows: [999, 1000]),
        ]
        #expect(Check.report(problems, in: .da) == """
            integritet: row 3 missing from index x
            fremmednøgle: time_entries række 4 henviser til en employees-række, der mangler
            kunde: rækker uden en logget oprettelse: [1]
            timeregistrering: ændringer logget for rækker, der mangler: [999, 1000]
            """)
        #expect(Check.report(problems, in: .en) == """
            integrity: row 3 missing from index x
            foreign key: time_entries row 4 refers to a missing employees row
            customer rows without a logged insert: [1]
            timeEntry changes logged for missing rows: [999, 1000]
            """)
        #expect(Check.report([], in: .da) == "replikaen er konsistent" && Check.report([], in: .en) == "replica is consistent")
    }
}
