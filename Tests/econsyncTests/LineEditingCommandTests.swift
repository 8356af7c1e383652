import Foundation
import Glibc
import Testing

/// The wizard's answers edited on a terminal: arrows, Backspace, Delete,
/// Home/End, Ctrl-A/Ctrl-E, in raw mode that is undone after each line, on
/// Ctrl-C too. Without a terminal, lines are read as they come (SetupCommandTests).
@Suite("econsync setup: line editing on a terminal")
struct LineEditingCommandTests {
    static let left = "\u{1B}[D", right = "\u{1B}[C", home = "\u{1B}[H", end = "\u{1B}[F", delete = "\u{1B}[3~", backspace = "\u{7F}"

    /// Whether the terminal is in canonical mode with echo, as a shell leaves it.
    static func isCooked(_ terminal: PseudoTerminal) -> Bool {
        var mode = termios()
        return tcgetattr(terminal.master, &mode) == 0 && mode.c_lflag & tcflag_t(ICANON) != 0 && mode.c_lflag & tcflag_t(ECHO) != 0
    }

    /// Waits until econsync has put the terminal in raw mode for the line (keys typed before would be
    /// the kernel's line editing), then presses `keys` as they are, without Enter.
    static func press(_ terminal: PseudoTerminal, _ keys: String) throws {
        let deadline = Date().addingTimeInterval(60)
        while isCooked(terminal) {
            guard Date() < deadline else { throw ConnectedCLI.Failure(description: "the terminal never left canonical mode:\n\(terminal.transcript)") }
            usleep(2_000)
        }
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBufferPointer { write(terminal.master, $0.baseAddress, $0.count) }
    }

    @Test("an answer edited with arrows, Home/End, Ctrl-A/Ctrl-E, Backspace and Delete is saved as shown; the terminal is left as it was")
    func editedAnswer() async throws {
        try await ConnectedCLI.with { connected in
            let terminal = try PseudoTerminal()
            let process = try terminal.start(connected.cli, ["setup"])
            try await ConnectedCLI.offPool {
                try terminal.expect("Export hours [Y/n]: ")
                terminal.type("")
                try terminal.expect("Export materials [Y/n]: ")
                terminal.type("")
                try terminal.expect("Text string for hours [$navn $regnavn]: ")
                // "navn $antal" → "$navn $antal x" → "$navn $antal" → "$navn: $antal" → "$navn: $antal (Øre)x" → "$navn: $antal (Ø)"
                try Self.press(terminal, "navn $antal" + Self.home + "$" + Self.end + " x" + Self.backspace + Self.backspace
                               + "\u{01}" + String(repeating: Self.right, count: 5) + ":" + "\u{05}" + " (Øre)x" + Self.left
                               + Self.delete + Self.left + Self.backspace + Self.backspace + "\n")
                for _ in 0..<40 {
                    try terminal.expect("]: ")
                    if terminal.transcript.hasSuffix("Activate the integration? [Y/n]: ") { break }
                    terminal.type("")
                }
                terminal.type("y")
                try terminal.expect("activated: ")
                terminal.drain()
                process.waitUntilExit()
            }
            #expect(process.terminationStatus == 0, "\(terminal.transcript)")
            #expect(try await SetupCommandTests.settings(connected)["orders.hoursText"] == "$navn: $antal (Ø)", "\(terminal.transcript)")
            #expect(Self.isCooked(terminal), "canonical mode and echo are back")
        }
    }

    @Test("Ctrl-C while an answer is edited: the terminal is put back, nothing saved, exit 130")
    func interrupted() async throws {
        try await ConnectedCLI.with { connected in
            let terminal = try PseudoTerminal()
            let process = try terminal.start(connected.cli, ["setup"])
            try await ConnectedCLI.offPool {
                try terminal.expect("Export hours [Y/n]: ")
                try Self.press(terminal, "ja\u{03}")
                try terminal.expect("interrupted: no setting was saved; the connection is kept; run `econsync setup` again")
                terminal.drain()
                process.waitUntilExit()
            }
            #expect(process.terminationStatus == 130, "\(terminal.transcript)")
            #expect(Self.isCooked(terminal), "canonical mode and echo are back")
            #expect(try await SetupCommandTests.settings(connected)["orders.exportHours"] == nil)
        }
    }
}
