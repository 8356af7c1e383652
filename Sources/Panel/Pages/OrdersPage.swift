import Foundation
import Replica

/// "Ordrer": the projects with approved registrations not yet exported (each
/// a link to pick from it), and the orders exported, newest first, as
/// `econsync order list` lists them.
struct OrdersPage {
    var projects: [ExportableProject]
    var exports: [OrderExport]
    /// Project names by local id, for the exports.
    var projectNames: [Int64: String]
    /// The draft order number just made, to say so.
    var exported: Int64?
    var language: PanelLanguage

    var html: String {
        let text = { (item: OrderText) in HTML.escape(item.in(language)) }
        var body = exported.map { "<p class=\"notice\" id=\"exported\">\(text(.exported)) \($0)</p>\n" } ?? ""
        body += "<h2>\(text(.projectsToExport))</h2>\n"
        if projects.isEmpty {
            body += "<p id=\"none-to-export\">\(text(.noneToExport))</p>\n"
        } else {
            body += "<table id=\"projects\">\n" + HTML.head([.project, .customer, .hours, .materials], language) + "<tbody>\n"
            for project in projects {
                let name = HTML.escape(project.name) + (project.number.map { " (\($0))" } ?? "")
                body += "<tr data-project=\"\(project.id)\"><td><a href=\"/orders/project/\(project.id)?lang=\(language.rawValue)\">\(name)</a></td>"
                    + "<td>\(HTML.escape(project.customerName ?? ""))</td><td>\(project.hours)</td><td>\(project.materials)</td></tr>\n"
            }
            body += "</tbody>\n</table>\n"
        }
        body += "<h2>\(text(.exports))</h2>\n"
        guard !exports.isEmpty else { return page(body + "<p id=\"no-exports\">\(text(.noExports))</p>\n") }
        body += "<table id=\"exports\">\n" + HTML.head([.orderNumber, .project, .lines, .net, .status, .created, .error], language) + "<tbody>\n"
        for export in exports.reversed() {
            let cells = [export.orderNumber.map(String.init) ?? "–", projectNames[export.projectId] ?? String(export.projectId), String(export.lines),
                         Decimal(string: export.netAmount).map { PanelNumber.amount($0, language) } ?? export.netAmount,
                         OrderText.state(export.state, language), LocalTime.string(export.createdAt), export.error ?? ""]
            body += "<tr data-order=\"\(export.orderNumber.map(String.init) ?? "")\" data-state=\"\(export.state.rawValue)\">"
                + cells.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return page(body + "</tbody>\n</table>\n")
    }

    func page(_ body: String) -> String {
        HTML.page(title: OrderText.orders.in(language), language: language, body: body)
    }
}
