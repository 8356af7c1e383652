import Synchronization

/// Counts the calls made to e-conomic, per module: requests, bytes on the
/// wire and e-conomic's `X-CallCost`. e-conomic's fair use is 50,000 calls
/// per agreement per day, so every command that talks to e-conomic reports these.
///
/// ```swift
/// let totals = client.accounting.snapshot()["customers"]   // requests, bytes, cost
/// ```
public final class CallAccounting: Sendable {
    /// What one module used.
    public struct Usage: Sendable, Equatable, Codable {
        public var requests = 0
        /// Requests answered from e-conomic's idempotency cache.
        public var replays = 0
        public var retries = 0
        public var bytesSent: Int64 = 0
        public var bytesReceived: Int64 = 0
        public var callCost = 0

        public init() {}
    }

    /// e-conomic's fair-use limit of calls per agreement per day.
    public static let dailyFairUse = 50_000

    private let usage = Mutex<[String: Usage]>([:])
    private let lastRateLimit = Mutex<String?>(nil)

    public init() {}

    func record(module: String, _ change: (inout Usage) -> Void) {
        usage.withLock { change(&$0[module, default: Usage()]) }
    }

    func noteRateLimit(_ header: String?) {
        if let header { lastRateLimit.withLock { $0 = header } }
    }

    /// Usage per module so far.
    public func snapshot() -> [String: Usage] { usage.withLock { $0 } }

    /// All modules together.
    public var total: Usage {
        snapshot().values.reduce(into: Usage()) { sum, usage in
            sum.requests += usage.requests
            sum.replays += usage.replays
            sum.retries += usage.retries
            sum.bytesSent += usage.bytesSent
            sum.bytesReceived += usage.bytesReceived
            sum.callCost += usage.callCost
        }
    }

    /// The last `X-RateLimiting` header seen (`token-limit-10000-per-60-seconds: 147/10000`).
    public var rateLimiting: String? { lastRateLimit.withLock { $0 } }
}
