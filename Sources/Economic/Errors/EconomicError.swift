import Foundation

/// An error from e-conomic or on the way to it, decoded from either of
/// e-conomic's error bodies (legacy REST and `application/problem+json`),
/// carrying what a user needs to act. It never contains a token.
///
/// ```swift
/// catch let error as EconomicError where error.code == .tokenExpired {
///     print(error)   // Token expired: reconnect with `econsync reconnect`
/// }
/// ```
public struct EconomicError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A stable category of failure.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// 401: the grant was revoked or the tokens are wrong.
        public static let tokenExpired = Code(rawValue: "token-expired")
        /// 401 on connecting: the agreement grant token just given was not accepted.
        public static let grantNotAccepted = Code(rawValue: "grant-not-accepted")
        /// 403 because the agreement lacks a module (e.g. Projects).
        public static let missingModule = Code(rawValue: "missing-module")
        /// 403 for another reason (the app's role, the read-only demo agreement).
        public static let forbidden = Code(rawValue: "forbidden")
        /// 404.
        public static let notFound = Code(rawValue: "not-found")
        /// 400 or 422: the request's data was refused; see `fieldErrors`.
        public static let validation = Code(rawValue: "validation")
        /// 409: the record changed since it was read (stale `objectVersion`).
        public static let conflict = Code(rawValue: "conflict")
        /// 429 after every retry.
        public static let rateLimited = Code(rawValue: "rate-limited")
        /// 5xx after every retry.
        public static let server = Code(rawValue: "server")
        /// No response (timeouts, refused or dropped connections) after every retry.
        public static let transport = Code(rawValue: "transport")
        /// A response e-conomic would not send (unparseable, wrong shape).
        public static let badResponse = Code(rawValue: "bad-response")
        /// Any other status.
        public static let http = Code(rawValue: "http")
    }

    /// One refused field of a request, as e-conomic names it (`lines[0].unitNetPrice`).
    public struct FieldError: Sendable, Equatable, CustomStringConvertible {
        public var field: String
        public var message: String
        public var errorCode: String?
        public var description: String { "\(field): \(message)\(errorCode.map { " (\($0))" } ?? "")" }
    }

    public var code: Code
    public var status: Int?
    /// e-conomic's message (legacy `message`, problem `title`/`detail`).
    public var message: String
    /// e-conomic's error code (`E04810`, `UpdateConflict`, `AccessDeniedAgreementMissingModules`).
    public var errorCode: String?
    public var developerHint: String?
    /// e-conomic's log or trace id, for support requests.
    public var logId: String?
    public var fieldErrors: [FieldError]
    /// The module the agreement lacks, for `.missingModule`.
    public var module: String?
    /// The method and URL (without query) of the request.
    public var request: String

    public init(_ code: Code, status: Int? = nil, message: String, errorCode: String? = nil, developerHint: String? = nil,
                logId: String? = nil, fieldErrors: [FieldError] = [], module: String? = nil, request: String) {
        self.code = code
        self.status = status
        self.message = message
        self.errorCode = errorCode
        self.developerHint = developerHint
        self.logId = logId
        self.fieldErrors = fieldErrors
        self.module = module
        self.request = request
    }

    public var description: String {
        switch code {
        case .tokenExpired:
            return "Token expired: reconnect with `econsync reconnect` (\(request) answered 401: \(message))"
        case .grantNotAccepted:
            return "e-conomic did not accept the agreement grant token (\(request) answered 401: \(message)): check that the whole token "
                + "was given, or approve econsync's access again to get a new one"
        case .missingModule:
            return "The e-conomic agreement lacks the \(module ?? "required") module: enable it in e-conomic (\(request) answered 403)"
        case .rateLimited:
            return "Rate limited: \(request): \(message); e-conomic limits each agreement's calls per 60-second window, "
                + "so the work is left for the next run"
        case .conflict:
            return "\(request): the record was changed in e-conomic since it was read (stale objectVersion); read it again and retry"
        default:
            var text = "\(request): \(status.map { "\($0) " } ?? "")\(message)"
            if let errorCode { text += " [\(errorCode)]" }
            if !fieldErrors.isEmpty { text += "; " + fieldErrors.map(\.description).joined(separator: "; ") }
            if let logId { text += " (log id \(logId))" }
            return text
        }
    }
}
