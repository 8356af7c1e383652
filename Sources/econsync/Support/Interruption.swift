import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) or SIGTERM during a command that talks to e-conomic:
/// says what was done and what to run next (in words on standard error, or,
/// for `--json`, as `{"error": {"code": "interrupted", …}}` on standard
/// output: see ``InterruptionReport``), then ends the process with exit code
/// 130. Stopping there is as safe as the crash every run is built to survive
/// (the outbox settles a cut-off push first, nothing is sent twice); this
/// only tells the office so instead of a bare `^C`.
///
/// ```swift
/// let interruption = Interruption(InterruptionReport(.beforeAnyModule), json: output.json)
/// interruption.say(InterruptionReport(.modules(finished: [.units], cutOff: .products)))
/// ```
final class Interruption: Sendable {
    /// What an interruption says now.
    private final class Said: Sendable {
        let report: Mutex<InterruptionReport>
        init(_ report: InterruptionReport) { self.report = Mutex(report) }
    }

    private let said: Said
    // Safety: the sources are created and resumed in `init` and never touched
    // again; they are kept only so that they live as long as the command.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    static let exitCode: Int32 = 130

    init(_ initial: InterruptionReport, json: Bool = false, signals: [Int32] = [SIGINT, SIGTERM]) {
        let said = Said(initial)
        self.said = said
        sources = SignalSources.install(signals) {
            // A line being edited has the terminal in raw mode: it is put back first.
            LineEditor.restoreTerminal()
            // What was printed so far (the modules that finished) is kept, not lost with the process's buffer.
            fflush(nil)
            let report = said.report.withLock { $0 }
            if json, let text = try? Output.jsonText(report) {
                Self.put(text + "\n", on: STDOUT_FILENO)
            } else {
                Self.put("\n" + report.text + "\n", on: STDERR_FILENO)
            }
            _exit(Interruption.exitCode)
        }
    }

    /// What an interruption from now on says.
    func say(_ report: InterruptionReport) {
        said.report.withLock { $0 = report }
    }

    /// Writes `text` straight to the descriptor: the process ends next, without flushing any buffer.
    private static func put(_ text: String, on descriptor: Int32) {
        text.utf8CString.withUnsafeBufferPointer { bytes in
            var offset = 0
            while offset < bytes.count - 1 {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - 1 - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
