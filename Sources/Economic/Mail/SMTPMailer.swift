import Blocking
import Foundation

/// Sends e-mail through an SMTP server with libcurl.
///
/// Each message gets its own connection, made on a thread of its own so the
/// blocking transfer never holds one of Swift's cooperative threads.
/// Cancelling the calling task aborts the transfer.
///
/// ```swift
/// let settings = SMTPSettings(url: "smtps://mail.example.com:465", username: "econsync", password: secret,
///                             from: "econsync@example.com", to: ["ops@example.com"])
/// let mailer = try SMTPMailer(settings)
/// try await mailer.send(settings.message(subject: "Modul kunder fejlede", body: "Kunde ikke fundet"))
/// ```
public struct SMTPMailer: MailTransport {
    /// The server, credentials and TLS requirement.
    public let settings: SMTPSettings
    /// Seconds one message may take in all, connecting included.
    public let timeout: Double

    /// Creates a mailer, throwing ``MailError`` when `settings` do not validate or `timeout` is not positive.
    public init(_ settings: SMTPSettings, timeout: Double = 30) throws {
        try settings.validate()
        guard timeout > 0, timeout.isFinite else { throw MailError(.invalidSettings, "the SMTP timeout must be a positive number of seconds") }
        self.settings = settings
        self.timeout = timeout
    }

    /// Sends `message` from its `from` to its `to` addresses; throws ``MailError`` or `CancellationError`.
    public func send(_ message: MailMessage) async throws {
        try Task.checkCancellation()
        let session = SMTPSession(settings: settings, message: message, timeout: timeout)
        try await withTaskCancellationHandler {
            try await Blocking.wait(named: "econsync.smtp") { try session.perform().get() }
        } onCancel: {
            session.cancel()
        }
    }
}
