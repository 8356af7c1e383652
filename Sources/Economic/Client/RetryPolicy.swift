/// When and how long to wait before trying a request again: exponential
/// backoff with full jitter, honouring `Retry-After`, for 429, 5xx and
/// network failures; never for other 4xx answers.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 6, baseDelay: 0.5, maxDelay: 30)
/// policy.delay(attempt: 3, retryAfter: nil, jitter: 0.5)   // 1.0 s
/// ```
public struct RetryPolicy: Sendable, Equatable {
    /// Tries in all, the first included.
    public var maxAttempts: Int
    /// The delay ceiling after the first failure, in seconds; it doubles with each attempt.
    public var baseDelay: Double
    /// The longest delay, in seconds.
    public var maxDelay: Double

    public init(maxAttempts: Int = 6, baseDelay: Double = 0.5, maxDelay: Double = 30) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Whether a response with `status` is worth another try.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 408 || (500...599).contains(status)
    }

    /// Seconds to wait after failed attempt number `attempt` (1-based);
    /// `jitter` in 0..<1 picks a point below the exponential ceiling; a
    /// server's `Retry-After` is a floor.
    public func delay(attempt: Int, retryAfter: Double?, jitter: Double) -> Double {
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 20)))
        let backoff = ceiling * (0.5 + jitter / 2)
        return max(backoff, min(retryAfter ?? 0, maxDelay * 4))
    }
}
