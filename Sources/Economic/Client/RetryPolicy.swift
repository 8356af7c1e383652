/// When and how long to wait before trying a request again: exponential
/// backoff with full jitter, honouring `Retry-After`, for 429, 5xx and
/// network failures; never for other 4xx answers. A 429 that does not say
/// when to come back (no `Retry-After`, no used-up `X-RateLimiting`) is
/// retried until e-conomic's rate-limit window has passed.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 6, baseDelay: 0.5, maxDelay: 30)
/// policy.delay(attempt: 3, retryAfter: nil, jitter: 0.5)   // 1.5 s
/// policy.nextDelay(after: 6, waited: 20, refusal: .rateLimitedWithoutHint, jitter: 0.5)   // 40 s: the rest of the window
/// ```
public struct RetryPolicy: Sendable, Equatable {
    /// Why the last attempt failed, as far as retrying cares.
    public enum Refusal: Sendable, Equatable {
        /// A 5xx, 408 or network failure; or a 429 that said how long to wait (seconds).
        case transient(retryAfter: Double?)
        /// A 429 with no hint of when the budget returns.
        case rateLimitedWithoutHint
    }

    /// Tries in all, the first included.
    public var maxAttempts: Int
    /// The delay ceiling after the first failure, in seconds; it doubles with each attempt.
    public var baseDelay: Double
    /// The longest delay, in seconds.
    public var maxDelay: Double
    /// e-conomic's rate-limit window in seconds (its token bucket refills per
    /// 60 seconds): a request refused with 429 and no hint is given up only
    /// after this much waiting.
    public var rateLimitWindow: Double

    public init(maxAttempts: Int = 6, baseDelay: Double = 0.5, maxDelay: Double = 30, rateLimitWindow: Double = 60) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.rateLimitWindow = rateLimitWindow
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

    /// Seconds to wait before trying again after failed attempt number
    /// `attempt`, having `waited` seconds in all so far; nil to give up.
    /// Tries stop after ``maxAttempts``, except that a 429 without a hint is
    /// given up only once ``rateLimitWindow`` seconds were waited: the try
    /// that would be the last waits out the rest of the window first.
    public func nextDelay(after attempt: Int, waited: Double, refusal: Refusal, jitter: Double) -> Double? {
        switch refusal {
        case .transient(let retryAfter):
            guard attempt < maxAttempts else { return nil }
            return delay(attempt: attempt, retryAfter: retryAfter, jitter: jitter)
        case .rateLimitedWithoutHint:
            if attempt >= maxAttempts, waited >= rateLimitWindow { return nil }
            let backoff = delay(attempt: attempt, retryAfter: nil, jitter: jitter)
            return attempt + 1 >= maxAttempts ? max(backoff, rateLimitWindow - waited) : backoff
        }
    }
}
