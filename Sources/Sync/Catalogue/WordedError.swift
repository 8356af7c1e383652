import Vocabulary

/// A ``MessageError`` whose message the catalogue words in each
/// ``Language``: a front end shows it in the language it speaks, and its
/// ``MessageError/message`` is the English.
///
/// ```swift
/// catch let error as any WordedError { print(error.describe(wording, in: .da)) }
/// ```
public protocol WordedError: MessageError {
    /// What is wrong, in `language`.
    func message(_ language: Language) -> String

    /// The whole error in `language`, its remedy worded by `wording`: by default `message; remedy`.
    func describe(_ wording: any RemedyWording, in language: Language) -> String
}

extension WordedError {
    /// `message; remedy` in `language`, the remedy worded by `wording`.
    public func describe(_ wording: any RemedyWording, in language: Language) -> String {
        let message = message(language)
        return remedy.map { "\(message); \(wording.words(for: $0))" } ?? message
    }
}
