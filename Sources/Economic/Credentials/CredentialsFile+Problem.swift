import Vocabulary

extension CredentialsFile {
    /// An error reading or writing the credentials file, or connecting; never shows the file's contents.
    ///
    /// ```swift
    /// catch let problem as CredentialsFile.Problem where problem.remedy == .connect { … }
    /// ```
    public struct Problem: MessageError, Equatable {
        public static let domain = "credentials"

        /// Which kind of problem it is.
        public typealias Code = ErrorCode<Problem>

        public var code: Code
        /// What is wrong.
        public var message: String
        /// What to do, worded by the front end, if there is an action to name.
        public var remedy: Remedy?

        /// A problem of kind `code`; `message` must not contain secrets.
        public init(_ code: Code, message: String, remedy: Remedy? = nil) {
            self.code = code
            self.message = message
            self.remedy = remedy
        }
    }
}

/// The kinds of ``CredentialsFile/Problem``.
extension ErrorCode where Domain == CredentialsFile.Problem {
    /// No connection is stored.
    public static var notConnected: Self { "not-connected" }
    /// The file is readable or writable by others.
    public static var exposed: Self { "exposed" }
    /// The file belongs to another user.
    public static var foreignOwner: Self { "foreign-owner" }
    /// The file is not a credentials file econsync wrote.
    public static var unreadable: Self { "unreadable" }
    /// The file could not be written or deleted.
    public static var io: Self { "io" }
    /// The loopback listener could not be set up.
    public static var loopback: Self { "loopback" }
    /// e-conomic's redirect did not arrive in time.
    public static var noAnswer: Self { "no-answer" }
}
