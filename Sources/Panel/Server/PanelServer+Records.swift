import Blocking
import Foundation
import Hummingbird
import Replica
import Sync
import Vocabulary

extension PanelServer {
    /// "Venter" (GET /pending) and "Konflikter" (GET /conflicts), each for
    /// one module with `?module=`; the conflicts for the days `?from=` to
    /// `?to=` (YYYY-MM-DD, both included), a date that is none a 400 page.
    func addRecordPages(to router: Router<PanelContext>) {
        router.get("/pending") { request, _ in
            let language = Self.language(request)
            let module = request.uri.queryParameters.get("module").flatMap(Module.init(rawValue:))
            let page = try await Blocking.run { [self] in
                PendingPage(pending: try pendingRecords(module: module), module: module, language: language).html
            }
            return Self.html(page)
        }
        router.get("/conflicts") { request, _ in
            let language = Self.language(request)
            let query = request.uri.queryParameters
            let module = query.get("module").flatMap(Module.init(rawValue:))
            // An empty date field of the form is no bound.
            let (from, to) = (query.get("from").flatMap { $0.isEmpty ? nil : $0 }, query.get("to").flatMap { $0.isEmpty ? nil : $0 })
            for date in [from, to].compactMap(\.self) where Timestamp.bound(date) == nil {
                return Self.html(Self.badDatePage(date, language), status: .badRequest)
            }
            let page = try await Blocking.run { [self] in
                let entries = try replica.conflicts(since: from.flatMap { Timestamp.bound($0) }, until: to.flatMap { Timestamp.bound($0, dayAfter: true) },
                                                    module: module?.rawValue)
                return ConflictsPage(entries: entries, module: module, from: from, to: to, language: language).html
            }
            return Self.html(page)
        }
    }

    /// The page for `?from=` or `?to=` that is not a date: what was wrong and how to write one.
    static func badDatePage(_ date: String, _ language: PanelLanguage) -> String {
        let text = "\"\(date)\" \(PanelText.notADate.in(language)). \(PanelText.dateFormat.in(language))"
        return HTML.page(title: PanelText.badRequest.in(language), language: language,
                         body: "<p class=\"notice\" id=\"bad-request\">\(HTML.escape(text))</p>\n"
                            + "<p><a href=\"/conflicts?lang=\(language.rawValue)\">\(HTML.escape(PanelText.conflictJournal.in(language)))</a></p>\n")
    }
}
