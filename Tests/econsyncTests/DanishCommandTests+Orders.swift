import EconomicEmulator
import Foundation
import Snapshot
import Testing

/// `econsync order` in Danish: the draft order, its lines and what it marks
/// exported, the exports' states in the shared catalogue's words, a release;
/// the amounts as scripts read them; `--json` the same in both.
extension DanishCommandTests {
    @Test("order export (dry run and for real), list and release in Danish: ordrekladde, ordrelinjer's columns, timeregistreringer and materialeregistreringer, the states ordrekladde and frigivet; amounts with a point; --json the same under --lang da and en")
    func orders() async throws {
        try await ConnectedCLI.with { connected in
            try await OrderExportCommandTests.fieldWork(connected)
            try await Self.sameJSON(connected, ["order", "export", "--project", "e:2", "--dry-run"])
            connected.cli.environment["LANG"] = "da_DK.UTF-8"
            let preview = try await connected.expect(["order", "export", "--project", "e:2", "--dry-run"])
            #expect(preview.hasPrefix("prøvekørsel: ordrekladden til projekt Etape 1, Søndergade 86 (2), kunde Pedersen VVS Holding ApS (1024):\n"
                                      + "LINJE  VARE   TEKST"), "\(preview)")
            #expect(preview.contains("  ANTAL    PRIS    I ALT\n") && preview.contains("  12.00   64.50   774.00\n"), "\(preview)")
            #expect(preview.contains("\nnetto 10089.74; 3 timeregistreringer og 2 materialeregistreringer ville blive markeret som eksporteret\n"
                                     + "varer, der skal oprettes i e-conomic først: KR-22 (Kobberrør 22 mm)\n"), "\(preview)")

            let exported = try await connected.expect(["order", "export", "--project", "e:2"])
            #expect(exported.hasPrefix("e-conomic-ordrekladde 1 til projekt Etape 1, Søndergade 86 (2)"), "\(exported)")
            #expect(exported.contains("\nnetto 10089.74; 3 timeregistreringer og 2 materialeregistreringer markeret som eksporteret\n"
                                      + "1 vare oprettet i e-conomic først\n"), "\(exported)")
            let list = try await connected.expect(["order", "list"])
            #expect(list.hasPrefix("ORDRE  PROJEKT  LINJER     NETTO  TILSTAND") && list.contains("10089.74  ordrekladde  "), "\(list)")
            try await Self.sameJSON(connected, ["order", "list"])

            connected.emulator.edit(kind: "order", key: .int(1)) { $0 = nil }
            let sync = try await connected.expect(["sync", "orders"])
            #expect(sync.contains("\n  1 eksporteret ordre slettet i e-conomic: registreringerne er frigivet til ny eksport"), "\(sync)")
            try await connected.expect(["order", "export", "--project", "e:2"])
            let number = try #require(try await OrderReleaseCommandTests.exports(connected).first?["orderNumber"]?.intValue)
            connected.emulator.edit(kind: "order", key: .int(number)) { $0 = nil }
            let released = try await connected.expect(["order", "release", "\(number)"])
            #expect(released == "ordre \(number) er slettet i e-conomic: registreringerne er frigivet og kan eksporteres igen "
                    + "(eksporten havde 5 linjer, netto 10089.74)\n", "\(released)")
            let after = try await connected.expect(["order", "list"])
            #expect(after.components(separatedBy: "  frigivet  ").count == 3 && !after.contains("released"), "both exports released: \(after)")
            let json = try await Self.sameJSON(connected, ["order", "list"])
            #expect(json.contains("\"released\"") && !json.contains("frigivet"), "\(json)")
            let english = try await connected.expect(["order", "list", "--lang", "en"])
            #expect(english.hasPrefix("ORDER  PROJECT") && english.contains("  released  "), "\(english)")

            let unknown = try await connected.run(["order", "release", "999"])
            #expect(unknown.status == 2 && unknown.stderr.hasPrefix("fejl: orders: ingen ordreeksport har e-conomic-ordrenummer 999"), "\(unknown.stderr)")
            let twice = try await connected.run(["order", "release", "\(number)"])
            #expect(twice.status == 2 && twice.stderr.hasPrefix("fejl: orders: ordre \(number) er allerede frigivet ("), "\(twice.stderr)")
            let twiceJSON = try await Self.sameJSON(connected, ["order", "release", "\(number)"])
            #expect(twiceJSON.contains("order \(number) was released already ("), "\(twiceJSON)")
        }
    }
}
