/// The language econsync speaks to people: Danish, the office's, or
/// English. The panel asks the browser; the command line asks the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`) or `--lang`; the mails follow `smtp.language`.
///
/// ```swift
/// Language.negotiate(query: nil, acceptLanguage: "da,en;q=0.5")     // .da
/// Language.of(environment: ["LANG": "da_DK.UTF-8"])                  // .da
/// Language.of(environment: ["LC_ALL": "C", "LANG": "da_DK.UTF-8"])   // .en
/// ```
public enum Language: String, Sendable, CaseIterable {
    case da, en

    /// The language `?lang=` names, else the first of the browser's languages
    /// that econsync speaks, else Danish.
    public static func negotiate(query: String?, acceptLanguage: String?) -> Language {
        if let query, let chosen = Language(rawValue: query.lowercased()) { return chosen }
        for item in (acceptLanguage ?? "").split(separator: ",") {
            let tag = item.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
            if let chosen = Language(rawValue: String(tag.prefix(2))) { return chosen }
        }
        return .da
    }

    /// The language of a locale environment as POSIX reads it: the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty; Danish
    /// when it names Danish (`da`, `da_DK.UTF-8`), English otherwise.
    public static func of(environment: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let language = locale.prefix { $0 != "_" && $0 != "." && $0 != "@" }.lowercased()
        return language == "da" ? .da : .en
    }
}
