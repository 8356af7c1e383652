import Foundation

/// e-conomic's call budget: `limit` tokens that refill evenly over `window`
/// seconds; each call takes its cost, and an empty bucket answers 429.
/// Reported as `X-RateLimiting: token-limit-10000-per-60-seconds: used/10000`.
struct TokenBucket: Sendable {
    let limit: Int
    let window: TimeInterval
    private(set) var available: Double
    private var updated: Date

    init(limit: Int, window: TimeInterval, now: Date) {
        self.limit = max(1, limit)
        self.window = max(0.001, window)
        available = Double(self.limit)
        updated = now
    }

    var refillPerSecond: Double { Double(limit) / window }

    mutating func refill(_ now: Date) {
        let elapsed = now.timeIntervalSince(updated)
        if elapsed > 0 {
            available = min(Double(limit), available + elapsed * refillPerSecond)
            updated = now
        }
    }

    /// Takes `cost` tokens; nil when granted, else the seconds to wait (`Retry-After`, at least 1).
    mutating func take(_ cost: Int, now: Date) -> Int? {
        refill(now)
        if available + 1e-9 >= Double(cost) {
            available -= Double(cost)
            return nil
        }
        return max(1, Int((Double(cost) - available) / refillPerSecond).advanced(by: 1))
    }

    /// Tokens used in the current window.
    func used() -> Int { max(0, limit - Int(available.rounded(.down))) }

    /// The `X-RateLimiting` header value.
    var header: String { "token-limit-\(limit)-per-\(Int(window))-seconds: \(used())/\(limit)" }
}
