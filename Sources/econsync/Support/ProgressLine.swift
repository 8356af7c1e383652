import Foundation
import Synchronization
import Sync
import Vocabulary

/// How far a long command is, on standard error (never on standard output):
/// one line redrawn in place (`\r`) when standard error is a terminal, a plain
/// line for each step otherwise; nothing under `-q/--quiet` (``Output/isQuiet``).
/// Every progress econsync shows goes through it (``ProgressBar`` draws its bar with one).
///
/// ```swift
/// let line = ProgressLine()
/// line.show("pulled customer: 30 records in 1 page")
/// line.finish()   // on a terminal, ends the redrawn line
/// ```
final class ProgressLine: Sendable {
    /// Whether the line is redrawn in place (standard error is a terminal).
    let isTerminal: Bool
    /// Whether a redrawn line is on the screen, not yet ended.
    private let drawn = Mutex(false)

    init(isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.isTerminal = isTerminal
    }

    /// Shows `text` (control characters escaped) as where the command is now.
    func show(_ text: String) {
        let text = VisibleText.escaped(text)
        if isTerminal {
            drawn.withLock { drawn in
                Output.progress("\r\(text)\u{1B}[K")
                drawn = true
            }
        } else {
            Output.progress(text + "\n")
        }
    }

    /// Ends a line redrawn in place, so that what follows starts on a line of its own.
    func finish() {
        drawn.withLock { drawn in
            guard drawn else { return }
            Output.progress("\n")
            drawn = false
        }
    }
}

extension ProgressLine {
    /// A kind pulled, as econsync speaks: `pulled customer: 30 records in 1 page`, `hentet kunde: 30 poster på 1 side`.
    static func pulled(_ progress: SnapshotPuller.Progress) -> String {
        Speech.say("hentet ", "pulled ") + progress.words(Speech.language)
    }
}
