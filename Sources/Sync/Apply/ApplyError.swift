import Vocabulary

/// Why a reconcile could not apply an operation or a plan: which record, what
/// went wrong, and what to do.
///
/// ```swift
/// throw ApplyError(.stalePlan, "the replica changed since the plan was made; make a new plan")
/// ```
public struct ApplyError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of problem it is.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The plan was made from inputs that have moved since.
        public static let stalePlan = Code(rawValue: "stale-plan")
        /// An interrupted run must be resumed first, or there is none to resume.
        public static let interrupted = Code(rawValue: "interrupted")
        /// The operation names a record that is not there.
        public static let missingRecord = Code(rawValue: "missing-record")
        /// A value from e-conomic does not fit the replica.
        public static let badValue = Code(rawValue: "bad-value")
        /// An operation econsync cannot carry out.
        public static let unsupported = Code(rawValue: "unsupported")
        /// e-conomic answered in a way econsync cannot use.
        public static let badResponse = Code(rawValue: "bad-response")
        /// A record this push needs was not created.
        public static let dependencyFailed = Code(rawValue: "dependency-failed")
    }

    public var code: Code
    public var message: String
    public var kind: Kind?
    public var key: String?

    public init(_ code: Code, _ message: String, kind: Kind? = nil, key: String? = nil) {
        self.code = code
        self.message = message
        self.kind = kind
        self.key = key
    }

    public var description: String {
        if let kind, let key { return "\(kind) \(key): \(message)" }
        return message
    }
}
