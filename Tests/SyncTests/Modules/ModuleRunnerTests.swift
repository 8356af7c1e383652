import Foundation
import Replica
import Sync
import Testing
import Vocabulary

/// ModuleRunner against the emulator: a hung module is released and notified before the next run.
@Suite("Module runner: hangs and notifications")
struct ModuleRunnerTests {
    @Test("a module found running past the 12-hour timeout is released, recorded as timed out and notified; then it runs")
    func hangNotified() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let clock = harness.clock
            let hung = ModuleScheduler(replica: harness.replica, now: { clock.now() }, owner: "77@another-host")
            _ = try hung.acquire(.customers, force: false)
            clock.advance(13 * 3600)
            let mail = RecordingMail()
            let scheduler = ModuleScheduler(replica: harness.replica, now: { clock.now() })
            var runner = ModuleRunner(store: harness.store, client: harness.client, agreement: harness.emulator.agreement, scheduler: scheduler)
            runner.notifier = Notifier(replica: harness.replica, transport: mail, from: "a@b.dk", to: ["c@d.dk"], now: { clock.now() })
            let result = try await runner.run(.customers, force: false)
            #expect(result.outcome.error == nil && result.run?.outcome == .succeeded)
            let runs = try harness.replica.moduleRuns(module: "customers")
            #expect(runs.map(\.outcome) == [.succeeded, .timedOut])
            let sent = mail.sent.withLock { $0 }
            #expect(sent.count == 1 && sent[0].subject == "econsync: customers module — Module hangs")
            #expect(sent[0].body.contains("Module hangs: running since"))
        }
    }
}
