/// A coded error that is a message and, perhaps, a remedy, described as
/// `message; remedy` in the wording a front end chooses.
///
/// ```swift
/// struct ConfigError: MessageError { … }
/// ConfigError(.unknownSetting("x", guess: nil)).describe(wording)
/// // unknown setting "x"; run `econsync config show` for every setting
/// ```
public protocol MessageError: CodedError {
    /// What is wrong.
    var message: String { get }
}

extension MessageError {
    /// `message; remedy`.
    public func describe(_ wording: any RemedyWording) -> String {
        remedy.map { "\(message); \(wording.words(for: $0))" } ?? message
    }
}
