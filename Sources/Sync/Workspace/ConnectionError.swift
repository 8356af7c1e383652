import Vocabulary

/// Why a new connection to e-conomic was not stored: it is for another
/// agreement than the one this data directory (or department) syncs with,
/// or another department already syncs with that agreement.
public struct ConnectionError: MessageError, Equatable {
    public static let domain = "connection"

    /// What kind of problem it is.
    public typealias Code = ErrorCode<ConnectionError>

    public var code: Code
    /// What is wrong.
    public var message: String
    /// What to do, worded by the front end.
    public var remedy: Remedy?

    public init(_ code: Code, _ message: String, remedy: Remedy? = nil) {
        self.code = code
        self.message = message
        self.remedy = remedy
    }
}

extension ErrorCode where Domain == ConnectionError {
    /// The grant is for another agreement than the stored connection's.
    public static var otherAgreement: Self { "other-agreement" }
    /// Another department's connection already uses the agreement.
    public static var agreementInUse: Self { "agreement-in-use" }
    /// The stored connection cannot be renewed through e-conomic's grant page (none is stored, or it names no app public token).
    public static var cannotReconnect: Self { "cannot-reconnect" }
}
