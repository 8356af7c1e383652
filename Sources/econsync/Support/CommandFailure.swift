import Sync
import Vocabulary

/// A failure of a command that is not about the replica itself, in words:
/// in English, and in Danish when it is given its own (people read it in
/// the language econsync speaks; `--json` keeps the English).
///
/// ```swift
/// throw CommandFailure("\(path): kan ikke læses", "\(path): cannot be read")   // error: plan.json: cannot be read (exit 1)
/// throw CommandFailure("ikke forbundet til e-conomic", "not connected to e-conomic")
/// ```
struct CommandFailure: WordedError {
    static let domain = "command"
    /// Always `failed`: the message says what went wrong.
    var code: ErrorCode<CommandFailure> { "failed" }
    /// What went wrong, in English.
    var message: String
    /// What went wrong, in Danish; nil when the English is all there is.
    var danish: String?

    init(_ message: String) { self.message = message }

    init(_ danish: String, _ english: String) {
        self.message = english
        self.danish = danish
    }

    func message(_ language: Language) -> String { language == .da ? danish ?? message : message }
}
