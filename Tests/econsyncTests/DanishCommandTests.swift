import Foundation
import Snapshot
import Testing

/// The command line in Danish: chosen by the locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`, as POSIX orders them) or by `--lang`, with the brief's words for its
/// errors and the same commands named in the remedies; `--json` the same in both.
@Suite("econsync in Danish: LANG, LC_ALL and --lang")
struct DanishCommandTests {
    /// `arguments` with `--json` under `--lang da` and under `--lang en`: the same exit status and the same bytes; returns them.
    @discardableResult
    static func sameJSON(_ connected: ConnectedCLI, _ arguments: [String]) async throws -> String {
        let danish = try await connected.run(arguments + ["--json", "--lang", "da"])
        let english = try await connected.run(arguments + ["--json", "--lang", "en"])
        #expect(danish.status == english.status && danish.stdout == english.stdout && danish.stdout.hasPrefix("{"),
                "\(arguments): \(danish.stdout)\(danish.stderr) / \(english.stdout)\(english.stderr)")
        return danish.stdout
    }

    @Test("after an expired token: status in Danish under LANG=da_DK.UTF-8 or --lang da (\"Token udløbet\", the states and columns in Danish), English when LC_ALL says so or --lang en; --json the same in both")
    func status() async throws {
        try await ConnectedCLI.with { connected in
            _ = try await ServeConnectionTests.tokenExpired(connected)
            connected.cli.environment["LANG"] = "da_DK.UTF-8"
            let danish = try await connected.run(["status"])
            #expect(danish.status == 4, "\(danish.stderr)")
            #expect(danish.stdout.hasPrefix("MODUL") && danish.stdout.contains("TILSTAND") && danish.stdout.contains("skal forbindes igen"), "\(danish.stdout)")
            #expect(danish.stdout.contains("alle moduler: Token udløbet: kør `econsync reconnect`"), "\(danish.stdout)")
            #expect(!danish.stdout.contains("needs reconnect"), "\(danish.stdout)")
            let log = try await connected.expect(["log", "--module", "units"])
            #expect(log.hasPrefix("KØRSEL") && log.contains("skal forbindes igen") && log.contains("kørsel "), "\(log)")
            #expect(log.contains("Token udløbet: e-conomic afviste forbindelsen (") && !log.contains("refused the connection"),
                    "the run's error, kept as data, in Danish: \(log)")
            let logEnglish = try await connected.expect(["log", "--module", "units", "--lang", "en"])
            #expect(logEnglish.contains("Token expired: e-conomic refused the connection ("), "\(logEnglish)")

            connected.cli.environment["LC_ALL"] = "C.UTF-8"
            let english = try await connected.run(["status"])
            #expect(english.stdout.hasPrefix("MODULE") && english.stdout.contains("all modules: needs reconnect: run `econsync reconnect`"), "\(english.stdout)")
            let asked = try await connected.run(["status", "--lang", "da"])
            #expect(asked.stdout.hasPrefix("MODUL ") && asked.stdout.contains("Token udløbet"), "--lang wins over the locale: \(asked.stdout)")
            connected.cli.environment["LC_ALL"] = nil
            let told = try await connected.run(["--lang=en", "status"])
            #expect(told.stdout.hasPrefix("MODULE"), "\(told.stdout)")

            let jsonDanish = try await connected.run(["status", "--json"])
            connected.cli.environment["LANG"] = "C"
            let jsonEnglish = try await connected.run(["status", "--json"])
            #expect(jsonDanish.stdout == jsonEnglish.stdout && jsonDanish.stdout.contains("\"needs reconnect\""), "\(jsonDanish.stdout)")
            let wrong = try await connected.run(["status", "--lang", "de"])
            #expect(wrong.status == 2 && wrong.stderr.contains("--lang"), "\(wrong.stderr)")
        }
    }

    @Test("a module that stops on an expired token, in Danish: the line and the error say \"Token udløbet\" and what to do names `econsync reconnect` in Danish; under --json the error is the English one")
    func errors() async throws {
        try await ConnectedCLI.with { connected in
            _ = try await ServeConnectionTests.tokenExpired(connected)
            connected.cli.environment["LANG"] = "da_DK.UTF-8"
            let sync = try await connected.run(["sync", "customers", "--force"])
            #expect(sync.status == 4, "\(sync.stdout) \(sync.stderr)")
            let text = sync.stdout + sync.stderr
            #expect(text.contains("Token udløbet") && text.contains("forbind igen med `econsync reconnect`, og godkend adgangen på ny"), "\(text)")
            #expect(!text.contains("what to do") && !text.contains("error:"), "\(text)")
            let json = try await connected.run(["sync", "customers", "--force", "--json"])
            #expect(!json.stdout.contains("Token udløbet") && !json.stdout.contains("forbind igen"), "\(json.stdout)")

            let refused = try await connected.run(["order", "export", "--project", "999999"])
            #expect(refused.status != 0 && refused.stderr.hasPrefix("fejl: "), "\(refused.stderr)")
        }
    }

    @Test("a run that blocked records keeps why as data: a run started in English reads in Danish in status and log (the brief's words, the record in Danish), a run started in Danish says it in Danish; --json keeps the English")
    func blockedRun() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.importLines(ModuleCommandTests.hoursOfUnlinkedEmployee)
            let english = try await connected.expect(["sync", "projectEntries"])
            #expect(english.contains("warning: Employee is missing an e-conomic ID: Lars Lærling (employee "), "\(english)")
            let danish = "Medarbejder mangler e-conomic ID: Lars Lærling (medarbejder "
            let status = try await connected.expect(["status", "--lang", "da"])
            #expect(status.contains("projectEntries: \(danish)") && !status.contains("Employee is missing"), "\(status)")
            let log = try await connected.expect(["log", "--module", "projectEntries", "--lang", "da"])
            #expect(log.contains("(projectEntries): \(danish)") && !log.contains("Employee is missing"), "\(log)")
            let json = try await Self.sameJSON(connected, ["status"])
            #expect(json.contains("\"lastError\" : \"Employee is missing an e-conomic ID: Lars Lærling (employee "), "\(json)")

            let again = try await connected.expect(["sync", "projectEntries", "--force", "--lang", "da"])
            #expect(again.contains("advarsel: \(danish)") && !again.contains("Employee is missing"), "\(again)")
        }
    }
}
