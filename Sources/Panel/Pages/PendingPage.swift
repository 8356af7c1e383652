import Sync
import Vocabulary

/// "Venter": every record not in e-conomic as Mobilplan has it (one
/// module's with `?module=`), where it stands, each reason and what to do:
/// the answers `econsync why` gives, one record at a time.
struct PendingPage {
    var pending: PendingRecords
    var module: Module?
    var language: PanelLanguage

    var html: String {
        var body = ModuleFilter(path: "/pending", selected: module, language: language).html
        if pending.total == 0 {
            body += "<p id=\"nothing-pending\">\(HTML.escape(PendingRecords.nothingWaits(language)))</p>\n"
            return HTML.page(title: PanelText.pending.in(language), language: language, body: body)
        }
        if let shown = pending.shown(language) { body += "<p class=\"notice\">\(HTML.escape(shown))</p>\n" }
        body += "<table id=\"pending\">\n" + HTML.head([.module, .record, .state, .reasons, .whatToDo], language) + "<tbody>\n"
        for status in pending.records { body += row(status) }
        body += "</tbody>\n</table>\n"
        return HTML.page(title: PanelText.pending.in(language), language: language, body: body)
    }

    func row(_ status: RecordStatus) -> String {
        var record = "\(status.kind.name(language)) \(status.id)" + (status.name.map { " (\($0))" } ?? "")
        if let key = status.economicKey { record += ", e-conomic \(key)" }
        let reasons = status.reasons.map { PanelText.reason($0, language) }
        let why = reasons.map { reason in
            "<li>" + HTML.escape(reason.headline) + (reason.detail.map { "<br><span class=\"detail\">\(HTML.escape($0))</span>" } ?? "") + "</li>"
        }
        let remedies = reasons.map { "<li class=\"remedy\">\(HTML.escape($0.remedy))</li>" }
        let cells = [
            HTML.escape(PanelText.module(status.module, language)), HTML.escape(record),
            HTML.escape(PanelText.recordState(status.state).in(language)),
            "<ul class=\"reasons\">" + why.joined() + "</ul>", "<ul class=\"reasons\">" + remedies.joined() + "</ul>",
        ]
        let codes = status.reasons.map(\.code).joined(separator: " ")
        return "<tr data-kind=\"\(status.kind.rawValue)\" data-id=\"\(status.id)\" data-reasons=\"\(codes)\">"
            + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
    }
}
