/// The language a page is written in: Danish, the office's, unless English
/// is asked for (`?lang=en`) or the browser prefers it.
///
/// ```swift
/// PanelLanguage.negotiate(query: "en", acceptLanguage: nil)           // .en
/// PanelLanguage.negotiate(query: nil, acceptLanguage: "en-GB,en;q=0.8") // .en
/// PanelLanguage.negotiate(query: nil, acceptLanguage: "da,en;q=0.5")    // .da
/// ```
public enum PanelLanguage: String, Sendable, CaseIterable {
    case da, en

    /// The language `?lang=` names, else the first of the browser's languages
    /// that the panel speaks, else Danish.
    public static func negotiate(query: String?, acceptLanguage: String?) -> PanelLanguage {
        if let query, let chosen = PanelLanguage(rawValue: query.lowercased()) { return chosen }
        for item in (acceptLanguage ?? "").split(separator: ",") {
            let tag = item.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
            if let chosen = PanelLanguage(rawValue: String(tag.prefix(2))) { return chosen }
        }
        return .da
    }
}
