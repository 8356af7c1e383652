import Foundation
import Reconcile
import Replica
import Sync
import Vocabulary

/// One project's page under "Ordrer": its approved registrations not yet
/// exported, each with a box to tick; the order lines the ticked ones make
/// (templates, grouping and prices as `econsync order export --dry-run`
/// shows them); and the button that exports exactly those as a draft order.
struct OrderProjectPage {
    var projectID: Int64
    var projectName: String
    var candidates: [ExportableRegistration]
    /// The registrations ticked.
    var picked: Set<RegistrationRef>
    /// The order the ticked registrations make; nil when none is ticked, or it cannot be worked out.
    var draft: OrderDraft?
    /// Why the export cannot be made, when it cannot.
    var refusal: (any CodedError)?
    var csrf: String
    var language: PanelLanguage

    var html: String {
        let text = { (item: OrderText) in HTML.escape(item.in(language)) }
        let address = "/orders/project/\(projectID)"
        let title = "\(OrderText.orders.in(language)): \(projectName)"
        var body = "<p><a href=\"/orders?lang=\(language.rawValue)\">\(text(.backToOrders))</a></p>\n"
        body += "<h2>\(text(.registrations))</h2>\n"
        guard !candidates.isEmpty else {
            return HTML.page(title: title, language: language, body: body + "<p id=\"none-to-export\">\(text(.noneToExport))</p>\n")
        }
        body += "<form method=\"get\" action=\"\(address)\" id=\"pick\"><input type=\"hidden\" name=\"picked\" value=\"1\">"
            + "<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">\n<table id=\"registrations\">\n"
            + HTML.head([.pick, .date, .kind, .employee, .typeOrProduct, .quantity, .note], language) + "<tbody>\n"
        for candidate in candidates {
            let id = HTML.escape(candidate.ref.description)
            let kind = if case .timeEntry = candidate.ref { OrderText.hour } else { OrderText.material }
            body += "<tr data-registration=\"\(id)\"><td><input type=\"checkbox\" name=\"entry\" value=\"\(id)\" aria-label=\"\(id)\""
                + (picked.contains(candidate.ref) ? " checked" : "") + "></td>"
                + [candidate.date, kind.in(language), candidate.employee ?? "", candidate.what,
                   PanelNumber.quantity(candidate.quantity, language), candidate.note ?? ""].map { "<td>\(HTML.escape($0))</td>" }.joined()
                + "</tr>\n"
        }
        body += "</tbody>\n</table>\n<p><button type=\"submit\" id=\"preview\">\(text(.previewLines))</button></p></form>\n"
        body += "<h2>\(text(.orderLines))</h2>\n" + lines
        return HTML.page(title: title, language: language, body: body)
    }

    /// The order lines, the refusal if any, and the export button for exactly the registrations previewed.
    var lines: String {
        let text = { (item: OrderText) in HTML.escape(item.in(language)) }
        var html = ""
        if picked.isEmpty { html += "<p class=\"notice\" id=\"nothing-picked\">\(text(.nothingPicked))</p>\n" }
        if let refusal {
            html += "<p class=\"notice\" id=\"refusal\"><strong>\(text(.refused))\(HTML.escape((refusal as? SyncError).flatMap { $0.code.headline(language) }.map { ": " + $0 } ?? ""))</strong><br>"
                + "<span class=\"detail\">\(HTML.escape((refusal as? SyncError).map { $0.problem?.words(language) ?? $0.message } ?? refusal.description))</span>"
                + (refusal.remedy.map { "<br><span class=\"remedy\">\(HTML.escape(PanelRemedyWording(language).words(for: $0)))</span>" } ?? "")
                + "</p>\n"
        }
        guard let draft, !draft.lines.isEmpty else { return html + (picked.isEmpty ? "" : "<p id=\"no-lines\">\(text(.noLines))</p>\n") }
        html += "<p id=\"customer\">\(text(.customer)): \(HTML.escape(draft.customerName)) (\(draft.customerNumber))</p>\n"
            + "<table id=\"lines\">\n" + HTML.head([.line, .product, .text, .quantity, .price, .total], language) + "<tbody>\n"
        for line in draft.lines {
            html += "<tr data-line=\"\(line.lineNumber)\">" + [String(line.lineNumber), line.productNumber, line.description].map { "<td>\(HTML.escape($0))</td>" }.joined()
                + [PanelNumber.quantity(line.quantity, language), PanelNumber.amount(line.unitPrice, language), PanelNumber.amount(line.total, language)]
                    .map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n<p id=\"net\">\(text(.net)): <strong>\(HTML.escape(PanelNumber.amount(draft.total, language)))</strong></p>\n"
        if !draft.missingProducts.isEmpty {
            html += "<p id=\"products-to-create\">\(text(.productsToCreate)) "
                + HTML.escape(draft.missingProducts.sorted { $0.key < $1.key }.map(\.value).joined(separator: ", ")) + "</p>\n"
        }
        guard refusal == nil else { return html }
        return html + "<form method=\"post\" action=\"/orders/project/\(projectID)/export?lang=\(language.rawValue)\" id=\"export\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
            + draft.refs.map { "<input type=\"hidden\" name=\"entry\" value=\"\(HTML.escape($0.description))\">" }.joined()
            + "<button type=\"submit\">\(text(.export))</button> <span class=\"remedy\">\(text(.exportHelp))</span></form>\n"
    }
}
