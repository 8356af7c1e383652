/// An error every econsync library throws: a stable code, what it means for
/// the operation (``ErrorOutcome``), the records it names, and what the user
/// can do (``Remedy``), worded by the front end that shows it.
///
/// ```swift
/// catch let error as any CodedError {
///     print(error.identifier)                          // replica.busy
///     print(error.describe(CommandLineWording()))      // …: is held by another econsync process … (try again when it finishes)
///     exit(error.outcome == .notRun ? 5 : 1)
/// }
/// ```
public protocol CodedError: Error, CustomStringConvertible, Sendable {
    /// The error type's family of codes, the first part of ``identifier`` (`replica`, `sync`).
    static var domain: String { get }
    /// Which kind of failure this is.
    var code: ErrorCode<Self> { get }
    /// What the failure means for the operation; `.failure` unless said otherwise.
    var outcome: ErrorOutcome { get }
    /// The records the error is about, as a user names them (`customer 3`, `product e:12`); empty if none.
    var records: [String] { get }
    /// What the user can do about it, if there is an action to name.
    var remedy: Remedy? { get }
    /// The error in words, with its remedy (if any) worded by `wording`.
    func describe(_ wording: any RemedyWording) -> String
}

extension CodedError {
    /// The code with its domain, stable across releases: `replica.busy`, `sync.needsReconnect`.
    public var identifier: String { "\(Self.domain).\(code.rawValue)" }

    public var outcome: ErrorOutcome { .failure }

    public var records: [String] { [] }

    public var remedy: Remedy? { nil }

    /// The error in words, any remedy worded neutrally (front ends use ``describe(_:)`` with their wording).
    public var description: String { describe(NeutralRemedyWording()) }
}
