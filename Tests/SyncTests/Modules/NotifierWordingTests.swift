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

    /// Words every remedy as its case and the language asked for.
    struct Bilingual: LocalizedRemedyWording {
        var language = Language.en
        func `in`(_ language: Language) -> any RemedyWording { Bilingual(language: language) }
        func words(for remedy: Remedy) -> String { "<\(language.rawValue) \(remedy)>" }
    }

    @Test("smtp.language da (the default of a configured notifier): the subject names the module and the error in the brief's Danish words, the body is Danish and what to do is worded in Danish; en keeps the English mail")
    func danish() async throws {
        let fixture = try SchedulerFixture()
        #expect(try Notifier.configured(replica: fixture.replica).language == .da)
        let mail = RecordingMail()
        var notifier = Notifier(replica: fixture.replica, transport: mail, from: "a@b.dk", to: ["c@d.dk"], wording: Bilingual(), now: { fixture.clock.now() })
        notifier.language = .da
        var run = ModuleRun(module: "projectEntries", owner: "1@host", startedAt: fixture.clock.text, forced: true, full: false)
        run.id = 5
        let error = SyncError(.employeeMissingID, "Employee is missing an e-conomic ID: Lars (employee 9)", module: "projectEntries")
        #expect(try await notifier.notify(run: run, error: error) == .sent)
        let danish = try #require(mail.sent.withLock { $0 }.last)
        #expect(danish.subject == "econsync: modulet Projektregistreringer — Medarbejder mangler e-conomic ID", "\(danish.subject)")
        #expect(danish.body.hasPrefix("Modul: Projektregistreringer (projectEntries)\nKørsel: 5 startet \(fixture.clock.text) (tvunget)\n"), "\(danish.body)")
        #expect(danish.body.contains("Hvad du kan gøre: <da setEmployeeNumber>") && !danish.body.contains("What to do"), "\(danish.body)")

        notifier.language = .en
        notifier.window = 0
        #expect(try await notifier.notify(run: run, error: error) == .sent)
        let english = try #require(mail.sent.withLock { $0 }.last)
        #expect(english.subject == "econsync: projectEntries module — Employee is missing an e-conomic ID")
        #expect(english.body.contains("What to do: <en setEmployeeNumber>") && english.body.contains("Run: 5 started"), "\(english.body)")
    }
}
