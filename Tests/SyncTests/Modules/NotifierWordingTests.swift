import Foundation
import Replica
import Testing
import Vocabulary
@testable import Sync

/// The notification mail words what to do with the wording it is given, so a
/// front end (the CLI, later a panel) words it without touching the library.
@Suite("Notifier: remedy wording is injected")
struct NotifierWordingTests {
    /// Words every remedy as its case, to see where the mail puts it.
    struct Tagged: RemedyWording {
        func words(for remedy: Remedy) -> String { "<\(remedy)>" }
    }

    @Test("the mail's error line and what-to-do line use the injected wording")
    func injected() async throws {
        let fixture = try SchedulerFixture()
        let mail = RecordingMail()
        let notifier = Notifier(replica: fixture.replica, transport: mail, from: "a@b.dk", to: ["c@d.dk"], wording: Tagged(),
                                now: { fixture.clock.now() })
        var run = ModuleRun(module: "orders", owner: "1@host", startedAt: fixture.clock.text, forced: false, full: false)
        run.id = 3
        let error = SyncError(.customerNotFound, "Customer not found in e-conomic: project P (4) has no customer", module: "orders",
                              action: .setProjectCustomer(project: 4))
        #expect(try await notifier.notify(run: run, error: error) == .sent)
        let body = try #require(mail.sent.withLock { $0 }.first).body
        #expect(body.contains("Error (customerNotFound): Customer not found in e-conomic: project P (4) has no customer: <setProjectCustomer(project: 4)>"),
                "\(body)")
        #expect(body.contains("What to do: <syncCustomers>"), "\(body)")
    }
}
