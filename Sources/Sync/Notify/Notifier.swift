import Economic
import Foundation
import Replica
import Vocabulary

/// Tells people about module errors: every error is recorded in the
/// replica, and mailed when SMTP is configured, at most one mail per module
/// and error kind per hour (the rest are recorded as suppressed). A mail that
/// cannot be sent is recorded as failed; it never fails the module's run.
///
/// ```swift
/// let notifier = try Notifier.configured(replica: replica)
/// try await notifier.notify(run: run, error: error)
/// ```
public struct Notifier: Sendable {
    public let replica: ReplicaStore
    /// How mails go out; nil records notifications only.
    public var transport: (any MailTransport)?
    public var from: String
    public var to: [String]
    public var now: @Sendable () -> Date
    /// At most one mail per module and error kind in this window.
    public var window: TimeInterval = 3600
    /// How the mail words what to do: the front end's wording (the command-line tool names its commands),
    /// in the mail's ``language`` when the wording has words in it (``LocalizedRemedyWording``).
    public var wording: any RemedyWording
    /// The language of the mails (`smtp.language`; English unless set).
    public var language: Language = .en

    public init(replica: ReplicaStore, transport: (any MailTransport)?, from: String = "", to: [String] = [],
                wording: any RemedyWording = NeutralRemedyWording(), now: @escaping @Sendable () -> Date = Date.init) {
        self.replica = replica
        self.transport = transport
        self.from = from
        self.to = to
        self.wording = wording
        self.now = now
    }

    /// The notifier the replica's `smtp.*` settings describe: mailing through
    /// libcurl's SMTP when they are complete, recording only otherwise; `wording` words what to do.
    public static func configured(replica: ReplicaStore, wording: any RemedyWording = NeutralRemedyWording(),
                                  now: @escaping @Sendable () -> Date = Date.init) throws -> Notifier {
        let settings = try NotificationSettings(replica: replica)
        guard settings.isConfigured, let url = settings.url, let from = settings.from else {
            var notifier = Notifier(replica: replica, transport: nil, wording: wording, now: now)
            notifier.language = settings.language
            return notifier
        }
        let smtp = SMTPSettings(url: url, username: settings.username, password: try settings.password(dataDirectory: replica.url.deletingLastPathComponent()), from: from, to: settings.to,
                                requireTLS: settings.requireTLS)
        do {
            try smtp.validate()
        } catch {
            throw ConfigError(.smtpUnusable(String(describing: error)))
        }
        var notifier = Notifier(replica: replica, transport: try SMTPMailer(smtp), from: from, to: settings.to, wording: wording, now: now)
        notifier.language = settings.language
        return notifier
    }

    /// Notifies about each of `runs` that met an error (see ``notify(run:error:)``).
    public func notify(_ runs: [(run: ModuleRun?, outcome: ModuleOutcome)]) async throws {
        for case let (run?, outcome) in runs {
            if let error = outcome.error { _ = try await notify(run: run, error: error) }
        }
    }

    /// Notifies about runs released as hung ("Module hangs") or left by a process that is gone.
    public func notify(released runs: [ModuleRun]) async throws {
        for run in runs { _ = try await notify(run: run, error: SyncError(.timedOut, run.error.map { RunProblem(stored: $0).description } ?? "timed out", module: run.module)) }
    }

    /// Records `error` of `run`, and mails it unless one like it went out within the hour.
    @discardableResult
    public func notify(run: ModuleRun, error: SyncError) async throws -> NotificationEntry.State {
        let at = now()
        let (subject, body) = mail(run: run, error: error, at: at)
        let kind = error.code.rawValue
        var entry = NotificationEntry(module: run.module, errorKind: kind, at: Timestamp.string(at), subject: subject, body: body, state: .recorded)
        if let transport {
            let last = try replica.write { try $0.lastMailed(module: run.module, errorKind: kind) }
            if let last = last.flatMap(Timestamp.date), at < last.addingTimeInterval(window) {
                entry.state = .suppressed
            } else {
                do {
                    try await transport.send(MailMessage(from: from, to: to, subject: subject, body: body, date: at))
                    entry.state = .sent
                } catch {
                    entry.state = .failed
                    entry.error = "\(error)"
                }
            }
        }
        try replica.write { try $0.record(entry) }
        return entry.state
    }

    /// The mail about `error` of `run`, in ``language``: the subject names the module and the brief's headline for the error.
    func mail(run: ModuleRun, error: SyncError, at: Date) -> (subject: String, body: String) {
        let da = language == .da
        let wording = (self.wording as? any LocalizedRemedyWording)?.in(language) ?? self.wording
        let module = Module(rawValue: run.module)?.name(language) ?? run.module
        let headline = error.code.headline(language) ?? (da ? "kørslen fejlede" : "run failed")
        let subject = da ? "econsync: modulet \(module) — \(headline)" : "econsync: \(run.module) module — \(headline)"
        let started = "\(run.id.map(String.init) ?? "?") \(da ? "startet" : "started") \(run.startedAt)" + (run.forced ? (da ? " (tvunget)" : " (forced)") : "")
        var body = da
            ? "Modul: \(module) (\(run.module))\nKørsel: \(started)\nTidspunkt: \(Timestamp.string(at))\nFejl (\(error.code.rawValue)): \(error.detail(wording, in: .da))\n"
            : "Module: \(run.module)\nRun: \(started)\nWhen: \(Timestamp.string(at))\nError (\(error.code.rawValue)): \(error.detail(wording, in: .en))\n"
        if let remedy = error.troubleshooting { body += (da ? "Hvad du kan gøre: " : "What to do: ") + wording.words(for: remedy) + "\n" }
        return (subject, body)
    }
}
