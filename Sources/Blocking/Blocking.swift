import Foundation
import NIOPosix

/// The one place blocking work leaves Swift's cooperative pool (two threads
/// on a two-core machine, which a blocked call would hold): short work that
/// blocks on the disk or the CPU (SQLite, gzip, planning) runs on a small
/// pool of threads of its own (NIO's), and a wait that may last minutes (a
/// socket, an SMTP transfer) on a thread of its own.
///
/// ```swift
/// let plan = try await Blocking.run { try builder.plan(…) }
/// let token = try await Blocking.wait(named: "econsync.loopback") { try listener.waitForToken(timeout: 600) }
/// ```
public enum Blocking {
    /// The value `work` returns (or the error it throws), computed on the
    /// shared pool of blocking threads.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    /// The value `work` returns (or the error it throws), computed on a new
    /// thread called `name`: for a wait long enough to hold a pool thread.
    public static func wait<T: Sendable>(named name: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.name = name
            thread.start()
        }
    }
}
