/// Why a field's value was refused, as data: the words are the front
/// end's, in its language (the English ones are ``description``, the
/// message a ``ReplicaError`` carries).
///
/// ```swift
/// FieldProblem.tooLong(characters: 300, max: 250).description
/// // is 300 characters long; e-conomic allows at most 250
/// ```
public enum FieldProblem: Sendable, Equatable, CustomStringConvertible {
    /// Text that must be there is empty (or only blanks).
    case empty
    /// Text longer than e-conomic takes.
    case tooLong(characters: Int, max: Int)
    /// A CVR number whose length or characters are wrong (the text as typed).
    case cvrLength(String)
    /// A CVR number that starts with 0.
    case cvrLeadingZero(String)
    /// A CVR number whose modulus-11 check fails.
    case cvrChecksum(String)
    /// Not `name@host`.
    case notEmail(String)
    /// Not a calendar date written `YYYY-MM-DD`.
    case notDate(String)
    /// Not a time written `YYYY-MM-DDTHH:MM:SSZ`.
    case notTime(String)
    /// An amount below 0 (the amount as people write it).
    case negativeAmount(String)
    /// An amount with more than two decimals.
    case tooManyDecimals(String)
    /// A quantity that must be greater than 0.
    case notPositive(String)
    /// Text with a NUL character.
    case nul
    /// Text with a control character (its code, `000B`); `multiLine` when line breaks and tabs are allowed.
    case controlCharacter(code: String, multiLine: Bool)
    /// A number that is not finite.
    case notNumber(String)
    /// A number above 999999999.99.
    case tooLarge(String)

    /// The problem in English, as econsync has always worded it.
    public var description: String {
        switch self {
        case .empty: "must not be empty"
        case .tooLong(let characters, let max): "is \(characters) characters long; e-conomic allows at most \(max)"
        case .cvrLength(let text): "\"\(text)\" is not a CVR number: a CVR number has exactly 8 digits"
        case .cvrLeadingZero(let text): "\"\(text)\" is not a CVR number: a CVR number never starts with 0"
        case .cvrChecksum(let text): "\"\(text)\" is not a valid CVR number (modulus-11 check failed)"
        case .notEmail(let text): "\"\(text)\" is not an e-mail address"
        case .notDate(let text): "\"\(text)\" is not a date: write it as YYYY-MM-DD"
        case .notTime(let text): "\"\(text)\" is not a time: write it as YYYY-MM-DDTHH:MM:SSZ, e.g. 2026-11-02T15:00:00Z"
        case .negativeAmount(let amount): "\(amount) is not a valid amount: it must be 0 or more"
        case .tooManyDecimals(let amount): "\(amount) has more than two decimals; e-conomic accepts at most two"
        case .notPositive(let amount): "\(amount) is not allowed: it must be greater than 0"
        case .nul: "contains a NUL character (\\u0000), which would cut the text short"
        case .controlCharacter(let code, let multiLine):
            "contains the control character U+\(code); "
                + (multiLine ? "only line breaks and tabs are allowed" : "text may not hold control characters or line breaks")
        case .notNumber(let value): "\(value) is not a number"
        case .tooLarge(let value): "\(value) is too large: at most 999999999.99"
        }
    }
}
