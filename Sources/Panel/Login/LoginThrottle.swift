import Foundation
import Synchronization

/// Failed logins, slowed down per client address: after the n-th failure in
/// a row that client may try again only `base · 2^(n-1)` seconds later (at
/// most `cap`); an attempt before then is refused without looking at the
/// password. Nothing sleeps: the clock is read, so tests inject one.
///
/// ```swift
/// let throttle = LoginThrottle(now: { clock })
/// throttle.failed("10.0.0.7")     // 1 s
/// throttle.failed("10.0.0.7")     // 2 s
/// throttle.wait("10.0.0.7")       // 2 (seconds to wait before the next try)
/// ```
public final class LoginThrottle: Sendable {
    private struct Failures {
        var count: Int
        var until: Date
    }

    public let base: TimeInterval
    public let cap: TimeInterval
    private let now: @Sendable () -> Date
    private let failures = Mutex([String: Failures]())
    /// The most clients remembered; beyond it, those whose wait is over are forgotten.
    private let remembered = 10_000

    public init(base: TimeInterval = 1, cap: TimeInterval = 60, now: @escaping @Sendable () -> Date) {
        self.base = base
        self.cap = cap
        self.now = now
    }

    /// Whole seconds `client` must still wait before its next try (0: it may try now).
    public func wait(_ client: String) -> Int {
        let now = now()
        return failures.withLock { failures in
            guard let until = failures[client]?.until, until > now else { return 0 }
            return Int(until.timeIntervalSince(now).rounded(.up))
        }
    }

    /// Records a failed login of `client`; returns the seconds it must now wait.
    @discardableResult
    public func failed(_ client: String) -> Int {
        let now = now()
        return failures.withLock { failures in
            if failures.count >= remembered { failures = failures.filter { $0.value.until > now } }
            let count = (failures[client]?.count ?? 0) + 1
            let delay = min(cap, base * pow(2, Double(min(count - 1, 30))))
            failures[client] = Failures(count: count, until: now.addingTimeInterval(delay))
            return Int(delay.rounded(.up))
        }
    }

    /// A login that succeeded: `client` starts afresh.
    public func succeeded(_ client: String) {
        _ = failures.withLock { $0.removeValue(forKey: client) }
    }
}
