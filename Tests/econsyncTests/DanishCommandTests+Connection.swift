import Foundation
import Testing

/// `init`, `pause`, `resume`, `reconnect` and `disconnect` in Danish; their
/// refusals in Danish for people and in English under `--json`.
extension DanishCommandTests {
    @Test("init, pause, resume, status while paused, reconnect and disconnect without a connection, in Danish under --lang da; a refusal's --json the same in both languages, English")
    func connection() throws {
        let cli = try CLI()
        let created = try cli.run(["init", "--lang", "da"])
        #expect(created.status == 0 && created.stdout.hasPrefix("replikaen er oprettet i \(cli.home.path)") && created.stdout.contains("(skemaversion "),
                "\(created.stdout)")
        #expect(try cli.run(["init", "--lang", "da"]).stdout.hasPrefix("replikaen i \(cli.home.path)"))
        let paused = try cli.run(["pause", "--lang", "da"]).stdout
        #expect(paused == "integrationen er sat på pause: intet modul kører, og intet sendes til e-conomic, før `econsync resume`; "
                + "arbejdet i marken fortsætter offline\n", "\(paused)")
        #expect(try cli.run(["pause", "--lang", "da"]).stdout == "integrationen var allerede sat på pause\n")
        #expect(try cli.run(["status", "--lang", "da"]).stdout.hasPrefix("integrationen er sat på pause: intet modul kører før `econsync resume`\n"))
        #expect(try cli.run(["resume", "--lang", "da"]).stdout == "integrationen kører igen: modulerne kører, når det er tid\n")
        #expect(try cli.run(["resume", "--lang", "da"]).stdout == "integrationen var ikke sat på pause\n")
        #expect(try cli.run(["resume", "--lang", "en"]).stdout == "the integration was not paused\n")

        let reconnect = try cli.run(["reconnect", "--lang", "da"])
        #expect(reconnect.status == 1 && reconnect.stderr == "fejl: ikke forbundet til e-conomic; kør `econsync connect`\n", "\(reconnect.stderr)")
        let json = (try cli.run(["reconnect", "--json", "--lang", "da"]), try cli.run(["reconnect", "--json", "--lang", "en"]))
        #expect(json.0.status == 1 && json.0.stdout == json.1.stdout && json.0.stdout.contains("not connected to e-conomic; run `econsync connect`"),
                "\(json.0.stdout)")
        #expect(try cli.run(["disconnect", "--lang", "da"]).stdout == "ikke forbundet til e-conomic\n")
    }
}
