import Foundation
import Testing

/// `snapshot take` on a terminal: the pull shown page by page (a log gets a line a kind: ProgressCommandTests).
@Suite("econsync snapshot take on a terminal")
struct PullProgressTerminalTests {
    @Test("each kind shown page by page as it comes in, on one line redrawn in place; the result on a line of its own")
    func pagesOnATerminal() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let terminal = try PseudoTerminal()
            let process = try terminal.start(connected.cli, ["snapshot", "take", "--kind", "customer", "--kind", "unit"])
            try await ConnectedCLI.offPool {
                try terminal.expect("stored snapshots/")
                terminal.drain()
                process.waitUntilExit()
            }
            #expect(process.terminationStatus == 0, "\(terminal.transcript)")
            let shown = terminal.transcript
            #expect(shown.hasPrefix("\rpulling unit: 3 records in 1 page\u{1B}[K\rpulled unit: 3 records in 1 page\u{1B}[K"
                                    + "\rpulling customer: 30 records in 1 page\u{1B}[K\rpulled customer: 30 records in 1 page\u{1B}[K\r\nstored snapshots/"),
                    "\(shown.debugDescription)")
        }
    }
}
