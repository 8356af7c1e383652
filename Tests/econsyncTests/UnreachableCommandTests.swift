import Foundation
import Snapshot
import Testing

/// Offline first: when e-conomic cannot be reached, `sync` says once where
/// the field work is and stops, with its own exit code; nothing is lost.
@Suite("econsync: e-conomic unreachable")
struct UnreachableCommandTests {
    @Test("one calm line naming what is kept locally, exit 6, the other modules not tried; the next sync sends it")
    func unreachable() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.importApprovedHours("3")
            let before = connected.state()
            connected.emulator.injectFaults(seed: 1, latencyMs: 0, errorRate: 0, dropRate: 1, throttleBurst: 0)
            let offline = try await connected.run(["sync", "--force"])
            #expect(offline.status == 6, "\(offline.stdout)\(offline.stderr)")
            #expect(offline.stdout.contains("e-conomic is unreachable: 1 approved time entry and 0 approved materials are kept locally "
                                            + "and will be sent by the next sync; field work goes on offline"), "\(offline.stdout)")
            #expect(offline.stdout.components(separatedBy: ": failed").count == 2, "the first module only: \(offline.stdout)")
            #expect(offline.stdout.contains("what to do: nothing is lost"), "\(offline.stdout)")
            #expect(connected.state() == before, "nothing reached e-conomic")
            let hours = try await connected.expect(["local", "hours", "list"])
            #expect(hours.contains("approved"), "kept locally, still to send: \(hours)")

            connected.emulator.clearFaults()
            let online = try await connected.run(["sync", "--force"])
            #expect(online.status == 0, "\(online.stdout)\(online.stderr)")
            #expect(connected.emulator.records(kind: "timeEntry").contains { $0.data["numberOfHours"] == .int(3) })
        }
    }
}
