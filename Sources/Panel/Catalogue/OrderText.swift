import Replica
import Sync

/// The words of the panel's "Ordrer" page, in Danish and English: the
/// projects to export from, their registrations, the order lines and the
/// exports made (module 7, the brief's "Ordre-/fakturaeksport").
///
/// ```swift
/// OrderText.export.in(.da)   // "Eksportér til e-conomic"
/// ```
enum OrderText: CaseIterable, Sendable {
    case orders, projectsToExport, noneToExport, project, customer, hours, materials, registrations
    case pick, date, kind, employee, typeOrProduct, quantity, unit, note, hour, material
    case previewLines, orderLines, line, product, text, price, total, net, noLines, nothingPicked
    case export, exportHelp, exported, productsToCreate, refused, exports, orderNumber, lines, status, created, error, noExports
    case backToOrders, notAProject

    /// The text in `language`.
    func `in`(_ language: PanelLanguage) -> String {
        let (da, en) = words
        return language == .da ? da : en
    }

    private var words: (String, String) {
        switch self {
        case .orders: ("Ordrer", "Orders")
        case .projectsToExport: ("Projekter med godkendte registreringer, der ikke er eksporteret",
                                 "Projects with approved registrations not yet exported")
        case .noneToExport: ("Ingen godkendte registreringer venter på eksport.", "No approved registration waits to be exported.")
        case .project: ("Projekt", "Project")
        case .customer: ("Kunde", "Customer")
        case .hours: ("Timer", "Hours")
        case .materials: ("Materialer", "Materials")
        case .registrations: ("Godkendte registreringer, der ikke er eksporteret", "Approved registrations not yet exported")
        case .pick: ("Med", "Include")
        case .date: ("Dato", "Date")
        case .kind: ("Art", "Kind")
        case .employee: ("Medarbejder", "Employee")
        case .typeOrProduct: ("Timetype / vare", "Hour type / product")
        case .quantity: ("Antal", "Quantity")
        case .unit: ("Enhed", "Unit")
        case .note: ("Bemærkning", "Note")
        case .hour: ("timer", "hours")
        case .material: ("materiale", "material")
        case .previewLines: ("Vis ordrelinjer", "Show the order lines")
        case .orderLines: ("Ordrelinjer", "Order lines")
        case .line: ("Linje", "Line")
        case .product: ("Vare", "Product")
        case .text: ("Tekst", "Text")
        case .price: ("Pris", "Price")
        case .total: ("I alt", "Total")
        case .net: ("Netto", "Net")
        case .noLines: ("Ingen ordrelinjer.", "No order lines.")
        case .nothingPicked: ("Vælg mindst én registrering.", "Tick at least one registration.")
        case .export: ("Eksportér til e-conomic", "Export to e-conomic")
        case .exportHelp: ("Opretter en ordrekladde i e-conomic med linjerne ovenfor og markerer registreringerne som eksporteret.",
                           "Creates a draft order in e-conomic with the lines above and marks the registrations exported.")
        case .exported: ("Ordrekladde oprettet i e-conomic: nr.", "Draft order created in e-conomic: no.")
        case .productsToCreate: ("Varer, som oprettes i e-conomic først:", "Products created in e-conomic first:")
        case .refused: ("Eksporten kan ikke gennemføres", "The export cannot be made")
        case .exports: ("Eksporterede ordrer", "Orders exported")
        case .orderNumber: ("Ordre nr.", "Order no.")
        case .lines: ("Linjer", "Lines")
        case .status: ("Tilstand", "State")
        case .created: ("Oprettet", "Created")
        case .error: ("Fejl", "Error")
        case .noExports: ("Ingen ordrer er eksporteret endnu.", "No order exported yet.")
        case .backToOrders: ("Tilbage til ordrer", "Back to orders")
        case .notAProject: ("Projektet findes ikke i Mobilplan.", "There is no such project in Mobilplan.")
        }
    }

    /// An export's state in words: in Danish the shared catalogue's, as `econsync order list` says it too.
    static func state(_ state: OrderExport.State, _ language: PanelLanguage) -> String {
        guard language == .en else { return state.words(language) }
        return switch state {
        case .pending: "pending"
        case .confirmed: "draft order"
        case .sent: "sent"
        case .failed: "refused"
        case .released: "released"
        }
    }
}
