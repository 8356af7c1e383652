import Foundation
import Reconcile
import Replica
import Sync
import Vocabulary

/// "Konflikter": the conflict journal, newest first (one module's with
/// `?module=`, the days from `?from=` to `?to=` inclusive): each field
/// changed on both sides with its value before, in Mobilplan and in
/// e-conomic, which side won and by which rule (in the page's language: "e-conomic
/// er master for Kunder (standard)"), as `econsync conflicts` lists them.
struct ConflictsPage {
    var entries: [ConflictEntry]
    var module: Module?
    /// The days asked for, as given (already checked to be days).
    var from: String?
    var to: String?
    var language: PanelLanguage

    var html: String {
        let text = { (item: PanelText) in HTML.escape(item.in(language)) }
        let dates = [("from", from), ("to", to)].compactMap { name, value in value.map { (name, HTML.escape($0)) } }
        var body = ModuleFilter(path: "/conflicts", selected: module, language: language, keep: dates).html
        body += "<form method=\"get\" action=\"/conflicts\" id=\"dates\">"
            + (module.map { "<input type=\"hidden\" name=\"module\" value=\"\($0.rawValue)\">" } ?? "")
            + "<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">"
            + "<label>\(text(.from)) <input type=\"date\" name=\"from\" value=\"\(HTML.escape(from ?? ""))\"></label> "
            + "<label>\(text(.to)) <input type=\"date\" name=\"to\" value=\"\(HTML.escape(to ?? ""))\"></label> "
            + "<button type=\"submit\">\(text(.show))</button></form>\n"
        guard !entries.isEmpty else {
            return HTML.page(title: PanelText.conflictJournal.in(language), language: language, body: body + "<p id=\"no-conflicts\">\(text(.noConflicts))</p>\n")
        }
        body += "<table id=\"conflicts\">\n"
            + HTML.head([.decided, .module, .record, .field, .base, .mobilplan, .economic, .winner, .rule], language) + "<tbody>\n"
        for entry in entries.reversed() { body += row(entry) }
        body += "</tbody>\n</table>\n"
        return HTML.page(title: PanelText.conflictJournal.in(language), language: language, body: body)
    }

    func row(_ entry: ConflictEntry) -> String {
        let module = Module(rawValue: entry.module)
        let kind = Kind(rawValue: entry.kind)?.name(language) ?? entry.kind
        let winner = Side(rawValue: entry.winner).map { $0 == .mobilplan ? PanelText.mobilplan : .economic }?.in(language) ?? entry.winner
        let cells = [LocalTime.string(entry.decidedAt), module.map { PanelText.module($0, language) } ?? entry.module, "\(kind) \(entry.recordKey)",
                     entry.field, Self.value(entry.baseValue), Self.value(entry.localValue), Self.value(entry.remoteValue), winner,
                     MasterRule(text: entry.rule)?.words(language) ?? entry.rule]
        return "<tr data-module=\"\(HTML.escape(entry.module))\" data-winner=\"\(HTML.escape(entry.winner))\">"
            + cells.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
    }

    /// A value the journal keeps as JSON text, as the office reads it: text without its quotes, "—" when the field was absent.
    static func value(_ json: String?) -> String {
        guard let json else { return "—" }
        return (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String) ?? json
    }
}
