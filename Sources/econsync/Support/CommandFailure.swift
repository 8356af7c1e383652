import Vocabulary

/// A failure of a command that is not about the replica itself, in words.
///
/// ```swift
/// throw CommandFailure("\(path): cannot be read")   // error: plan.json: cannot be read (exit 1)
/// ```
struct CommandFailure: CodedError {
    static let domain = "command"
    /// Always `failed`: the message says what went wrong.
    var code: ErrorCode<CommandFailure> { "failed" }
    /// What went wrong.
    var message: String
    init(_ message: String) { self.message = message }
    func describe(_ wording: any RemedyWording) -> String { message }
}
