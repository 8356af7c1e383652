import Foundation

/// Where and as whom notification e-mails are sent: the SMTP server, its
/// credentials, and the sender and recipients of the notifications.
///
/// Printing the settings never shows the password.
///
/// ```swift
/// let settings = SMTPSettings(url: "smtp://mail.example.com:587", username: "econsync", password: secret,
///                             from: "econsync@example.com", to: ["ops@example.com"], requireTLS: true)
/// try settings.validate()
/// ```
public struct SMTPSettings: Sendable, Equatable, CustomStringConvertible {
    /// The server: `smtp://host:port` (STARTTLS only with `requireTLS`) or `smtps://host:port` (TLS from the start).
    public var url: String
    /// The SMTP AUTH username, or nil to send without logging in.
    public var username: String?
    /// The SMTP AUTH password; never printed.
    public var password: String?
    /// The notifications' sender address.
    public var from: String
    /// The notifications' recipient addresses.
    public var to: [String]
    /// Whether to refuse sending unless the connection is encrypted (STARTTLS on `smtp://`).
    public var requireTLS: Bool

    /// Creates settings; call ``validate()`` to check them.
    public init(url: String, username: String? = nil, password: String? = nil, from: String, to: [String], requireTLS: Bool = false) {
        self.url = url
        self.username = username
        self.password = password
        self.from = from
        self.to = to
        self.requireTLS = requireTLS
    }

    /// The settings with the password shown only as `(set)`.
    public var description: String {
        let secret = password.map { $0.isEmpty ? "(empty)" : "(set)" } ?? "nil"
        return "SMTPSettings(url: \(Self.redactedURL(url)), username: \(username ?? "nil"), password: \(secret), "
            + "from: \(from), to: \(to.joined(separator: ", ")), requireTLS: \(requireTLS))"
    }

    /// Throws ``MailError/Code/invalidSettings`` or ``MailError/Code/invalidAddress``
    /// for settings that cannot work.
    public func validate() throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "smtp" || scheme == "smtps" else {
            throw MailError(.invalidSettings, "the SMTP URL \(String(reflecting: Self.redactedURL(url))) must look like smtp://host:port or smtps://host:port")
        }
        guard let host = components.host, !host.isEmpty else {
            throw MailError(.invalidSettings, "the SMTP URL \(String(reflecting: Self.redactedURL(url))) has no host")
        }
        guard components.user == nil && components.password == nil else {
            throw MailError(.invalidSettings, "the SMTP URL must not hold credentials; give them as username and password")
        }
        if password != nil && (username ?? "").isEmpty {
            throw MailError(.invalidSettings, "an SMTP password is set without a username")
        }
        if let username, username.contains(where: \.isNewline) {
            throw MailError(.invalidSettings, "the SMTP username contains a line break")
        }
        guard !to.isEmpty else { throw MailError(.invalidSettings, "the SMTP settings name no recipient (to)") }
        try MailMessage.checkAddress(from, role: "sender")
        for address in to { try MailMessage.checkAddress(address, role: "recipient") }
    }

    /// A message from ``from`` to ``to``.
    public func message(subject: String, body: String, date: Date = Date()) throws -> MailMessage {
        try MailMessage(from: from, to: to, subject: subject, body: body, date: date)
    }

    /// `url` with any password in it replaced by `(redacted)`.
    static func redactedURL(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url.contains("@") ? "(unparseable URL)" : url }
        guard components.password != nil else { return url }
        components.password = "(redacted)"
        return components.string ?? "(unparseable URL)"
    }
}
