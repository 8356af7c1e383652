import Foundation
import Snapshot
import Testing

/// Ctrl-C during `sync`: econsync says what had finished and what to run,
/// exits 130, and the next sync finishes the work without sending anything twice.
@Suite("econsync: Ctrl-C")
struct InterruptCommandTests {
    @Test("SIGINT during sync says which modules had finished and what to run (exit 130); the next sync sends the hours once")
    func syncInterrupted() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.importApprovedHours("6.25")
            connected.emulator.injectFaults(seed: 1, latencyMs: 150, errorRate: 0, dropRate: 0, throttleBurst: 0)
            let errors = Pipe()
            let process = try connected.cli.launch(["sync", "--force"], errors: errors)
            let lock = connected.cli.home.appendingPathComponent("agreement.lock").path
            let deadline = Date().addingTimeInterval(120)
            while (try? String(contentsOfFile: lock, encoding: .utf8))?.isEmpty ?? true, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            try await Task.sleep(for: .milliseconds(400))
            kill(process.processIdentifier, SIGINT)
            let stderr = try await ConnectedCLI.offPool { () -> String in
                process.waitUntilExit()
                return String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            }
            #expect(process.terminationStatus == 130, "\(stderr)")
            #expect(stderr.contains("interrupted: ") && stderr.contains("was cut off. Nothing is lost and nothing is sent twice: "
                                                                      + "`econsync sync` finishes it"), "\(stderr)")
            connected.emulator.clearFaults()
            let again = try await connected.run(["sync", "--force"])
            #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
            #expect(connected.emulator.records(kind: "timeEntry").filter { $0.data["numberOfHours"] == .number("6.25") }.count == 1)
        }
    }
}
