import Vocabulary

/// The categories of ``MailError``.
extension ErrorCode where Domain == MailError {
    /// An address is empty, lacks an `@`, or contains characters an address cannot hold.
    public static var invalidAddress: Self { "invalid-address" }
    /// The SMTP settings cannot work (URL, recipients, credentials, timeout).
    public static var invalidSettings: Self { "invalid-settings" }
    /// The server could not be reached, or the connection or TLS failed.
    public static var connectionFailed: Self { "connection-failed" }
    /// The server refused the sender, a recipient or the message.
    public static var rejected: Self { "rejected" }
    /// The server refused the username and password, or demands them.
    public static var authenticationFailed: Self { "authentication-failed" }
    /// The server did not finish within the timeout.
    public static var timedOut: Self { "timed-out" }
}
