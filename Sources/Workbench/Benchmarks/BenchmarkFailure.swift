import Vocabulary

/// A benchmark that could not measure what it set out to (its fixture is
/// wrong, a tool failed, a result does not add up), in words.
///
/// ```swift
/// throw BenchmarkFailure("`gzip -dc` failed with status 1")   // error: `gzip -dc` failed with status 1 (exit 1)
/// ```
public struct BenchmarkFailure: CodedError {
    public static let domain = "bench"
    /// Always `failed`: the message says what went wrong.
    public var code: ErrorCode<BenchmarkFailure> { "failed" }
    /// What went wrong.
    public var message: String
    public init(_ message: String) { self.message = message }
    public func describe(_ wording: any RemedyWording) -> String { message }
}
