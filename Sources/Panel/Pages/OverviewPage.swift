import Foundation
import Sync
import Replica
import Vocabulary
import Synchronization

/// "Oversigt": the eight modules as the brief shows them: state, last run,
/// last success, next run, what the last run did, API calls today, and the
/// error of the last run with its headline in the brief's words; a
/// "Synkroniser nu" button per module and one for all, which respect the
/// cooldown ("kan køre igen kl. HH:MM", with "Tving" asking first), and the
/// live progress of a running module.
struct OverviewPage {
    var reports: [ModuleReport]
    var language: PanelLanguage
    var now: Date
    var cooldown: TimeInterval = 15 * 60
    /// The token the page's forms carry.
    var csrf = ""
    /// Modules running from the panel, with their progress.
    var running: [Module: PanelRuns.Progress] = [:]
    /// What the panel's last sync could not do.
    var notices: [String] = []
    /// The runs of the last 24 hours, for the pictures of API calls and runs.
    var runs: [ModuleRun] = []
    var html: String {
        let text = { (item: PanelText) in HTML.escape(item.in(language)) }
        // With a login, "Log ud" right here too, besides the navigation's.
        var body = HTML.hasLogin.load(ordering: .relaxed) ? form(action: "/logout", label: .logOut, id: "log-out", disabled: false) + "\n" : ""
        let paused = reports.contains(where: \.paused)
        if paused { body += "<p class=\"notice\" id=\"paused\">\(text(.pausedNotice))</p>\n" }
        for notice in notices { body += "<p class=\"notice\">\(HTML.escape(notice))</p>\n" }
        body += form(action: "/sync", label: .syncAll, id: "sync-all", disabled: paused || !running.isEmpty)
        body += "<table id=\"modules\">\n"
            + HTML.head([.module, .state, .lastRun, .lastSuccess, .nextRun, .lastRunDid, .apiCallsToday, .errors, .action], language) + "<tbody>\n"
        for report in reports { body += row(report) }
        body += "</tbody>\n</table>\n"
        body += ApiCallsChart(runs: runs, now: now, language: language).html + RunTimeline(runs: runs, now: now, language: language).html
        body += "<script src=\"/panel.js\"></script>\n"
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
            error = "<strong>\(HTML.escape(headline ?? ""))</strong><br><span class=\"detail\">\(HTML.escape(message.words(language)))</span>"
        }
        let cells = [
            HTML.escape("\(report.number) \(PanelText.module(report.module, language))"),
            "<span class=\"state-\(report.state.rawValue.replacingOccurrences(of: " ", with: "-"))\">\(HTML.escape(state))</span>",
            HTML.escape(report.lastStart.map { time($0) } ?? text(.never)),
            HTML.escape(report.lastSuccess.map { time($0) } ?? text(.never)),
            HTML.escape(next), HTML.escape(did), String(report.apiCallsToday), error, action(report),
        ]
        let isRunning = running[report.module] != nil || report.state == .running
        return "<tr data-module=\"\(report.module.rawValue)\" data-running=\"\(isRunning)\">" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
    }

    /// The module's button: "Synkroniser nu", or, inside the cooldown, when it may run again and "Tving".
    func action(_ report: ModuleReport) -> String {
        let module = report.module.rawValue
        let progress = "<span class=\"progress\"></span>"
        let end = report.lastEnd.flatMap(Timestamp.date).map { $0.addingTimeInterval(cooldown) }
        let blocked = report.paused || report.state == .disabled || report.state == .running || !running.isEmpty
        if let end, end > now, !report.manual, !blocked {
            let again = "\(PanelText.canRunAgainAt.in(language)) \(LocalTime.string(end).split(separator: " ")[1])"
            return "<button type=\"button\" disabled>\(HTML.escape(PanelText.syncNow.in(language)))</button> "
                + "<span class=\"again\">\(HTML.escape(again))</span> "
                + "<a class=\"force\" href=\"/force/\(module)?lang=\(language.rawValue)\">\(HTML.escape(PanelText.force.in(language)))…</a>" + progress
        }
        return form(action: "/sync/\(module)", label: .syncNow, id: "sync-\(module)", disabled: blocked) + progress
    }

    /// A form of one button that POSTs to `action` with the page's token.
    func form(action: String, label: PanelText, id: String, disabled: Bool) -> String {
        "<form method=\"post\" action=\"\(action)?lang=\(language.rawValue)\" class=\"inline\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(csrf))\">"
            + "<button type=\"submit\" id=\"\(id)\"\(disabled ? " disabled" : "")>\(HTML.escape(label.in(language)))</button></form>"
    }

    /// A stored UTC time in the local zone, with its name (as the CLI shows it): `2026-11-02 09:00 CET`.
    func time(_ stamp: String, orNow: Bool = false) -> String {
        if orNow, let date = Timestamp.date(stamp), date <= now { return PanelText.now.in(language) }
        return LocalTime.string(stamp)
    }
}
