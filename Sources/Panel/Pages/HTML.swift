import Synchronization
import Vocabulary

/// Text made safe for HTML, and the page around a panel page's content:
/// rendered on the server, no script needed to read it.
///
/// ```swift
/// HTML.escape("<Hansen & Søn>")   // "&lt;Hansen &amp; Søn&gt;"
/// HTML.escape("Sørensen\u{0} VVS")  // "Sørensen\\u{0} VVS"
/// ```
enum HTML {
    /// Whether this process's panel has a login (`--password-file`): then
    /// every page is seen by someone logged in, and the navigation offers
    /// "Log ud". Set once, when the panel is made (one panel per process).
    static let hasLogin = Atomic<Bool>(false)

    /// `text` with the characters HTML gives meaning to escaped (element text
    /// and quoted attributes), and its control characters written out as the
    /// CLI shows them (``VisibleText``): a page would drop a NUL unseen.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in VisibleText.escaped(text, keepingLineBreaks: true) {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A table's head row: `columns` in `language`.
    static func head(_ columns: [PanelText], _ language: PanelLanguage) -> String {
        head(columns.map { $0.in(language) })
    }

    /// A table's head row: `columns` (of the order pages) in `language`.
    static func head(_ columns: [OrderText], _ language: PanelLanguage) -> String {
        head(columns.map { $0.in(language) })
    }

    /// A table's head row of `titles`.
    static func head(_ titles: [String]) -> String {
        "<thead><tr>" + titles.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n"
    }

    /// A whole page: `title`, the navigation, and `body` (already HTML).
    static func page(title: String, language: PanelLanguage, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · econsync</title>
        <link rel="icon" href="data:,">
        <style>
        body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1d2733; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #d9dee4; vertical-align: top; }
        .state-failed, .state-needs-reconnect { color: #a4161a; font-weight: 600; }
        .state-running { color: #1c5d99; }
        .notice { background: #fff4d6; padding: .6rem; }
        nav a { margin-right: 1rem; }
        form.inline { display: inline; }
        #sync-all { margin-bottom: 1rem; }
        ul.reasons { margin: 0; padding-left: 1.1rem; }
        #dates { margin: .5rem 0 1rem; }
        .remedy { color: #3b4a5a; }
        figure { margin: 1rem 0 1.5rem; }
        figure svg { max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
        .legend span { margin-right: 1rem; }
        #lines th:nth-child(n+4), #lines td:nth-child(n+4) { text-align: right; }
        </style>
        </head>
        <body>
        <nav><a href="/?lang=\(language.rawValue)">\(escape(PanelText.overview.in(language)))</a>\
        <a href="/log?lang=\(language.rawValue)">\(escape(PanelText.log.in(language)))</a>\
        <a href="/pending?lang=\(language.rawValue)">\(escape(PanelText.pending.in(language)))</a>\
        <a href="/conflicts?lang=\(language.rawValue)">\(escape(PanelText.conflictJournal.in(language)))</a>\
        <a href="/audit?lang=\(language.rawValue)">\(escape(PanelText.audit.in(language)))</a>\
        <a href="/orders?lang=\(language.rawValue)">\(escape(OrderText.orders.in(language)))</a>\
        <a href="/settings?lang=\(language.rawValue)">\(escape(SettingsText.title.in(language)))</a>\
        <a href="/connection?lang=\(language.rawValue)">\(escape(PanelText.connection.in(language)))</a>\
        \(hasLogin.load(ordering: .relaxed) ? "<a href=\"/logout?lang=\(language.rawValue)\" id=\"log-out-link\">\(escape(PanelText.logOut.in(language)))</a>" : "")</nav>
        <h1>\(escape(title))</h1>
        \(body)
        </body>
        </html>
        """
    }
}
