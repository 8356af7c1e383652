import Foundation

/// Signals taken from their default action (ending the process) and handed
/// to `handler` on a dispatch queue, where it may do what a signal handler may not.
///
/// ```swift
/// let sources = SignalSources.install([SIGINT, SIGTERM]) { stop.request() }   // keep `sources` alive
/// ```
enum SignalSources {
    static func install(_ signals: [Int32], handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }
}
