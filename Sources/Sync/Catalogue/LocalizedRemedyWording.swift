import Vocabulary

/// A front end's wording of remedies that has words in each ``Language``:
/// a notification mail is worded in the mail's language (`smtp.language`),
/// whatever language the front end that ran the module speaks.
///
/// ```swift
/// let wording = (notifier.wording as? any LocalizedRemedyWording)?.in(.da) ?? notifier.wording
/// ```
public protocol LocalizedRemedyWording: RemedyWording {
    /// The same wording in `language`.
    func `in`(_ language: Language) -> any RemedyWording
}
