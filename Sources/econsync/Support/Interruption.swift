import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) or SIGTERM during a command that talks to e-conomic:
/// says what was done and what to run next, then ends the process with
/// exit code 130. Stopping there is as safe as the crash every run is built
/// to survive (the outbox settles a cut-off push first, nothing is sent
/// twice); this only tells the office so instead of a bare `^C`.
///
/// ```swift
/// let interruption = Interruption("interrupted before any module ran: nothing changed")
/// interruption.say("interrupted: units finished; products was cut off …")
/// ```
final class Interruption: Sendable {
    /// The words an interruption says now.
    private final class Message: Sendable {
        let text: Mutex<String>
        init(_ text: String) { self.text = Mutex(text) }
    }

    private let message: Message
    // Safety: the sources are created and resumed in `init` and never touched
    // again; they are kept only so that they live as long as the command.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    static let exitCode: Int32 = 130

    init(_ initial: String, signals: [Int32] = [SIGINT, SIGTERM]) {
        let message = Message(initial)
        self.message = message
        sources = SignalSources.install(signals) {
            // A line being edited has the terminal in raw mode: it is put back first.
            LineEditor.restoreTerminal()
            let text = "\n" + message.text.withLock { $0 } + "\n"
            text.utf8CString.withUnsafeBufferPointer { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count - 1) }
            _exit(Interruption.exitCode)
        }
    }

    /// What an interruption from now on says.
    func say(_ text: String) {
        message.text.withLock { $0 = text }
    }
}
