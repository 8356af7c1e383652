import Foundation

/// Shows how far work counted in items is (an apply's pushes, a pack's
/// records), through a ``ProgressLine``: a bar redrawn in place on a terminal
/// (done/total, rate, time left), plain lines at every tenth otherwise.
final class ProgressBar {
    let line: ProgressLine
    let started: Date
    let clock: () -> Date
    /// What is counted, plural: `pushes`, `records`.
    let noun: String
    private var lastTenth = -1

    var isTerminal: Bool { line.isTerminal }

    init(isTerminal: Bool = isatty(STDERR_FILENO) == 1, noun: String = "pushes", clock: @escaping () -> Date = Date.init) {
        self.line = ProgressLine(isTerminal: isTerminal)
        self.noun = noun
        self.clock = clock
        self.started = clock()
    }

    /// The line for `done` of `total` `noun` after `elapsed` seconds.
    static func line(done: Int, total: Int, elapsed: Double, width: Int = 24, noun: String = "pushes") -> String {
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return "[\(bar)] \(done)/\(total) \(noun)  \(String(format: "%.1f", rate))/s  ETA \(Int(left.rounded(.up)))s"
    }

    func update(done: Int, total: Int) {
        let text = Self.line(done: done, total: total, elapsed: clock().timeIntervalSince(started), noun: noun)
        if isTerminal {
            line.show(text)
            if done == total { line.finish() }
        } else {
            let tenth = total == 0 ? 10 : done * 10 / total
            guard tenth != lastTenth else { return }
            lastTenth = tenth
            line.show(text)
        }
    }
}
