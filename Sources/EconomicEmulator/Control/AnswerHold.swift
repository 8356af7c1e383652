import Synchronization

/// The answer to one API request, held back after the request has had its
/// effect: the client waits as it would on an answer lost in the network. A
/// test kills the client there (a real `kill -9`), at the same request every
/// time, so a run picked by a seed is the same run again.
///
/// ```swift
/// hold.arm(at: 40)          // the 40th API request
/// await hold.reached()      // it has arrived and had its effect
/// hold.release()            // answer it (and any later one) at once
/// hold.arm(at: 1, andLater: true)   // e-conomic goes silent: no answer from the next request on
/// ```
final class AnswerHold: Sendable {
    private struct State {
        /// The request number (``EmulatorState/requestCount``) whose answer is held.
        var target: Int?
        /// Whether every later request's answer is held too (e-conomic gone silent), not only the target's.
        var andLater = false
        var reached = false
        var released = false
        var reachedWaiters: [CheckedContinuation<Void, Never>] = []
        var releaseWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Holds the answer to request number `request` (with `andLater`, to every
    /// request from it on); any earlier hold is released.
    func arm(at request: Int, andLater: Bool = false) {
        release()
        state.withLock { $0 = State(target: request, andLater: andLater) }
    }

    /// Called with each API request's number once it has been handled: returns
    /// at once, or, for the armed request (and, armed `andLater`, each later
    /// one), when the hold is released.
    func pass(_ request: Int) async {
        let reachedWaiters: [CheckedContinuation<Void, Never>]? = state.withLock { state in
            guard let target = state.target, request == target || (state.andLater && request > target), !state.released else { return nil }
            state.reached = true
            defer { state.reachedWaiters = [] }
            return state.reachedWaiters
        }
        guard let reachedWaiters else { return }
        for waiter in reachedWaiters { waiter.resume() }
        await withCheckedContinuation { continuation in
            let now = state.withLock { state in
                if state.released { return true }
                state.releaseWaiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Returns once the armed request has arrived and had its effect.
    func reached() async {
        await withCheckedContinuation { continuation in
            let now = state.withLock { state in
                if state.reached || state.released { return true }
                state.reachedWaiters.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Answers the held request, and lets every later one through.
    func release() {
        let waiters = state.withLock { state in
            state.released = true
            defer { state.reachedWaiters = []; state.releaseWaiters = [] }
            return state.reachedWaiters + state.releaseWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
