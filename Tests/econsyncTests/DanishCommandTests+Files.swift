import Foundation
import TestSupport
import Testing
@testable import econsync

/// What econsync refuses about files and references, in Danish: an import file
/// that cannot be read or whose line is not a record, a snapshot file that is
/// not there, a name that fits several records, a trial run whose modules are
/// all switched off; English with `--lang en`, `--json` the same in both.
extension DanishCommandTests {
    @Test("files, import lines and references refused in Danish (kan ikke læses: filen findes ikke, er ikke et JSON-objekt, passer på 2 poster); English with --lang en; --json the same in both; nothing imported")
    func refusedFiles() throws {
        let cli = try CLI()
        #expect(try cli.run(["init"]).status == 0)
        cli.environment["LANG"] = "da_DK.UTF-8"
        let missing = cli.outside.appendingPathComponent("mangler.ndjson").path
        let lines = cli.outside.appendingPathComponent("linjer.ndjson")
        try Data("{\"kind\":\"customer\",\"data\":{\"name\":\"A\"}}\nikke json\n".utf8).write(to: lines)
        let kinds = cli.outside.appendingPathComponent("arter.ndjson")
        try Data(#"{"kind":"kunde","data":{"name":"A"}}"#.utf8).write(to: kinds)
        let alias = cli.outside.appendingPathComponent("alias.ndjson")
        try Data(#"{"kind":"project","data":{"name":"P","customer":"@ingen"}}"#.utf8).write(to: alias)
        let snapshot = cli.outside.appendingPathComponent("væk.ndjson.gz").path
        let cases: [([String], String, String)] = [
            (["local", "import", missing], "fejl: \(missing): kan ikke læses: filen findes ikke\n", "error: \(missing): cannot be read: no such file\n"),
            (["local", "import", lines.path], "fejl: \(lines.path):2: er ikke et JSON-objekt; hver linje skal være {\"kind\": …, \"data\": {…}}\n",
             "error: \(lines.path):2: is not a JSON object; each line must be {\"kind\": …, \"data\": {…}}\n"),
            (["local", "import", kinds.path], "fejl: \(kinds.path):1: ukendt kind \"kunde\"; brug en af ",
             "error: \(kinds.path):1: unknown kind \"kunde\"; use one of "),
            (["local", "import", alias.path], "fejl: \(alias.path):1: projekt, felt customer: ingen tidligere linje hedder @ingen\n",
             "error: \(alias.path):1: project, field customer: no earlier line is named @ingen\n"),
            (["snapshot", "verify", snapshot], "fejl: \(snapshot): kan ikke læses: filen findes ikke\n", "error: \(snapshot): unreadable: cannot open the file for reading: "),
        ]
        for (arguments, danish, english) in cases {
            let da = try cli.run(arguments)
            #expect(da.status != 0 && da.stderr.hasPrefix(danish), "\(arguments): \(da.stderr)")
            let en = try cli.run(arguments + ["--lang", "en"])
            #expect(en.status == da.status && en.stderr.hasPrefix(english), "\(arguments): \(en.stderr)")
            let json = try cli.run(arguments + ["--json"])
            let jsonEnglish = try cli.run(arguments + ["--json", "--lang", "en"])
            #expect(json.status == da.status && json.stdout == jsonEnglish.stdout
                    && json.stdout.contains("\"code\" : ") && !json.stdout.contains("kan ikke"), "\(json.stdout)")
        }
        let listed = try cli.run(["local", "customer", "list", "--json"])
        #expect(listed.status == 0 && !listed.stdout.contains("\"name\""), "nothing imported: \(listed.stdout)")

        for _ in 0..<2 { #expect(try cli.run(["local", "customer", "add", "--name", "Jensen"]).status == 0) }
        let twice = try cli.run(["local", "customer", "edit", "jensen", "--city", "Vejle"])
        #expect(twice.status == 2 && twice.stderr == "fejl: kunde: \"jensen\" passer på 2 poster: 1 (Jensen), 2 (Jensen); angiv én med dens lokale id\n",
                "\(twice.stderr)")
        let product = ["local", "product", "add", "--number", "P-1", "--name", "Rør", "--sales-price", "1"]
        #expect(try cli.run(product).status == 0)
        let taken = try cli.run(product)
        #expect(taken.status == 1 && taken.stderr == "fejl: vare, felt number: vare 1 har allerede number P-1\n", "\(taken.stderr)")
        #expect(try cli.run(product + ["--lang", "en"]).stderr == "error: product, field number: product 1 already has number P-1\n")
        let help = try cli.run(["local", "--help"])
        #expect(help.stdout.contains("BRUG:  econsync local <underkommando>\n"), "\(help.stdout)")
    }

    @Test("a trial run whose modules are all switched off is refused in Danish, naming the project (alle moduler, som projekt … behøver, er slået fra)")
    func trialAllDisabled() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.importLines([#"{"kind":"project","data":{"name":"Slukket","customer":"e:1001"}}"#])
            for key in ["projects.enabled", "customers.enabled"] { try await connected.expect(["config", "set", key, "false"]) }
            let danish = try await connected.run(["sync", "--project", "Slukket", "--lang", "da"])
            #expect(danish.status != 0 && danish.stderr.contains("alle moduler, som projekt local:") && danish.stderr.contains(" (Slukket) behøver, er slået fra (customers, projects)"),
                    "\(danish.stderr)")
            let english = try await connected.run(["sync", "--project", "Slukket", "--lang", "en"])
            #expect(english.status == danish.status && english.stderr.contains("every module project local:")
                    && english.stderr.contains(" (Slukket) needs is disabled (customers, projects)"), "\(english.stderr)")
        }
    }
}
