import Vocabulary
import ArgumentParser
import Foundation
import Reconcile
import Replica
import Sync

/// `econsync order`: module 7, orders exported by hand from a project.
struct OrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order", abstract: Speech.say(
            "Eksportér et projekts godkendte timer og materialer til e-conomic som en ordrekladde.",
            "Export a project's approved hours and materials to e-conomic as a draft order."),
        subcommands: [Export.self, List.self, Release.self])

    /// `econsync order export`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Eksportér et projekts godkendte registreringer, der endnu ikke er eksporteret, som en ordrekladde i e-conomic.",
                "Export a project's approved, not yet exported registrations as an e-conomic draft order."),
            discussion: Examples.text("econsync order export --project n:7001 --dry-run", "econsync order export --project 5 --hours --from 2026-11-01", "econsync order export --project 5 --entries 3 --entries m:2", after: Speech.say("""
                Linjerne laves ud fra skabelonerne `orders.hoursText` og `orders.materialsText` med variablerne $navn \
                (medarbejder), $regnavn (timetype eller varenavn), $dato, $antal, $enhed, $tekst (bemærkningen) og \
                $projekt; $$ er et dollartegn. Timer prissættes efter deres timetypes vare (eller medarbejderens sats med \
                projects.useEmployeeRates), materialer efter deres vares pris. Varer, som e-conomic mangler, oprettes først \
                (products.autoCreate), ellers afvises eksporten med navnene på dem. Registreringerne markeres som \
                eksporteret med ordrens nummer; en ny eksport laver aldrig en ordre nummer to.

                Afslutningskode: 0 eksporteret (eller, med --dry-run, vist); 1 afvist (beskeden siger hvorfor, og hvad du \
                kan gøre); 2 forespørgslen kan ikke udføres (intet tilbage at eksportere, en registrering fra et andet \
                projekt, ikke godkendt eller allerede eksporteret); 4 e-conomics token er udløbet.
                """, """
                Lines come from the templates `orders.hoursText` and `orders.materialsText`, with the variables $navn \
                ($employee), $regnavn ($type: hour type or product name), $dato ($date), $antal ($quantity), $enhed ($unit), \
                $tekst ($text: the note) and $projekt ($project); $$ is a dollar sign. Hours are priced at their hour type's \
                product (or the employee's rate with projects.useEmployeeRates), materials at their product's price. Products \
                e-conomic lacks are created first (products.autoCreate), or the export is refused naming them. The \
                registrations are marked exported with the order's number; exporting again never makes a second order.

                Exit status: 0 exported (or, with --dry-run, shown); 1 refused (the message says why and what to do); \
                2 the request cannot be (nothing left to export, a registration of another project, not approved or \
                exported already); 4 e-conomic's token expired.
                """)))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: .say(
            "Projektet (lokalt id, e:NUMMER, n:NUMMER eller dets navn).",
            "The project (local id, e:NUMBER, n:NUMBER or its name).")) var project: RecordRef
        @Flag(help: .say(
            "Tag timer med (standard: efter orders.exportHours; med kun --materials ingen).",
            "Include hours (default: per orders.exportHours; with --materials only, none).")) var hours = false
        @Flag(help: .say(
            "Tag materialer med (standard: efter orders.exportMaterials).",
            "Include materials (default: per orders.exportMaterials).")) var materials = false
        @Option(parsing: .upToNextOption, help: .say(
            "Kun disse registreringer: timeregistreringers id'er og m:ID for materialer.",
            "Only these registrations: time entry ids, and m:ID for materials.", valueName: "id"),
                transform: RegistrationRef.argument)
        var entries: [RegistrationRef] = []
        @Option(help: .say(
            "Registreringer fra denne dato (ÅÅÅÅ-MM-DD).",
            "Registrations from this date (YYYY-MM-DD).", valueName: "date")) var from: String?
        @Option(help: .say(
            "Registreringer til og med denne dato (ÅÅÅÅ-MM-DD).",
            "Registrations up to this date (YYYY-MM-DD).", valueName: "date")) var to: String?
        @Option(help: .say(
            "Gruppér linjer: \(OrderGrouping.allCases.map(\.rawValue).joined(separator: ", ")) (standard: orders.grouping).",
            "Group lines: \(OrderGrouping.allCases.map(\.rawValue).joined(separator: ", ")) (default: orders.grouping)."))
        var group: OrderGrouping?
        @Flag(help: .say("Vis ordren uden at oprette noget.", "Show the order without creating anything.")) var dryRun = false

        func validate() throws {
            for date in [from, to].compactMap({ $0 }) where LocalDate(date) == nil {
                throw ValidationError("\(date) er ikke en dato (ÅÅÅÅ-MM-DD)", "\(date) is not a date (YYYY-MM-DD)")
            }
        }

        func run() async throws {
            let workspace = try global.workspace()
            var request = OrderExportRequest(projectID: try workspace.resolve(project, as: .project), date: try GlobalOptions.today())
            if hours || materials { (request.hours, request.materials) = (hours, materials) }
            request.select(entries)
            (request.from, request.to, request.grouping) = (from, to, group)
            if dryRun {
                let (draft, refusal) = try workspace.previewOrder(request)
                if output.json { try Output.json(OrderReport(draft: draft, export: nil)) } else { OrderReport.print(draft, export: nil, createdProducts: 0) }
                // The export would be refused: the dry run says so, and exits as the export would.
                if let refusal { throw refusal }
                return
            }
            let result = try await workspace.exportOrder(request)
            if output.json { return try Output.json(OrderReport(draft: result.draft, export: result.export)) }
            if let draft = result.draft {
                OrderReport.print(draft, export: result.export, createdProducts: result.createdProducts)
            } else {
                print(Speech.language == .da
                    ? "gjorde den afbrudte eksport af projekt \(project) færdig: e-conomic-ordrekladde \(result.export.orderNumber!) (\(OrderReport.size(result.export)))"
                    : "finished the interrupted export of project \(project): e-conomic draft order \(result.export.orderNumber!) (\(OrderReport.size(result.export)))")
            }
        }
    }

    /// `econsync order list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Vis ordreeksporterne: ordrenummer, projekt, linjer, beløb, tilstand.",
                "List the order exports: order number, project, lines, amount, state."),
            discussion: Examples.text("econsync order list", "econsync order list --json", after: Speech.say("""
                Tilstande: pending (registreret; e-conomic har den måske ikke endnu: eksportér projektet igen for at gøre \
                den færdig), confirmed (en ordrekladde i e-conomic), sent (sendt eller arkiveret i e-conomic; dens \
                registreringer forbliver eksporteret), failed (afvist af e-conomic; dens registreringer blev frigivet), \
                released (kladden blev slettet i e-conomic; dens registreringer blev frigivet til ny eksport). Hvad der \
                blev af en kladde, finder `econsync sync orders` eller `econsync order release N` ud af.
                """, """
                States: pending (recorded; e-conomic may not have it yet: export the project again to finish it), confirmed \
                (a draft order in e-conomic), sent (sent or archived in e-conomic; its registrations stay exported), failed \
                (refused by e-conomic; its registrations were released), released (the draft was deleted in e-conomic; its \
                registrations were released, to be exported again). What became of a draft is learnt by \
                `econsync sync orders` or `econsync order release N`.
                """)))
        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var table: TableOptions

        func run() throws {
            let exports = try global.openReplica().orderExports()
            if output.json { return try Output.json("orders", exports.map(OrderReport.ExportEntry.init)) }
            let head = Speech.language == .da
                ? ["ORDRE", "PROJEKT", "LINJER", "NETTO", "TILSTAND", "OPRETTET", "FEJL"] : ["ORDER", "PROJECT", "LINES", "NET", "STATE", "CREATED", "ERROR"]
            Output.table(head, exports.map {
                [$0.orderNumber.map(String.init) ?? "-", String($0.projectId), String($0.lines), $0.netAmount, $0.state.words(Speech.language),
                 LocalTime.string($0.createdAt), $0.error ?? ""]
            }, rightAligned: [2, 3], fit: table.width)
        }
    }
}

extension OrderGrouping: ExpressibleByArgument {}

extension RegistrationRef {
    /// The `--entries` argument: a time entry id or m:ID.
    static func argument(_ text: String) throws -> RegistrationRef {
        guard let registration = RegistrationRef(text) else {
            throw ValidationError(
                "\(text) er ikke et registrerings-id: brug id'et på en timeregistrering (12) eller m:ID for et materiale (m:3)",
                "\(text) is not a registration id: use a time entry id (12) or m:ID for a material (m:3)")
        }
        return registration
    }
}
