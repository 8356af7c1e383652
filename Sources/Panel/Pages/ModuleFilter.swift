import Vocabulary

/// The row of links that narrows a page to one module ("Alle moduler ·
/// Enheder · Varer · …"), the chosen one in bold; each link keeps the page's
/// other filters and language.
///
/// ```swift
/// ModuleFilter(path: "/log", selected: .units, language: .da).html
/// // <p class="filter"><a href="/log?lang=da">Alle moduler</a> · <strong>Enheder</strong> · …</p>
/// ```
struct ModuleFilter {
    var path: String
    var selected: Module?
    var language: PanelLanguage
    /// The page's other filters, kept by every link (name, value), already valid query text.
    var keep: [(String, String)] = []

    var html: String {
        "<p class=\"filter\">" + ([nil] + Module.allCases).map { choice in
            let name = choice.map { PanelText.module($0, language) } ?? PanelText.allModules.in(language)
            let query = (choice.map { [("module", $0.rawValue)] } ?? []) + keep + [("lang", language.rawValue)]
            let href = path + "?" + query.map { "\($0.0)=\($0.1)" }.joined(separator: "&amp;")
            return choice == selected ? "<strong>\(HTML.escape(name))</strong>" : "<a href=\"\(href)\">\(HTML.escape(name))</a>"
        }.joined(separator: " · ") + "</p>\n"
    }
}
