import Vocabulary

/// Why an order export cannot go ahead, and what to do about it.
///
/// Callers match on ``code``; the ``description`` is the message a user reads.
/// New failures are new codes, declared where they arise:
///
/// ```swift
/// extension ErrorCode where Domain == OrderExportError {
///     static var customerNotFound: Self { "customerNotFound" }
/// }
/// throw OrderExportError(.customerNotFound, "project 12 has no customer in e-conomic",
///                        advice: "link the project to a customer and export again")
/// ```
public struct OrderExportError: CodedError, Equatable {
    public static let domain = "orderExport"

    /// A stable name for one kind of failure, to match on; more codes can be added in extensions.
    public typealias Code = ErrorCode<OrderExportError>

    /// Which kind of failure this is.
    public var code: Code
    /// What is wrong, naming the offending value.
    public var message: String
    /// What to do about it, in words (empty when there is nothing to add).
    public var advice: String
    /// For ``Code/invalidTemplate``: what is wrong with the template, as data.
    public var problem: OrderTemplate.Problem?

    /// Creates an error with a code, what is wrong and what to do about it.
    public init(_ code: Code, _ message: String, advice: String) {
        self.code = code
        self.message = message
        self.advice = advice
    }

    /// The message followed by what to do about it.
    public func describe(_ wording: any RemedyWording) -> String { advice.isEmpty ? message : "\(message); \(advice)" }
}
