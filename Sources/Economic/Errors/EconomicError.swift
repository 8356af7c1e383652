import Foundation
import Vocabulary

/// An error from e-conomic or on the way to it, decoded from either of
/// e-conomic's error bodies (legacy REST and `application/problem+json`),
/// carrying what a user needs to act. It never contains a token.
///
/// ```swift
/// catch let error as EconomicError where error.code == .tokenExpired {
///     print(error.remedy)   // .reconnect
/// }
/// ```
public struct EconomicError: CodedError, Equatable {
    public static let domain = "economic"

    /// A stable category of failure.
    public typealias Code = ErrorCode<EconomicError>

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

    /// A 401 means the grant is gone: reconnect.
    public var outcome: ErrorOutcome { code == .tokenExpired ? .needsReconnect : .failure }

    /// `.reconnect` for an expired token, `.checkGrantToken` for a grant refused on connecting.
    public var remedy: Remedy? {
        switch code {
        case .tokenExpired: .reconnect
        case .grantNotAccepted: .checkGrantToken
        default: nil
        }
    }

    /// The error as a user reads it, naming the request; never a token.
    public func describe(_ wording: any RemedyWording) -> String {
        switch code {
        case .tokenExpired:
            return "Token expired: \(wording.words(for: .reconnect)) (\(request) answered 401: \(message))"
        case .grantNotAccepted:
            return "e-conomic refused the agreement grant token (\(request) answered 401: \(message)): \(wording.words(for: .checkGrantToken))"
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
