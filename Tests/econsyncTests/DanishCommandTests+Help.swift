import ArgumentParser
import Foundation
import Synchronization
import Testing
@testable import econsync

/// `--help` in Danish: every command's abstract, discussion and options'
/// help under `--lang da` or a Danish locale, the argument parser's own
/// words too; the command lines of the examples as in English.
extension DanishCommandTests {
    /// Every command a user sees, groups included, with its words (`econsync local customer`).
    static func commands(_ command: any ParsableCommand.Type = Econsync.self, path: [String] = []) -> [([String], any ParsableCommand.Type)] {
        let words = path + [command._commandName]
        let shown = command.configuration.subcommands.filter { $0.configuration.shouldDisplay }
        return [(words, command)] + shown.flatMap { commands($0, path: words) }
    }

    /// `text` with its line breaks and indentation as single spaces, as a help's wrapped paragraph reads.
    static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("every command's --help under --lang da differs from the English one, without its English abstract; the examples' command lines are the same")
    func everyHelpInDanish() throws {
        let cli = try CLI()
        let commands = Self.commands()
        #expect(commands.count > 80, "\(commands.count) commands")
        // English from this process (the tests run in English), Danish from econsync, two at a time.
        let helps = Mutex([String: CLI.Result]())
        DispatchQueue.concurrentPerform(iterations: commands.count) { index in
            let words = commands[index].0
            let result = Swift.Result { try cli.run(Array(words.dropFirst()) + ["--help", "--lang", "da"]) }
            helps.withLock { $0[words.joined(separator: " ")] = try? result.get() }
        }
        for (words, command) in commands {
            let name = words.joined(separator: " ")
            let english = command.configuration.abstract
            guard let danish = helps.withLock({ $0[name] }) else {
                Issue.record("\(name) --help --lang da did not run")
                continue
            }
            #expect(danish.status == 0 && danish.stdout.hasPrefix("OVERSIGT: "), "\(name): \(danish.stdout)\(danish.stderr)")
            let help = Self.unwrapped(danish.stdout)
            #expect(!english.isEmpty && !help.contains(Self.unwrapped(english)), "\(name) --help --lang da: \(english)")
            #expect(help != Self.unwrapped(Econsync.helpMessage(for: command, columns: 80)), "\(name) --help --lang da is the English help")
            let lines = HelpExamplesTests.commandLines(in: danish.stdout)
            #expect(lines == HelpExamplesTests.commandLines(in: command.configuration.discussion), "\(name): \(lines)")
            if words.count > 1 && command.configuration.subcommands.isEmpty {
                #expect(danish.stdout.contains("Eksempler:\n") && help.contains("Fælles tilvalg (--data-dir, --department, -q, -v): se `econsync --help`."),
                        "\(name): \(danish.stdout)")
            }
        }
    }

    @Test("econsync --help in Danish: the abstract, the exit codes, the global options and every subcommand's Danish abstract; English with --lang en")
    func rootHelp() throws {
        let cli = try CLI()
        let danish = try cli.run(["--lang", "da", "--help"])
        #expect(danish.status == 0)
        let help = Self.unwrapped(danish.stdout)
        #expect(danish.stdout.hasPrefix("OVERSIGT: Offline-first lokalt synkroniseringslager for Mobilplan, afstemt med\nVisma e-conomic.\n"),
                "\(danish.stdout)")
        #expect(help.contains("Afslutningskoder: 0 lykkedes; 1 handlingen fejlede") && help.contains("4 e-conomics token er udløbet (kør `econsync reconnect`)"))
        #expect(help.contains("--data-dir <dir> Datamappen (standard: $ECONSYNC_HOME, ellers ~/.local/share/econsync)."), "\(danish.stdout)")
        #expect(help.contains("--lang <da|en> Sproget i beskeder og tabeller"), "\(danish.stdout)")
        for line in ["  sync                    Kør synkroniseringsmoduler nu", "  init                    Opret datamappen og dens lokale replika",
                     "  pause                   Sæt hele integrationen på pause", "  local                   Arbejd med den lokale replika"] {
            #expect(danish.stdout.contains(line), "\(line)\n\(danish.stdout)")
        }
        for command in Econsync.configuration.subcommands where command.configuration.shouldDisplay {
            let english = String(command.configuration.abstract.prefix(30))
            #expect(!danish.stdout.contains(english), "econsync --help --lang da lists \(command._commandName) as \(english)")
        }
        let english = try cli.run(["--help", "--lang", "en"])
        #expect(Self.unwrapped(english.stdout) == Self.unwrapped(Econsync.helpMessage(for: Econsync.self, columns: 80)), "\(english.stdout)")
    }

    @Test("sync --help and config set --help in Danish by --lang da or LANG=da_DK.UTF-8; LC_ALL=C or --lang en gives the English help byte for byte")
    func helpByLocale() throws {
        let cli = try CLI()
        let sync = try cli.run(["sync", "--help", "--lang", "da"])
        let syncHelp = Self.unwrapped(sync.stdout)
        #expect(sync.stdout.hasPrefix("OVERSIGT: Kør synkroniseringsmoduler nu (alle, der er slået til, eller de\n"
                                      + "nævnte) med respekt for hvert moduls hviletid.\n"), "\(sync.stdout)")
        #expect(syncHelp.contains("--force Kør også inden for hviletiden (registreres).") && syncHelp.contains("--json Skriv JSON til scripts"), "\(sync.stdout)")
        #expect(syncHelp.contains("Eksempler: econsync sync (hvert modul, der er tid til) econsync sync customers projects --force"), "\(sync.stdout)")
        #expect(syncHelp.contains("--project P er vejledningens prøvekørsel"), "\(sync.stdout)")

        cli.environment["LANG"] = "da_DK.UTF-8"
        let set = try cli.run(["config", "set", "--help"])
        #expect(set.stdout.hasPrefix("OVERSIGT: Ændr en indstilling.\n"), "\(set.stdout)")
        #expect(Self.unwrapped(set.stdout).contains("<name> Indstillingen.") && set.stdout.contains("Dens nye værdi."), "\(set.stdout)")
        let told = try cli.run(["config", "set", "--help", "--lang", "en"])
        cli.environment["LC_ALL"] = "C"
        let c = try cli.run(["config", "set", "--help"])
        #expect(told.stdout.hasPrefix("OVERVIEW: Change a setting.\n") && told.stdout == c.stdout, "\(told.stdout)")
        cli.environment = cli.environment.filter { !["LANG", "LC_ALL"].contains($0.key) }
        #expect(try cli.run(["config", "set", "--help"]).stdout == c.stdout)
    }

    @Test("the local commands' help names the kind in Danish: Vis kunder, Opret en kunde, Ret felterne på et projekt, Godkend timeregistreringer")
    func localHelp() throws {
        let cli = try CLI()
        let cases: [([String], String)] = [
            (["local", "customer", "list"], "OVERSIGT: Vis kunder.\n"), (["local", "customer", "add"], "OVERSIGT: Opret en kunde.\n"),
            (["local", "project", "edit"], "OVERSIGT: Ret felterne på et projekt.\n"), (["local", "hours", "record"], "OVERSIGT: Registrér en timeregistrering.\n"),
            (["local", "hours", "approve"], "OVERSIGT: Godkend timeregistreringer, så de kan overføres.\n"),
            (["local", "materials", "delete"], "OVERSIGT: Slet materialer (de gemmes som slettede, indtil de er synkroniseret).\n"),
        ]
        for (words, overview) in cases {
            let help = try cli.run(words + ["--help", "--lang", "da"])
            #expect(help.stdout.hasPrefix(overview), "\(words): \(help.stdout)")
        }
    }

    @Test("the argument parser's own words in Danish: headings, --help and --version, a missing argument, an unknown option, a value it cannot read, a mistyped command; English with --lang en and under --json")
    func parserWords() throws {
        let cli = try CLI()
        let help = try cli.run(["status", "--help", "--lang", "da"])
        #expect(help.stdout.contains("\nBRUG:  econsync status [--json] [--wide]\n\nTILVALG:\n"), "\(help.stdout)")
        #expect(help.stdout.contains("  --version               Vis versionen.\n  -h, --help              Vis hjælp.\n"), "\(help.stdout)")
        let root = try cli.run(["--help", "--lang", "da"])
        #expect(root.stdout.contains("\nUNDERKOMMANDOER:\n") && root.stdout.contains("(værdier: da, en)")
                && root.stdout.contains("  Se 'econsync help <underkommando>' for udførlig hjælp."), "\(root.stdout)")
        let english = try cli.run(["status", "--help", "--lang", "en"])
        #expect(english.stdout.contains("\nUSAGE: econsync status [--json] [--wide]\n\nOPTIONS:\n") && english.stdout.contains("Show help information."))

        let cases: [([String], String, String)] = [
            (["local", "customer", "add"], "fejl: mangler argumentet '--name <name>'\nBrug:  econsync local customer add",
             "error: Missing expected argument '--name <name>'\nUsage: econsync local customer add"),
            (["status", "--bogus"], "fejl: ukendt tilvalg '--bogus'\nBrug:  econsync status [--json] [--wide]\n  Se 'econsync status --help' for mere hjælp.",
             "error: Unknown option '--bogus'\nUsage: econsync status [--json] [--wide]\n  See 'econsync status --help' for more information."),
            (["log", "--limit", "x"], "fejl: værdien 'x' er ugyldig til '--limit <limit>'\nHjælp: --limit <limit>",
             "error: The value 'x' is invalid for '--limit <limit>'\nHelp:  --limit <limit>"),
            (["statsu"], "fejl: ukendt kommando 'statsu' til 'econsync' (mente du 'status'?)",
             "error: unknown command 'statsu' for 'econsync' (did you mean 'status'?)"),
            (["sync", "custmers"], "fejl: 'custmers' er ugyldig til '<module>' (mente du 'customers'?); en af: ",
             "error: 'custmers' is invalid for '<module>' (did you mean 'customers'?); one of: "),
        ]
        for (arguments, danish, englishText) in cases {
            let da = try cli.run(arguments + ["--lang", "da"])
            #expect(da.status == 2 && da.stderr.hasPrefix(danish), "\(arguments): \(da.stderr)")
            let en = try cli.run(arguments + ["--lang", "en"])
            #expect(en.status == 2 && en.stderr.hasPrefix(englishText), "\(arguments): \(en.stderr)")
        }
        // Scripts read the same English message in every language.
        let json = try cli.run(["local", "customer", "add", "--json", "--lang", "da"])
        #expect(json.status == 2 && json.stdout.contains("\"message\" : \"Missing expected argument '--name <name>'\""), "\(json.stdout)")
    }
}
