import Sync
import Vocabulary

extension SyncError {
    /// The error's message and the action it names, as econsync speaks: in
    /// Danish headed by the brief's words for its kind ("Token udløbet: …"),
    /// the action worded in Danish; the message's own details stay as the library words them.
    var spokenDetail: String {
        Self.headed(detail(CommandLineWording(), in: Speech.language), kind: code)
    }

    /// `text` about an error of `kind` (as the library words it, or stored) as econsync speaks (see ``SyncError/Code/heading(_:in:)``).
    static func headed(_ text: String, kind: Code) -> String {
        kind.heading(text, in: Speech.language)
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
