import Vocabulary

/// A plan file that cannot be read back: what is wrong with it.
///
/// ```swift
/// throw PlanError("\"operations\" must be an array")   // invalid plan: "operations" must be an array
/// ```
public struct PlanError: CodedError, Equatable {
    public static let domain = "plan"
    /// Always `invalid`: the message says what is wrong.
    public var code: ErrorCode<PlanError> { "invalid" }
    /// What is wrong with the plan.
    public var message: String

    public init(_ message: String) { self.message = message }

    /// `invalid plan: message`.
    public func describe(_ wording: any RemedyWording) -> String { "invalid plan: \(message)" }
}
