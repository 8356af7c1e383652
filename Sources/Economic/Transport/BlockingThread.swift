import Foundation

/// Runs blocking work (a socket wait, a libcurl SMTP transfer) on a thread of
/// its own and awaits its result, so that Swift's cooperative pool, two threads
/// on a two-core machine, is never held by a wait.
///
/// ```swift
/// let token = try await BlockingThread.run(named: "econsync.loopback") { try listener.waitForToken(timeout: 600) }
/// ```
enum BlockingThread {
    /// The value `work` returns (or the error it throws), computed on a new thread called `name`.
    static func run<T: Sendable>(named name: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.name = name
            thread.start()
        }
    }
}
