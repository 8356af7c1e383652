import Foundation
import Synchronization
import Testing
@testable import econsync

/// The signal sources every interruptible command installs: a signal that
/// arrives while they are being installed is handled, not lost (Ctrl-C itself
/// is sent to a real `econsync` in InterruptCommandTests).
@Suite struct SignalSourcesTests {
    @Test("a signal sent after the signal is taken but before its source is registered reaches the handler; one sent later too")
    func signalDuringInstallation() throws {
        let handled = DispatchSemaphore(value: 0)
        let count = Count()
        let sources = SignalSources.install([SIGUSR2], handler: {
            count.value.add(1, ordering: .relaxed)
            handled.signal()
        }, beforeResume: { number in
            // In the window a signal was once lost in (ignored, the kernel dropped it): libdispatch has not put in
            // its own handler yet. Sent to the process, as Ctrl-C is: this thread, a dispatch worker, blocks it.
            kill(getpid(), number)
        })
        defer { sources.forEach { $0.cancel() } }
        // The waits are bounds, not timings: without the signal the test ends failing instead of hanging.
        #expect(handled.wait(timeout: .now() + 30) == .success, "the signal sent during installation was lost")
        kill(getpid(), SIGUSR2)
        #expect(handled.wait(timeout: .now() + 30) == .success, "the signal sent once the source runs was lost")
        #expect(count.value.load(ordering: .relaxed) == 2, "each signal handled once")
    }

    final class Count: Sendable {
        let value = Atomic<Int>(0)
    }
}
