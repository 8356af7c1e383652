import ArgumentParser
import Sync

extension OrderCommand {
    /// `econsync order release N`.
    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Frigiv registreringerne fra en eksporteret ordrekladde, der er slettet i e-conomic, så de kan eksporteres igen.",
                "Release the registrations of an exported draft order deleted in e-conomic, so they can be exported again."),
            discussion: Examples.text("econsync order release 35", "econsync order release 35 --json", after: Speech.say("""
                N er e-conomics ordrenummer, som `econsync order list` viser det. econsync spørger først e-conomic, hvor \
                ordren er: kun når den hverken er blandt kladder, sendte eller arkiverede ordrer (den blev slettet dér), \
                frigives dens registreringer; dens eksport vises derefter som released (frigivet). `econsync sync orders` \
                gør det samme for hver eksporteret ordre.

                Afslutningskode: 0 frigivet; 1 e-conomic kunne ikke spørges (intet blev ændret); 2 afvist, intet blev \
                ændret: ingen eksport har det ordrenummer, den er allerede frigivet, ordren er stadig en kladde i e-conomic \
                (slet den dér først), eller den blev sendt eller arkiveret dér (dens registreringer forbliver eksporteret: \
                de står på en sendt ordre); 4 e-conomics token er udløbet.
                """, """
                N is e-conomic's order number, as `econsync order list` shows it. econsync first asks e-conomic where the order \
                is: only when it is in none of drafts, sent and archived orders (it was deleted there) are its registrations \
                released; its export is then listed as released. `econsync sync orders` does the same for every exported order.

                Exit status: 0 released; 1 e-conomic could not be asked (nothing changed); 2 refused, nothing changed: no export \
                has that order number, it was released already, the order is still a draft in e-conomic (delete it there \
                first), or it was sent or archived there (its registrations stay exported: they are on a sent order); \
                4 e-conomic's token expired.
                """)))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: .say("e-conomics ordrenummer.", "e-conomic's order number.", valueName: "N")) var number: Int64

        func validate() throws {
            guard number > 0 else { throw ValidationError(
                "\(number) er ikke et ordrenummer: e-conomic nummererer ordrer fra 1",
                "\(number) is not an order number: e-conomic numbers orders from 1") }
        }

        func run() async throws {
            let export = try await global.workspace().releaseOrder(number)
            if output.json { return try Output.json(OrderReport.ExportEntry(export)) }
            print(Speech.language == .da
                ? "ordre \(number) er slettet i e-conomic: registreringerne er frigivet og kan eksporteres igen (eksporten havde \(OrderReport.size(export)))"
                : "order \(number) was deleted in e-conomic: its registrations are released and can be exported again (the export had \(OrderReport.size(export)))")
        }
    }
}
