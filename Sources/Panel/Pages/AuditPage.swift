import Foundation
import Replica
import Sync
import Vocabulary

/// "Revision": run an audit of Mobilplan against a fresh snapshot of
/// e-conomic (in the background; the page reloads itself while it runs), and
/// read the last one's findings: per kind the records that match and each
/// problem's count, then every discrepancy with the fields that differ.
struct AuditPage {
    var running: Bool
    var last: PanelAudits.Finished?
    var failure: String?
    var csrf: String
    var language: PanelLanguage

    var html: String {
        let text = { (item: PanelText) in HTML.escape(item.in(language)) }
        var body = "<form method=\"post\" action=\"/audit?lang=\(language.rawValue)\" id=\"run-audit\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\">"
            + "<button type=\"submit\"\(running ? " disabled" : "")>\(text(.runAudit))</button></form>\n"
        if running { body += "<p class=\"notice\" id=\"audit-running\">\(text(.auditRunning))</p>\n" }
        if let failure { body += "<p class=\"notice\" id=\"audit-failed\"><strong>\(text(.auditFailed))</strong>: \(HTML.escape(failure))</p>\n" }
        guard let last else {
            if !running { body += "<p id=\"no-audit\">\(text(.noAuditYet))</p>\n" }
            return page(body)
        }
        body += "<p id=\"audit-of\">\(text(.auditAgainst)) \(HTML.escape(last.file)), \(text(.auditTaken)) \(HTML.escape(LocalTime.string(last.at)))</p>\n"
        body += counts(last.audit)
        if last.audit.isClean {
            body += "<p id=\"audit-clean\">\(text(.auditClean))</p>\n"
        } else {
            body += "<table id=\"findings\">\n" + HTML.head([.record, .problem, .field, .mobilplan, .economic], language) + "<tbody>\n"
            for finding in last.audit.findings { body += row(finding) }
            body += "</tbody>\n</table>\n"
        }
        return page(body)
    }

    func page(_ body: String) -> String {
        // While the audit runs the page reloads itself every two seconds (no script: the CSP allows none inline).
        let refresh = running ? "<meta http-equiv=\"refresh\" content=\"2\">\n" : ""
        return HTML.page(title: PanelText.audit.in(language), language: language, body: refresh + body)
    }

    /// Per kind: records matching, and each problem's count.
    func counts(_ audit: Audit) -> String {
        var html = "<table id=\"audit-counts\">\n" + HTML.head([.record, .matching, .problems], language) + "<tbody>\n"
        for kind in audit.counts.keys.sorted() {
            let counts = audit.counts[kind]!
            let problems = counts.filter { $0.key != "matching" }.sorted { $0.key < $1.key }.map { name, count in
                "\(Audit.Finding.Problem(rawValue: name).map { PanelText.problem($0, language) } ?? name) \(count)"
            }
            html += "<tr data-kind=\"\(kind.rawValue)\"><td>\(HTML.escape(kind.name(language)))</td><td>\(counts["matching"] ?? 0)</td>"
                + "<td>\(HTML.escape(problems.joined(separator: ", ")))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    func row(_ finding: Audit.Finding) -> String {
        let record = "\(finding.kind.name(language)) \(finding.key)"
        let problem = PanelText.problem(finding.problem, language)
        let attributes = "data-kind=\"\(finding.kind.rawValue)\" data-key=\"\(HTML.escape(finding.key))\" data-problem=\"\(HTML.escape(finding.problem.rawValue))\""
        guard !finding.fields.isEmpty else {
            return "<tr \(attributes)><td>\(HTML.escape(record))</td><td>\(HTML.escape(problem))</td><td></td><td></td><td></td></tr>\n"
        }
        return finding.fields.map { field in
            "<tr \(attributes)>" + [record, problem, field.field, field.replica, field.economic].map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
        }.joined()
    }
}
