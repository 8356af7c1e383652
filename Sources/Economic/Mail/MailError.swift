/// A failure to build or deliver an e-mail, with what to do about it.
///
/// Messages never contain the SMTP password.
///
/// ```swift
/// catch let error as MailError where error.code == .authenticationFailed {
///     print(error)   // … check the SMTP username and password
/// }
/// ```
public struct MailError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A stable category of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable name (`authentication-failed`).
        public var rawValue: String
        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// An address is empty, lacks an `@`, or contains characters an address cannot hold.
        public static let invalidAddress = Code(rawValue: "invalid-address")
        /// The SMTP settings cannot work (URL, recipients, credentials, timeout).
        public static let invalidSettings = Code(rawValue: "invalid-settings")
        /// The server could not be reached, or the connection or TLS failed.
        public static let connectionFailed = Code(rawValue: "connection-failed")
        /// The server refused the sender, a recipient or the message.
        public static let rejected = Code(rawValue: "rejected")
        /// The server refused the username and password, or demands them.
        public static let authenticationFailed = Code(rawValue: "authentication-failed")
        /// The server did not finish within the timeout.
        public static let timedOut = Code(rawValue: "timed-out")
    }

    /// The category of failure.
    public var code: Code
    /// What went wrong, in words.
    public var message: String
    /// The SMTP server's last reply code (`550`, `535`), when it sent one.
    public var responseCode: Int?

    /// Creates an error; `message` must not contain secrets.
    public init(_ code: Code, _ message: String, responseCode: Int? = nil) {
        self.code = code
        self.message = message
        self.responseCode = responseCode
    }

    /// The message followed by what to do.
    public var description: String { "\(message); \(advice)" }

    private var advice: String {
        switch code {
        case .invalidAddress: "give a plain address such as name@example.com"
        case .invalidSettings: "fix the SMTP settings"
        case .connectionFailed: "check the SMTP server's host and port, that it is running and reachable, and its TLS setup"
        case .rejected: "check the sender and recipient addresses, and that the server lets this account send for the sender"
        case .authenticationFailed: "check the SMTP username and password"
        case .timedOut: "the server did not answer in time; try again later or raise the timeout"
        default: "see the message"
        }
    }
}
