import Replica
import Sync
import Vocabulary

/// "Log": the run history, newest first (one module's with `?module=`), with
/// what each run did and its error, and the notifications sent or suppressed.
struct LogPage {
    var runs: [ModuleRun]
    var notifications: [NotificationEntry]
    var module: Module?
    var language: PanelLanguage

    var html: String {
        let text = { (item: PanelText) in HTML.escape(item.in(language)) }
        var body = ModuleFilter(path: "/log", selected: module, language: language).html
        body += "<table id=\"runs\">\n" + HTML.head([.module, .started, .ended, .outcome, .lastRunDid, .apiCalls, .errors], language) + "<tbody>\n"
        for run in runs {
            let name = Module(rawValue: run.module).map { PanelText.module($0, language) } ?? run.module
            let marks = (run.forced ? " (\(PanelText.forced.in(language)))" : "") + (run.full ? " (\(PanelText.full.in(language)))" : "")
            let did = "\(run.pulled) \(PanelText.pulled.in(language)), \(run.pushed) \(PanelText.pushed.in(language)), "
                + "\(run.skipped) \(PanelText.skipped.in(language)), \(run.blocked) \(PanelText.blocked.in(language))"
            let error = run.error.map { message in
                let headline = run.errorKind.map { PanelText.headline(SyncError.Code($0), language) } ?? ""
                return "<strong>\(HTML.escape(headline))</strong><br>\(HTML.escape(RunProblem(stored: message).words(language)))"
            } ?? ""
            let cells = [HTML.escape(name + marks), HTML.escape(LocalTime.string(run.startedAt)), HTML.escape(run.endedAt.map(LocalTime.string) ?? "—"),
                         HTML.escape(PanelText.outcome(run.outcome).in(language)), HTML.escape(did), String(run.apiCalls), error]
            body += "<tr data-run=\"\(run.id.map(String.init) ?? "")\">" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n<h2>\(text(.notifications))</h2>\n<table id=\"notifications\">\n"
            + HTML.head([.module, .at, .errors, .state], language) + "<tbody>\n"
        for entry in notifications {
            let name = Module(rawValue: entry.module).map { PanelText.module($0, language) } ?? entry.module
            let cells = [name, LocalTime.string(entry.at), PanelText.headline(SyncError.Code(entry.errorKind), language),
                         PanelText.notification(entry.state).in(language)]
            body += "<tr>" + cells.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
        }
        body += "</tbody>\n</table>\n"
        return HTML.page(title: PanelText.log.in(language), language: language, body: body)
    }
}
