import Foundation
import Sync
import Replica
import Vocabulary

/// "Oversigt": the eight modules as the brief shows them: state, last run,
/// last success, next run, what the last run did, API calls today, and the
/// error of the last run with its headline in the brief's words.
struct OverviewPage {
    var reports: [ModuleReport]
    var language: PanelLanguage
    var now: Date

    var html: String {
        let text = { (item: PanelText) in HTML.escape(item.in(language)) }
        var body = ""
        if reports.contains(where: \.paused) { body += "<p class=\"notice\" id=\"paused\">\(text(.pausedNotice))</p>\n" }
        body += "<table id=\"modules\">\n<thead><tr>"
        for column: PanelText in [.module, .state, .lastRun, .lastSuccess, .nextRun, .lastRunDid, .apiCallsToday, .errors] {
            body += "<th>\(text(column))</th>"
        }
        body += "</tr></thead>\n<tbody>\n"
        for report in reports { body += row(report) }
        body += "</tbody>\n</table>\n"
        return HTML.page(title: PanelText.overview.in(language), language: language, body: body)
    }

    func row(_ report: ModuleReport) -> String {
        let text = { (item: PanelText) in item.in(language) }
        let state = text(PanelText.state(report.state)) + (report.paused ? " (\(text(.paused)))" : "")
        let did = "\(report.pulled) \(text(.pulled)), \(report.pushed) \(text(.pushed)), \(report.skipped) \(text(.skipped)), "
            + "\(report.blocked) \(text(.blocked)), \(report.conflicts) \(text(.conflicts))"
        let next = report.manual ? text(.manual) : report.nextDue.map { time($0, orNow: true) } ?? "—"
        var error = HTML.escape(text(.noError))
        if let message = report.lastError {
            let headline = report.lastErrorKind.map { PanelText.headline(SyncError.Code($0), language) }
            error = "<strong>\(HTML.escape(headline ?? ""))</strong><br><span class=\"detail\">\(HTML.escape(message))</span>"
        }
        let cells = [
            HTML.escape("\(report.number) \(PanelText.module(report.module, language))"),
            "<span class=\"state-\(report.state.rawValue.replacingOccurrences(of: " ", with: "-"))\">\(HTML.escape(state))</span>",
            HTML.escape(report.lastStart.map { time($0) } ?? text(.never)),
            HTML.escape(report.lastSuccess.map { time($0) } ?? text(.never)),
            HTML.escape(next), HTML.escape(did), String(report.apiCallsToday), error,
        ]
        return "<tr data-module=\"\(report.module.rawValue)\">" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
    }

    /// A stored UTC time in the local zone, with its name (as the CLI shows it): `2026-11-02 09:00 CET`.
    func time(_ stamp: String, orNow: Bool = false) -> String {
        if orNow, let date = Timestamp.date(stamp), date <= now { return PanelText.now.in(language) }
        return LocalTime.string(stamp)
    }
}
