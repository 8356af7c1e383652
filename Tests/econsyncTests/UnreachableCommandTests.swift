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
            let danish = try await connected.run(["sync", "--force", "--lang", "da"])
            #expect(danish.status == 6 && danish.stdout.contains("e-conomic kan ikke nås: 1 godkendt timeregistrering og 0 godkendte materialer gemmes lokalt "
                                                                 + "og sendes ved næste synkronisering; arbejdet i marken fortsætter offline"), "\(danish.stdout)")
            let hours = try await connected.expect(["local", "hours", "list"])
            #expect(hours.contains("approved"), "kept locally, still to send: \(hours)")

            connected.emulator.clearFaults()
            let online = try await connected.run(["sync", "--force"])
            #expect(online.status == 0, "\(online.stdout)\(online.stderr)")
            #expect(connected.emulator.records(kind: "timeEntry").contains { $0.data["numberOfHours"] == .int(3) })
        }
    }

    @Test("a silent e-conomic (the connection accepted, no answer) is given up at the idle-read limit: the calm line, exit 6, nothing sent; then sent once")
    func silent() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.importApprovedHours("3.25")
            let before = connected.state()
            #expect(!before.contains { $0.kind == "timeEntry" && $0.data["numberOfHours"] == .number("3.25") })
            // Short for the test, yet four seconds: CI's loaded machine must not give up an answer that comes.
            connected.cli.environment["ECONSYNC_IDLE_TIMEOUT"] = "4"
            connected.emulator.holdEveryAnswer(fromRequest: 1)
            // The timeout only kills a sync that hangs, so that the test fails instead of waiting forever.
            let silent = try await connected.run(["sync", "--force"], timeout: 900)
            #expect(!silent.timedOut, "the sync hung on a silent e-conomic: \(silent.stdout)\(silent.stderr)")
            #expect(silent.status == 6, "\(silent.stdout)\(silent.stderr)")
            #expect(silent.stdout.contains("e-conomic is unreachable: 1 approved time entry and 0 approved materials are kept locally "
                                           + "and will be sent by the next sync; field work goes on offline"), "\(silent.stdout)")
            #expect(silent.stdout.components(separatedBy: ": failed").count == 2, "the first module only: \(silent.stdout)")
            #expect(connected.state() == before, "nothing reached e-conomic")
            let kept = try await connected.expect(["local", "hours", "list", "--status", "approved", "--json"])
            guard case .object(let listed) = try CanonicalJSON.parse(kept), case .array(let entries) = listed["timeEntries"] else {
                Issue.record("not a list of time entries: \(kept)")
                return
            }
            #expect(entries.count == 1 && entries.first?["economicKey"] == .null, "kept locally, unsent: \(kept)")

            // e-conomic answers again; the later syncs wait as long as any does, however loaded the machine.
            connected.emulator.releaseHeldAnswer()
            connected.cli.environment["ECONSYNC_IDLE_TIMEOUT"] = nil
            let online = try await connected.run(["sync", "--force"])
            #expect(online.status == 0, "\(online.stdout)\(online.stderr)")
            let again = try await connected.run(["sync", "--force"])
            #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
            #expect(connected.emulator.records(kind: "timeEntry").filter { $0.data["numberOfHours"] == .number("3.25") }.count == 1,
                    "sent exactly once")
        }
    }

    @Test("$ECONSYNC_IDLE_TIMEOUT that is not a whole number of seconds is refused, naming the variable")
    func idleTimeoutChecked() async throws {
        let cli = try CLI()
        cli.environment["ECONSYNC_IDLE_TIMEOUT"] = "soon"
        let result = try cli.run(["sync"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("ECONSYNC_IDLE_TIMEOUT=soon is not a whole number of seconds"), "\(result.stderr)")
    }
}
