import Foundation

/// Shows how far an apply is, on standard error: a bar redrawn in place on a
/// terminal (done/total, rate, time left), plain lines at every tenth otherwise.
final class ProgressBar {
    let isTerminal: Bool
    let started: Date
    let clock: () -> Date
    private var lastTenth = -1

    init(isTerminal: Bool = isatty(STDERR_FILENO) == 1, clock: @escaping () -> Date = Date.init) {
        self.isTerminal = isTerminal
        self.clock = clock
        self.started = clock()
    }

    /// The line for `done` of `total` after `elapsed` seconds.
    static func line(done: Int, total: Int, elapsed: Double, width: Int = 24) -> String {
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "[\(bar)] \(done)/\(total) pushes  \(String(format: "%.1f", rate))/s  ETA \(Int(left.rounded(.up)))s"
    }

    func update(done: Int, total: Int) {
        let text = Self.line(done: done, total: total, elapsed: clock().timeIntervalSince(started))
        if isTerminal {
            Output.progress("\r\(text)\u{1B}[K" + (done == total ? "\n" : ""))
        } else {
            let tenth = total == 0 ? 10 : done * 10 / total
            guard tenth != lastTenth else { return }
            lastTenth = tenth
            Output.progress(text + "\n")
        }
    }
}
