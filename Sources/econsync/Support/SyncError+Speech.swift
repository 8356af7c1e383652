import Sync
import Vocabulary

extension SyncError {
    /// The error's message and the action it names, as econsync speaks: in
    /// Danish headed by the brief's words for its kind ("Token udløbet: …"),
    /// the action worded in Danish; the message's own details stay as the library words them.
    var spokenDetail: String {
        Self.headed(detail(CommandLineWording()), kind: code)
    }

    /// `text` about an error of `kind` (as the library words it, or stored) as econsync speaks (or in `language`): in
    /// Danish headed by the brief's words for the kind, in place of the English ones when it starts with them.
    static func headed(_ text: String, kind: Code, in language: Language = Speech.language) -> String {
        guard language == .da, let danish = kind.headline(.da), let english = kind.headline(.en) else { return text }
        return text.hasPrefix(english) ? danish + text.dropFirst(english.count) : "\(danish): \(text)"
    }

    /// `module: ` and ``spokenDetail``.
    var spokenText: String {
        module.map { "\($0): \(spokenDetail)" } ?? spokenDetail
    }

    /// The "what to do" line's words for the brief's troubleshooting cases, as econsync speaks; nil when the kind has none.
    var spokenTroubleshooting: String? {
        troubleshooting.map { "\(Speech.say("hvad du kan gøre", "what to do")): \(CommandLineWording().words(for: $0))" }
    }
}
