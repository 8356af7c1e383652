import Economic
import Foundation
import Reconcile
import Replica
import Synchronization
import Testing
import TestSupport
import Vocabulary
@testable import Sync

/// A mail transport that keeps what it is given, or fails when told to.
final class RecordingMail: MailTransport {
    let sent = Mutex<[MailMessage]>([])
    let failing = Mutex(false)

    func send(_ message: MailMessage) async throws {
        if failing.withLock({ $0 }) { throw MailError(.connectionFailed, "could not connect to smtp://127.0.0.1:1") }
        sent.withLock { $0.append(message) }
    }
}

@Suite("Notifications and the troubleshooting errors")
struct NotifierTests {
    func run(_ module: String, _ fixture: SchedulerFixture) -> ModuleRun {
        var run = ModuleRun(module: module, owner: "1@host", startedAt: fixture.clock.text, forced: false, full: false)
        run.id = 7
        return run
    }

    @Test("at most one mail per module and error kind per hour; the rest are recorded as suppressed")
    func ratePerHour() async throws {
        let fixture = try SchedulerFixture()
        let mail = RecordingMail()
        let notifier = Notifier(replica: fixture.replica, transport: mail, from: "econsync@firma.dk", to: ["kontor@firma.dk"],
                                now: { fixture.clock.now() })
        let employee = SyncError(.employeeMissingID, "Employee is missing an e-conomic ID: Jens Hansen (employee 3): set …", module: "projectEntries")
        #expect(try await notifier.notify(run: run("projectEntries", fixture), error: employee) == .sent)
        fixture.clock.advance(minutes: 20)
        #expect(try await notifier.notify(run: run("projectEntries", fixture), error: employee) == .suppressed)
        let customer = SyncError(.customerNotFound, "Customer not found in e-conomic: Hansen VVS (customer 4)", module: "projectEntries")
        #expect(try await notifier.notify(run: run("projectEntries", fixture), error: customer) == .sent)
        #expect(try await notifier.notify(run: run("projects", fixture), error: employee) == .sent)
        fixture.clock.advance(minutes: 41)
        #expect(try await notifier.notify(run: run("projectEntries", fixture), error: employee) == .sent)
        let messages = mail.sent.withLock { $0 }
        #expect(messages.count == 4)
        #expect(messages[0].subject == "econsync: projectEntries module — Employee is missing an e-conomic ID")
        #expect(messages[0].body.contains("Jens Hansen (employee 3)"))
        #expect(messages[0].body.contains("What to do: set the employee's e-conomic employee number"))
        #expect(messages[1].subject.hasSuffix("Customer not found in e-conomic"))
        let states = try fixture.replica.notifications().reversed().map(\.state)
        #expect(states == [.sent, .suppressed, .sent, .sent, .sent])
    }

    @Test("a mail that cannot be sent is recorded as failed and does not count for the hour; without SMTP, errors are recorded")
    func failuresAndNoSMTP() async throws {
        let fixture = try SchedulerFixture()
        let mail = RecordingMail()
        mail.failing.withLock { $0 = true }
        let notifier = Notifier(replica: fixture.replica, transport: mail, from: "a@b.dk", to: ["c@d.dk"], now: { fixture.clock.now() })
        let error = SyncError(.failed, "1 operation failed", module: "products")
        #expect(try await notifier.notify(run: run("products", fixture), error: error) == .failed)
        mail.failing.withLock { $0 = false }
        #expect(try await notifier.notify(run: run("products", fixture), error: error) == .sent)
        #expect(try fixture.replica.notifications().last?.error?.contains("could not connect") == true)
        let quiet = try Notifier.configured(replica: fixture.replica, now: { fixture.clock.now() })
        #expect(quiet.transport == nil)
        #expect(try await quiet.notify(run: run("units", fixture), error: error) == .recorded)
    }

    @Test("with smtp.* settings, a module's error is mailed through libcurl to an SMTP server the test starts; the password stays out of the replica")
    func throughSMTP() async throws {
        let sink = try SMTPSink(username: "econsync", password: "hemmelig-42")
        defer { sink.stop() }
        let fixture = try SchedulerFixture()
        let secrets = try TemporaryDirectory("econsync-secrets")
        let passwordFile = try Self.passwordFile(in: secrets, mode: 0o600)
        for (name, value) in [("smtp.url", "smtp://127.0.0.1:\(sink.port)"), ("smtp.username", "econsync"), ("smtp.passwordFile", passwordFile),
                              ("smtp.from", "econsync@firma.dk"), ("smtp.to", "kontor@firma.dk, formand@firma.dk"),
                              ("smtp.requireTLS", "false")] {
            try fixture.set(name, value)
        }
        let notifier = try Notifier.configured(replica: fixture.replica, now: { fixture.clock.now() })
        let (run, outcome) = try await fixture.scheduler().run(.projectEntries, force: false) { _ in
            var outcome = ModuleOutcome()
            outcome.error = ModuleRunner.blockError([PlanOperation(kind: .timeEntry, key: "local:9", action: .block,
                                                                   because: .unresolved("employeeNumber", naming: ReferencedRecord(kind: .employee, id: 12, name: "Lars Lærling")))],
                                                    module: "projectEntries")
            return outcome
        }
        #expect(try await notifier.notify(run: try #require(run), error: try #require(outcome.error)) == .sent)
        let mails = sink.messages
        #expect(mails.count == 1)
        #expect(mails.first?.from == "econsync@firma.dk" && mails.first?.recipients == ["kontor@firma.dk", "formand@firma.dk"])
        #expect(mails.first?.user == "econsync")
        #expect(mails.first?.data.contains("Lars Lærling (medarbejder 12)") == true && mails.first?.data.contains("(employee 12)") == false, "a Danish mail words the records in Danish")
        #expect(mails.first?.data.contains("hemmelig") == false)
        let stored = try ConfigKey.all.compactMap { try fixture.replica.setting($0.name) }
        #expect(stored.count == 6 && !stored.contains { $0.contains("hemmelig") })
    }

    static func passwordFile(in directory: TemporaryDirectory, mode: mode_t) throws -> String {
        let path = directory.path("smtp-password")
        try Data("hemmelig-42\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, mode) == 0)
        return path
    }

    @Test("a password file others can read, or one inside the data directory (credentials.json), is refused before anything is sent")
    func passwordFileRefused() throws {
        let fixture = try SchedulerFixture()
        let secrets = try TemporaryDirectory("econsync-secrets")
        for (name, value) in [("smtp.url", "smtp://127.0.0.1:1"), ("smtp.username", "econsync"), ("smtp.from", "econsync@firma.dk"),
                              ("smtp.to", "kontor@firma.dk")] {
            try fixture.set(name, value)
        }
        func refusal() -> String? {
            do {
                _ = try Notifier.configured(replica: fixture.replica)
                return nil
            } catch {
                return "\(error)"
            }
        }
        try fixture.set("smtp.passwordFile", try Self.passwordFile(in: secrets, mode: 0o644))
        #expect(refusal()?.contains("can be read by others (mode 644)") == true)
        let credentials = fixture.directory.path("credentials.json")
        try Data(#"{"grant":"emulator-grant"}"#.utf8).write(to: URL(fileURLWithPath: credentials))
        #expect(chmod(credentials, 0o600) == 0)
        try fixture.set("smtp.passwordFile", credentials)
        #expect(refusal()?.contains("is inside the data directory") == true)
        try fixture.set("smtp.passwordFile", try Self.passwordFile(in: secrets, mode: 0o600))
        #expect(refusal() == nil)
    }

    @Test("without smtp.requireTLS false, a server that offers no TLS gets no mail and no password")
    func plainSMTPRefused() async throws {
        let sink = try SMTPSink(username: "econsync", password: "hemmelig-42")
        defer { sink.stop() }
        let fixture = try SchedulerFixture()
        let secrets = try TemporaryDirectory("econsync-secrets")
        for (name, value) in [("smtp.url", "smtp://127.0.0.1:\(sink.port)"), ("smtp.username", "econsync"),
                              ("smtp.passwordFile", try Self.passwordFile(in: secrets, mode: 0o600)),
                              ("smtp.from", "econsync@firma.dk"), ("smtp.to", "kontor@firma.dk")] {
            try fixture.set(name, value)
        }
        let notifier = try Notifier.configured(replica: fixture.replica, now: { fixture.clock.now() })
        let (run, outcome) = try await fixture.scheduler().run(.products, force: false) { _ in
            var outcome = ModuleOutcome()
            outcome.error = SyncError(.failed, "1 operation failed", module: "products")
            return outcome
        }
        #expect(try await notifier.notify(run: try #require(run), error: try #require(outcome.error)) == .failed)
        #expect(sink.messages.isEmpty)
    }

    @Test("blocked operations become the brief's troubleshooting errors, naming the records")
    func blockErrors() throws {
        func block(_ key: String, _ reason: PlanReason) -> PlanOperation {
            PlanOperation(kind: .timeEntry, key: key, action: .block, because: reason)
        }
        let employee = PlanReason.unresolved("employeeNumber", naming: ReferencedRecord(kind: .employee, id: 3, name: "Jens Hansen"))
        let customer = PlanReason.unresolved("customerNumber", naming: ReferencedRecord(kind: .customer, id: 4, name: "Hansen VVS ApS"))
        let error = try #require(ModuleRunner.blockError([block("local:1", employee), block("local:2", employee), block("local:3", customer)],
                                                         module: "projectEntries"))
        #expect(error.code == .employeeMissingID)
        #expect(error.message == "Employee is missing an e-conomic ID: Jens Hansen (employee 3): set the employee's e-conomic id or enable "
                + "employee sync; Customer not found in e-conomic: Hansen VVS ApS (customer 4): sync customers or force a sync (3 blocked in all)",
                "every kind of block is named, the most frequent first")
        #expect(error.remedy == .setEmployeeNumber)
        let only = try #require(ModuleRunner.blockError([block("local:3", customer)], module: "orders"))
        #expect(only.code == .customerNotFound && only.message == "Customer not found in e-conomic: Hansen VVS ApS (customer 4): sync customers or force a sync")
        #expect(only.remedy == .syncCustomers)
        #expect(ModuleRunner.blockError([], module: "orders") == nil)
    }
}
