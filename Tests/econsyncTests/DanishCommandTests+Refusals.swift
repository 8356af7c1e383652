import Foundation
import Testing

/// Refused command lines in Danish: the argument checks and the failures
/// econsync words itself say what is wrong in Danish after `fejl: `, with
/// option names, files and formats (ÅÅÅÅ-MM-DD) as the help writes them;
/// the same exit status as in English, and `--json` byte for byte the same
/// (its message English) in both languages.
extension DanishCommandTests {
    /// A refused command line, its Danish message and its English one.
    struct Refusal {
        var arguments: [String]
        var danish: String
        var english: String
        /// Whether the command takes `--json` (`snapshot demo` does not: the parser refuses it, the same in both languages).
        var json = true
    }

    /// Refusals across the commands; `home` and `outside` stand for the CLI's data directory and a folder outside it.
    static func refusals(home: String, outside: String) -> [Refusal] {
        [
            Refusal(arguments: ["sync", "customers", "--project", "3"],
                    danish: "--project kører de moduler, projektet har brug for; nævn ingen moduler sammen med det",
                    english: "--project runs the modules the project needs; name no modules with it"),
            Refusal(arguments: ["reconcile", "--dry-run", "--resume"],
                    danish: "--dry-run, --plan-out, --apply og --resume kan ikke kombineres",
                    english: "--dry-run, --plan-out, --apply and --resume cannot be combined"),
            Refusal(arguments: ["reconcile", "--force", "--dry-run"],
                    danish: "--force kan ikke bruges med --dry-run, som intet skriver og ingen hviletid har",
                    english: "--force does not go with --dry-run, which writes nothing and has no cooldown"),
            Refusal(arguments: ["reconcile", "--apply", "\(outside)/missing.json"],
                    danish: "\(outside)/missing.json: kan ikke læses", english: "\(outside)/missing.json: cannot be read"),
            Refusal(arguments: ["log", "--since", "i-går"],
                    danish: "i-går er hverken en dag (ÅÅÅÅ-MM-DD) eller et UTC-tidspunkt (2026-11-02T08:00:00Z)",
                    english: "i-går is neither a day (YYYY-MM-DD) nor a UTC time (2026-11-02T08:00:00Z)"),
            Refusal(arguments: ["pending", "--limit", "0"], danish: "--limit skal være 1 eller mere", english: "--limit must be 1 or more"),
            Refusal(arguments: ["emulator", "--customers", "5", "--empty"],
                    danish: "--customers bygger aftalen og kan ikke gives sammen med --empty eller --seed-snapshot",
                    english: "--customers builds the agreement; it cannot go with --empty or --seed-snapshot"),
            Refusal(arguments: ["conflicts", "--since", "snart"],
                    danish: "--since snart er hverken en dato (2026-11-02) eller et UTC-tidspunkt (2026-11-02T08:00:00Z)",
                    english: "--since snart is not a date (2026-11-02) or a UTC time (2026-11-02T08:00:00Z)"),
            Refusal(arguments: ["order", "export", "--project", "1", "--from", "2026-13-01"],
                    danish: "2026-13-01 er ikke en dato (ÅÅÅÅ-MM-DD)", english: "2026-13-01 is not a date (YYYY-MM-DD)"),
            Refusal(arguments: ["order", "release", "0"],
                    danish: "0 er ikke et ordrenummer: e-conomic nummererer ordrer fra 1",
                    english: "0 is not an order number: e-conomic numbers orders from 1"),
            Refusal(arguments: ["local", "hours", "list", "--from", "2026-02-30"],
                    danish: "--from 2026-02-30 er ikke en dato: skriv den som ÅÅÅÅ-MM-DD",
                    english: "--from 2026-02-30 is not a date: write it as YYYY-MM-DD"),
            Refusal(arguments: ["local", "changes", "--since", "-1"], danish: "--since skal være 0 eller mere", english: "--since must be 0 or more"),
            Refusal(arguments: ["snapshot", "show", "@latest", "--key", "3"], danish: "--key kræver --kind", english: "--key needs --kind"),
            Refusal(arguments: ["snapshot", "show", "@seneste"],
                    danish: "@seneste er ikke navnet på et øjebliksbillede: brug @latest, @base eller en fil",
                    english: "@seneste names no snapshot: use @latest, @base or a file"),
            Refusal(arguments: ["snapshot", "prune", "--keep", "-1"], danish: "--keep skal være 0 eller mere", english: "--keep must be 0 or more"),
            Refusal(arguments: ["snapshot", "pack", "\(outside)/records.ndjson", "--out", "\(outside)/packed.ndjson.gz"],
                    danish: "giv --header-from SNAPSHOT eller --agreement N", english: "give --header-from SNAPSHOT or --agreement N"),
            Refusal(arguments: ["snapshot", "demo", "--out", "\(home)/demo.ndjson.gz"],
                    danish: "\(home)/demo.ndjson.gz: ligger i datamappen \(home), hvor econsync har sine egne filer; skriv den et andet sted",
                    english: "\(home)/demo.ndjson.gz: is inside the data directory \(home), where econsync keeps its own files; write it somewhere else", json: false),
            Refusal(arguments: ["snapshot", "demo", "--out", "\(outside)/exists.ndjson.gz"],
                    danish: "\(outside)/exists.ndjson.gz: findes allerede; giv --force for at erstatte den",
                    english: "\(outside)/exists.ndjson.gz: exists already; give --force to replace it", json: false),
            Refusal(arguments: ["snapshot", "demo", "--out", "\(outside)/nowhere/demo.ndjson.gz"],
                    danish: "\(outside)/nowhere/demo.ndjson.gz: mappen \(outside)/nowhere findes ikke",
                    english: "\(outside)/nowhere/demo.ndjson.gz: the directory \(outside)/nowhere does not exist", json: false),
            Refusal(arguments: ["serve", "--host", "10.0.0.7"],
                    danish: "--host 10.0.0.7 er ikke en loopback-adresse: at betjene andre maskiner kræver login, "
                        + "så giv --password-file STI (en fil med adgangskoden, som kun ejeren må læse)",
                    english: "--host 10.0.0.7 is not a loopback address: serving other machines needs a login, "
                        + "so give --password-file PATH (a file only its owner may read, holding the password)"),
            Refusal(arguments: ["serve", "--port", "70000"], danish: "--port 70000 er ikke en port (0…65535)", english: "--port 70000 is not a port (0…65535)"),
            Refusal(arguments: ["--department", "0", "status"],
                    danish: "--department skal være et afdelingsnummer (1 eller mere)", english: "--department must be a department number (1 or more)"),
        ]
    }

    @Test("refused command lines in Danish under --lang da (sync, reconcile, log, pending, conflicts, order, local, snapshot, serve, output files): `fejl: ` and the Danish words, the same exit status as under --lang en, whose words are as before; --json the same bytes in both, in English")
    func refusals() throws {
        let cli = try CLI()
        try Data("eksisterer".utf8).write(to: cli.outside.appendingPathComponent("exists.ndjson.gz"))
        try Data("{}\n".utf8).write(to: cli.outside.appendingPathComponent("records.ndjson"))
        for refusal in Self.refusals(home: cli.home.path, outside: cli.outside.path) {
            let danish = try cli.run(refusal.arguments + ["--lang", "da"])
            let english = try cli.run(refusal.arguments + ["--lang", "en"])
            let danishLine = danish.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let englishLine = english.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            #expect(danishLine == "fejl: " + refusal.danish, "\(refusal.arguments): \(danish.stderr)")
            #expect(englishLine == "error: " + refusal.english, "\(refusal.arguments): \(english.stderr)")
            #expect(danish.status == english.status && danish.status != 0 && danish.stdout.isEmpty, "\(refusal.arguments): \(danish.status) / \(english.status)")

            let jsonDanish = try cli.run(refusal.arguments + ["--json", "--lang", "da"])
            let jsonEnglish = try cli.run(refusal.arguments + ["--json", "--lang", "en"])
            #expect(jsonDanish.status == jsonEnglish.status && (!refusal.json || jsonDanish.status == english.status), "\(refusal.arguments)")
            #expect(jsonDanish.stdout == jsonEnglish.stdout, "\(refusal.arguments): \(jsonDanish.stdout) / \(jsonEnglish.stdout)")
            let message = try JSONSerialization.jsonObject(with: Data(jsonDanish.stdout.utf8)) as? [String: Any]
            let expected = refusal.json ? refusal.english : "Unknown option '--json'"
            #expect((message?["error"] as? [String: Any])?["message"] as? String == expected, "\(refusal.arguments): \(jsonDanish.stdout)")
        }
    }

    @Test("failures in Danish from the environment and the files: ECONSYNC_NOW, ECONSYNC_IDLE_TIMEOUT, a snapshot file that is not UTF-8 or not a record; snapshot demo's 'skrev …: N poster'; English and --json as before")
    func failures() throws {
        let cli = try CLI()
        let record = cli.outside.appendingPathComponent("record.ndjson")
        try Data("{\"kind\": \"customer\", \"key\": 1, \"data\": {}}\n".utf8).write(to: record)
        let packed = ["snapshot", "pack", record.path, "--agreement", "1", "--out", cli.outside.appendingPathComponent("a.ndjson.gz").path]
        cli.environment["ECONSYNC_NOW"] = "i morgen"
        let now = try cli.run(packed + ["--lang", "da"])
        #expect(now.status == 1 && now.stderr.hasSuffix("fejl: ECONSYNC_NOW=i morgen er ikke et UTC-tidspunkt som 2026-11-02T08:00:00Z\n"), "\(now.stderr)")
        let nowEnglish = try cli.run(packed + ["--lang", "en"])
        #expect(nowEnglish.status == 1 && nowEnglish.stderr.hasSuffix("error: ECONSYNC_NOW=i morgen is not a UTC time such as 2026-11-02T08:00:00Z\n"), "\(nowEnglish.stderr)")
        let nowJSON = try cli.run(["snapshot", "take", "--lang", "da", "--json"])
        #expect(nowJSON.status == 1 && nowJSON.stdout.contains("\"ECONSYNC_NOW=i morgen is not a UTC time such as 2026-11-02T08:00:00Z\""), "\(nowJSON.stdout)")
        cli.environment["ECONSYNC_NOW"] = "2026-11-02T08:00:00Z"

        let text = cli.outside.appendingPathComponent("records.ndjson")
        try Data("{\"kind\": \"customer\"}\n".utf8).write(to: text)
        let out = cli.outside.appendingPathComponent("packed.ndjson.gz").path
        let notRecord = try cli.run(["snapshot", "pack", text.path, "--agreement", "1", "--out", out, "--lang", "da"])
        #expect(notRecord.status == 1 && notRecord.stderr.contains("fejl: \(text.path):1: forventede {\"kind\": TEKST, \"key\": TAL eller TEKST, \"data\": {…}}"),
                "\(notRecord.stderr)")
        let english = try cli.run(["snapshot", "pack", text.path, "--agreement", "1", "--out", out, "--lang", "en"])
        #expect(english.status == 1 && english.stderr.contains("error: \(text.path):1: expected {\"kind\": TEXT, \"key\": NUMBER or TEXT, \"data\": {…}}"),
                "\(english.stderr)")
        try Data([0xff, 0xfe, 0x00]).write(to: text)
        let notText = try cli.run(["snapshot", "pack", text.path, "--agreement", "1", "--out", out, "--lang", "da"])
        #expect(notText.status == 1 && notText.stderr.hasSuffix("fejl: \(text.path): kan ikke læses som UTF-8-tekst\n"), "\(notText.stderr)")

        let demo = cli.outside.appendingPathComponent("demo.ndjson.gz").path
        let wrote = try cli.run(["snapshot", "demo", "--out", demo, "--lang", "da"])
        #expect(wrote.status == 0 && wrote.stdout.hasPrefix("skrev \(demo): ") && wrote.stdout.contains(" poster, sha256 "), "\(wrote.stdout)")
        let wroteEnglish = try cli.run(["snapshot", "demo", "--out", demo, "--force", "--lang", "en"])
        #expect(wroteEnglish.stdout.hasPrefix("wrote \(demo): ") && wroteEnglish.stdout.contains(" records, sha256 "), "\(wroteEnglish.stdout)")

        #expect(try cli.run(["init"]).status == 0)
        cli.environment["ECONSYNC_IDLE_TIMEOUT"] = "0"
        let idle = try cli.run(["sync", "customers", "--lang", "da"])
        #expect(idle.status == 1 && idle.stderr.contains("ECONSYNC_IDLE_TIMEOUT=0 er ikke et helt antal sekunder fra 1 til 3600"), "\(idle.stdout)\(idle.stderr)")
    }
}
