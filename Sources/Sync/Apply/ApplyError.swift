import Vocabulary

/// Why a reconcile could not apply an operation or a plan: which record, what
/// went wrong, and what to do.
///
/// ```swift
/// throw ApplyError(.stalePlan, "the replica changed since the plan was made; make a new plan")
/// ```
public struct ApplyError: CodedError, Equatable {
    public static let domain = "apply"

    /// What kind of problem it is.
    public typealias Code = ErrorCode<ApplyError>

    public var code: Code
    /// What went wrong.
    public var message: String
    public var kind: Kind?
    public var key: String?
    /// What to do, worded by the front end, if there is an action to name.
    public var remedy: Remedy?

    public init(_ code: Code, _ message: String, kind: Kind? = nil, key: String? = nil, remedy: Remedy? = nil) {
        self.code = code
        self.message = message
        self.kind = kind
        self.key = key
        self.remedy = remedy
    }

    public var records: [String] {
        guard let kind, let key else { return [] }
        return ["\(kind) \(key)"]
    }

    /// `kind key: message; remedy`.
    public func describe(_ wording: any RemedyWording) -> String {
        var text = message
        if let remedy { text += "; " + wording.words(for: remedy) }
        if let kind, let key { return "\(kind) \(key): \(text)" }
        return text
    }
}
