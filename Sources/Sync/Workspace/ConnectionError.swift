import Vocabulary

/// Why a new connection to e-conomic was not stored: it is for another
/// agreement than the one this data directory (or department) syncs with,
/// or another department already syncs with that agreement.
public struct ConnectionError: MessageError, Equatable {
    public static let domain = "connection"

    /// What kind of problem it is.
    public typealias Code = ErrorCode<ConnectionError>

    /// What is wrong, as data for a front end to word (``message`` is its English words).
    public var problem: Problem
    /// What to do, worded by the front end.
    public var remedy: Remedy?

    public init(_ problem: Problem, remedy: Remedy? = nil) {
        self.problem = problem
        self.remedy = remedy
    }

    public var code: Code {
        switch problem {
        case .otherAgreement: .otherAgreement
        case .agreementInUse: .agreementInUse
        case .notConnected, .noPublicToken: .cannotReconnect
        }
    }

    /// What is wrong, in English.
    public var message: String { problem.description }

    /// What is wrong with a connection.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// A grant for another agreement than the stored connection's (the grant's, the stored one's).
        case otherAgreement(granted: Int, connected: Int)
        /// Another department's connection uses the agreement (the department; nil for the records without one).
        case agreementInUse(Int, department: String?)
        /// No connection is stored.
        case notConnected
        /// The stored connection names no app public token (its grant was pasted).
        case noPublicToken

        public var description: String {
            switch self {
            case .otherAgreement(let granted, let connected):
                "the grant is for agreement \(granted), but econsync is connected to agreement \(connected)"
            case .agreementInUse(let agreement, let department):
                "e-conomic agreement \(agreement) is already connected for \(department.map { "department \($0)" } ?? "the records without a department"); "
                    + "each department needs an agreement of its own"
            case .notConnected: "econsync is not connected to e-conomic"
            case .noPublicToken: "the stored connection names no app public token, so e-conomic's grant page cannot be opened for it"
            }
        }
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
