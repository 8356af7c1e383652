import Foundation
import Snapshot
import Testing

/// A refused setting in Danish: `config set`, `config import` and a settings
/// file word what is wrong with the catalogue's words, not the library's
/// English; `--json` keeps the English message, the same in both languages.
extension DanishCommandTests {
    @Test("a refused setting in Danish under LANG=da_DK.UTF-8: a value, an unknown name, a template, a number out of range, e-mail addresses and a bad settings file, each in Danish and changing nothing; English with --lang en; --json the same in both")
    func refusedSetting() throws {
        let cli = try CLI()
        try #require(try cli.run(["init"]).status == 0)
        cli.environment["LANG"] = "da_DK.UTF-8"
        let danish = cli
        let refusals: [(arguments: [String], danish: String, english: String)] = [
            (["config", "set", "orders.grouping", "weekly"],
             "fejl: orders.grouping skal være en af none, type, type-employee, date, product (angivet: \"weekly\")",
             "error: orders.grouping must be one of none, type, type-employee, date, product (got \"weekly\")"),
            (["config", "set", "orders.groupin", "type"],
             "fejl: ukendt indstilling \"orders.groupin\" (mente du \"orders.grouping\"?)",
             "error: unknown setting \"orders.groupin\" (did you mean \"orders.grouping\"?)"),
            (["config", "set", "orders.hoursText", "$nvan $regnavn"],
             "fejl: orders.hoursText ukendt variabel $nvan i \"$nvan $regnavn\" (angivet: \"$nvan $regnavn\")",
             "error: orders.hoursText unknown variable $nvan in \"$nvan $regnavn\" (got \"$nvan $regnavn\")"),
            (["config", "set", "orders.materialsText", "Pris $"],
             "fejl: orders.materialsText enligt $ i slutningen af \"Pris $\"", "error: orders.materialsText lone $ at the end of \"Pris $\""),
            (["config", "set", "schedule.interval", "5"], "fejl: schedule.interval skal være et helt tal fra 15 til 1440 (angivet: \"5\")",
             "error: schedule.interval must be a whole number from 15 to 1440 (got \"5\")"),
            (["config", "set", "smtp.to", "kontor@firma.dk,formand"], "fejl: smtp.to skal være e-mailadresser adskilt af kommaer",
             "error: smtp.to must be e-mail addresses separated by commas"),
            (["config", "set", "customers.master", "both"], "fejl: customers.master skal være mobilplan eller economic",
             "error: customers.master must be mobilplan or economic"),
            (["config", "set", "activatedAt", "i går"], "fejl: activatedAt skal være et UTC-tidspunkt som 2026-11-02T08:00:00Z",
             "error: activatedAt must be a UTC time like 2026-11-02T08:00:00Z"),
        ]
        for refusal in refusals {
            let inDanish = try danish.run(refusal.arguments)
            #expect(inDanish.status == 2 && inDanish.stderr.hasPrefix(refusal.danish), "\(refusal.arguments): \(inDanish.stderr)")
            let inEnglish = try danish.run(refusal.arguments + ["--lang", "en"])
            #expect(inEnglish.status == 2 && inEnglish.stderr.hasPrefix(refusal.english), "\(refusal.arguments): \(inEnglish.stderr)")
            let json = try danish.run(refusal.arguments + ["--json"])
            let english = try danish.run(refusal.arguments + ["--json", "--lang", "en"])
            #expect(json.status == 2 && json.stdout == english.stdout, "\(refusal.arguments): \(json.stdout) / \(english.stdout)")
            #expect(json.stdout.contains(#""message" : "\#(refusal.english.dropFirst("error: ".count).replacingOccurrences(of: "\"", with: "\\\""))"#),
                    "--json keeps the English message: \(json.stdout)")
        }
        let unknown = try danish.run(["config", "set", "orders.groupin", "type"])
        #expect(unknown.stderr.contains("(mente du \"orders.grouping\"?); `econsync config show` viser alle indstillinger"), "the remedy in Danish: \(unknown.stderr)")

        let file = cli.outside.appendingPathComponent("kontor.json")
        try Data(#"{"orders.grouping":"weekly","schedule.interval":"30"}"#.utf8).write(to: file)
        let value = try danish.run(["config", "import", file.path])
        #expect(value.status == 1 && value.stderr.hasPrefix("fejl: \(file.path): orders.grouping skal være en af none, type"), "\(value.stderr)")
        try Data("[1, 2]".utf8).write(to: file)
        let shape = try danish.run(["config", "import", file.path])
        #expect(shape.status == 1 && shape.stderr.hasPrefix("fejl: \(file.path): ikke et JSON-objekt med indstillinger"), "\(shape.stderr)")
        try Data(#"{"orders.grouping":["type"]}"#.utf8).write(to: file)
        let list = try danish.run(["config", "import", file.path])
        #expect(list.status == 1 && list.stderr.hasPrefix("fejl: \(file.path): orders.grouping skal være en tekst, et tal eller true/false"), "\(list.stderr)")
        #expect(try cli.run(["config", "export"]).stdout == "{}\n", "nothing refused was set")
    }
}
