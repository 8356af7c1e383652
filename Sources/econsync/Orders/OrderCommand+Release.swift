import ArgumentParser
import Sync

extension OrderCommand {
    /// `econsync order release N`.
    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Release the registrations of an exported draft order deleted in e-conomic, so they can be exported again.",
            discussion: Examples.text("econsync order release 35", "econsync order release 35 --json", after: """
                N is e-conomic's order number, as `econsync order list` shows it. econsync first asks e-conomic where the order \
                is: only when it is in none of drafts, sent and archived orders (it was deleted there) are its registrations \
                released; its export is then listed as released. `econsync sync orders` does the same for every exported order.

                Exit status: 0 released; 1 e-conomic could not be asked (nothing changed); 2 refused, nothing changed: no export \
                has that order number, it was released already, the order is still a draft in e-conomic (delete it there \
                first), or it was sent or archived there (its registrations stay exported: they are on a sent order); \
                4 e-conomic's token expired.
                """))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("e-conomic's order number.", valueName: "N")) var number: Int64

        func validate() throws {
            guard number > 0 else { throw ValidationError("\(number) is not an order number: e-conomic numbers orders from 1") }
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
