import Vocabulary

/// A failure to build or deliver an e-mail, with what to do about it.
///
/// Messages never contain the SMTP password.
///
/// ```swift
/// catch let error as MailError where error.code == .authenticationFailed {
///     print(error)   // … check the SMTP username and password
/// }
/// ```
public struct MailError: CodedError, Equatable {
    public static let domain = "mail"

    /// A stable category of failure.
    public typealias Code = ErrorCode<MailError>

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
    public func describe(_ wording: any RemedyWording) -> String { "\(message); \(advice)" }

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
