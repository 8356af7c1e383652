import Foundation
import Synchronization

/// Signals taken from their default action (ending the process) and handed
/// to `handler` on a dispatch queue, where it may do what a signal handler may not.
///
/// ```swift
/// let sources = SignalSources.install([SIGINT, SIGTERM]) { stop.request() }   // keep `sources` alive
/// ```
///
/// No signal is lost while the sources are installed. On Linux libdispatch
/// registers a signal source later, on its manager thread: only then does it
/// put in its own `sigaction` handler (which hands the signal on to a
/// `signalfd`). A signal ignored until then (`SIG_IGN`) would be dropped by
/// the kernel, one left at its default would end the process; so until the
/// source is registered the signal is caught by a handler that only notes it,
/// and the source's registration handler hands a noted signal to `handler`.
enum SignalSources {
    static func install(_ signals: [Int32], handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        install(signals, handler: handler, beforeResume: { _ in })
    }

    /// As ``install(_:handler:)``; `beforeResume` runs for each signal once it
    /// is caught and before its source is resumed (a test raises the signal there).
    static func install(_ signals: [Int32], handler: @escaping @Sendable () -> Void, beforeResume: (Int32) -> Void) -> [any DispatchSourceSignal] {
        signals.map { number in
            catchUntilRegistered(number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.setRegistrationHandler {
                #if canImport(Darwin)
                // kqueue sees a signal beside any handler: ignored from now on, it is the source's alone.
                signal(number, SIG_IGN)
                #endif
                if takeNoted(number) { handler() }
            }
            beforeResume(number)
            source.resume()
            return source
        }
    }

    /// The signals the interim handler noted (bit `n` for signal `n`) and not yet handed on.
    private static let noted = Atomic<UInt64>(0)

    /// Puts in the interim handler for `number`, unless a handler is in place
    /// already (libdispatch's, from a source installed before): that one is left as it is.
    private static func catchUntilRegistered(_ number: Int32) {
        precondition((1..<64).contains(number), "signal \(number) cannot be noted")
        // Made now, not first in the handler (a signal handler may not initialise a global).
        _ = noted.load(ordering: .relaxed)
        let previous = signal(number) { caught in
            SignalSources.noted.bitwiseOr(UInt64(1) << UInt64(caught), ordering: .sequentiallyConsistent)
        }
        let address = unsafeBitCast(previous, to: Int.self)
        // SIG_DFL is 0 and SIG_IGN 1: any other is a handler, and it stays.
        if address != 0 && address != 1 { signal(number, previous) }
    }

    /// Whether the interim handler noted `number`; the note is taken.
    private static func takeNoted(_ number: Int32) -> Bool {
        let bit = UInt64(1) << UInt64(number)
        return noted.bitwiseAnd(~bit, ordering: .sequentiallyConsistent).oldValue & bit != 0
    }
}
