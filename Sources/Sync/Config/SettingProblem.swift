import Reconcile

/// Why a value does not fit a setting: data that the catalogue words in each
/// language (see ``words(_:)``), in English its ``description``.
///
/// ```swift
/// try ConfigKey.named("orders.grouping").check("weekly")
/// // .notOneOf(["none", "type", "type-employee", "date", "product"]): "must be one of none, type, …"
/// ```
public enum SettingProblem: Sendable, Equatable, CustomStringConvertible {
    /// Neither of the two values it takes (`true` or `false`, `mobilplan` or `economic`).
    case notEither(String, String)
    /// None of the values of a closed set.
    case notOneOf([String])
    /// Not a whole number in the range (an upper bound of `Int.max` means none).
    case notWholeNumber(ClosedRange<Int>)
    /// Not the number of an e-conomic group of this kind (1 or more).
    case notGroupNumber(Group)
    /// Empty text.
    case empty
    /// Text longer than this many characters.
    case tooLong(max: Int)
    /// An SMTP server address without `smtp://` or `smtps://`.
    case notSMTPAddress
    /// Not an e-mail address.
    case notEmailAddress
    /// Not e-mail addresses separated by commas.
    case notEmailAddresses
    /// Not a UTC time (`2026-11-02T08:00:00Z`).
    case notUTCTime
    /// Not an order line template.
    case template(OrderTemplate.Problem)

    /// The e-conomic groups a setting names by number.
    public enum Group: Sendable, Equatable {
        case product, project
    }

    public var description: String {
        switch self {
        case .notEither(let one, let other): "must be \(one) or \(other)"
        case .notOneOf(let values): "must be one of " + values.joined(separator: ", ")
        case .notWholeNumber(let range) where range.upperBound == Int.max: "must be a whole number, \(range.lowerBound) or more"
        case .notWholeNumber(let range): "must be a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .notGroupNumber(let group): "must be a \(group == .product ? "product" : "project") group number (1 or more)"
        case .empty: "must not be empty"
        case .tooLong(let max): "must be at most \(max) characters"
        case .notSMTPAddress: "must start with smtp:// or smtps://"
        case .notEmailAddress: "must be an e-mail address"
        case .notEmailAddresses: "must be e-mail addresses separated by commas"
        case .notUTCTime: "must be a UTC time like 2026-11-02T08:00:00Z"
        case .template(let problem): problem.description
        }
    }
}
