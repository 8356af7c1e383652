/// Something that delivers e-mail; notifiers take one so tests can pass a recording fake.
///
/// ```swift
/// struct Recorder: MailTransport {
///     let sent = Mutex<[MailMessage]>([])
///     func send(_ message: MailMessage) async throws { sent.withLock { $0.append(message) } }
/// }
/// ```
public protocol MailTransport: Sendable {
    /// Delivers `message` to its recipients, throwing ``MailError`` when it cannot.
    func send(_ message: MailMessage) async throws
}
