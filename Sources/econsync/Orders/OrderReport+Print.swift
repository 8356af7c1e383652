import Foundation
import Reconcile
import Replica
import Sync

/// An order export (or its dry run) for people, as econsync speaks (`--json` gives the ``OrderReport`` itself).
extension OrderReport {
    /// An amount with two decimals, for people.
    static func money(_ value: Decimal) -> String {
        String(format: "%.2f", NSDecimalNumber(decimal: value).doubleValue)
    }

    /// The order for people, as econsync speaks: for whom, its lines, its net amount and what it marks exported.
    static func print(_ draft: OrderDraft, export: OrderExport?, createdProducts: Int) {
        let about = Speech.language == .da
            ? (export.map { "e-conomic-ordrekladde \($0.orderNumber!)" } ?? "prøvekørsel: ordrekladden")
                + " til projekt \(draft.projectName) (\(draft.projectID)), kunde \(draft.customerName) (\(draft.customerNumber)):"
            : (export.map { "e-conomic draft order \($0.orderNumber!)" } ?? "dry run: the draft order")
                + " for project \(draft.projectName) (\(draft.projectID)), customer \(draft.customerName) (\(draft.customerNumber)):"
        Output.line(about)
        Output.table(Speech.language == .da ? ["LINJE", "VARE", "TEKST", "ANTAL", "PRIS", "I ALT"] : ["LINE", "PRODUCT", "TEXT", "QUANTITY", "PRICE", "TOTAL"],
                     draft.lines.map {
            [String($0.lineNumber), $0.productNumber, $0.description, Output.amount($0.quantity), money($0.unitPrice), money($0.total)]
        }, rightAligned: [0, 3, 4, 5], fit: nil)
        let hours = Speech.count(draft.hourIDs.count, "timeregistrering", "timeregistreringer", "hour registration")
        let materials = Speech.count(draft.materialIDs.count, "materialeregistrering", "materialeregistreringer", "material registration")
        Swift.print(Speech.language == .da
            ? "netto \(money(draft.total)); \(hours) og \(materials)" + (export == nil ? " ville blive markeret som eksporteret" : " markeret som eksporteret")
            : "net \(money(draft.total)); \(hours) and \(materials)" + (export == nil ? " would be marked exported" : " marked exported"))
        if export == nil, !draft.missingProducts.isEmpty {
            Output.line(Speech.say("varer, der skal oprettes i e-conomic først: ", "products to create in e-conomic first: ")
                        + draft.missingProducts.sorted { $0.key < $1.key }.map(\.value).joined(separator: ", "))
        }
        if createdProducts > 0 {
            Swift.print("\(Speech.count(createdProducts, "vare", "varer", "product")) \(Speech.say("oprettet i e-conomic først", "created in e-conomic first"))")
        }
    }

    /// An export's size for people: `4 lines, net 10089.74`, in Danish `4 linjer, netto 10089.74`.
    static func size(_ export: OrderExport) -> String {
        "\(Speech.count(export.lines, "linje", "linjer", "line")), \(Speech.say("netto", "net")) \(export.netAmount)"
    }
}
