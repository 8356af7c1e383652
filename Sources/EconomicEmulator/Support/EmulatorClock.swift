import Foundation
import Synchronization

/// The time source of an emulator: every `lastUpdated`, rate-limit refill and
/// idempotency window reads it, so tests inject a ``ManualClock`` and never sleep.
///
/// ```swift
/// let clock = ManualClock()
/// let emulator = EconomicEmulator(seed: [], configuration: EmulatorConfiguration(clock: clock))
/// clock.advance(by: 3601)   // the idempotency window has passed
/// ```
public protocol EmulatorClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: EmulatorClock {
    /// A wall clock.
    public init() {}

    /// The current wall-clock time.
    public func now() -> Date { Date() }
}

/// A clock that moves only when told to (for tests).
public final class ManualClock: EmulatorClock, Sendable {
    private let current: Mutex<Date>

    /// A clock standing at `start` (default 2026-11-02T08:00:00Z).
    public init(_ start: Date = Date(timeIntervalSince1970: 1_793_606_400)) {
        current = Mutex(start)
    }

    /// The time the clock stands at.
    public func now() -> Date {
        current.withLock { $0 }
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the clock to `date`.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
