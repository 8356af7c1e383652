import Vocabulary

/// Why a sync module did not run or did not finish: which module, which
/// record, what went wrong, and what to do about it (the brief's
/// troubleshooting cases carry its remedies).
///
/// ```swift
/// throw SyncError(.coolingDown, "ran 3 minutes ago (cooldown 15 minutes)", module: "customers", action: .waitForCooldown(until: end))
/// ```
public struct SyncError: CodedError, Equatable {
    public static let domain = "sync"

    /// What kind of problem it is; also the error kind notifications are grouped by.
    public typealias Code = ErrorCode<SyncError>

    public var code: Code
    /// What went wrong.
    public var message: String
    /// The module concerned, if any.
    public var module: String?
    /// The action the error's text names after its message (`…: set one with …`), if any.
    public var action: Remedy?
    /// For a module run's blocked and failed records: what ``message`` says, as data the catalogue words in each language.
    public var problem: RunProblem?

    public init(_ code: Code, _ message: String, module: String? = nil, action: Remedy? = nil) {
        self.code = code
        self.message = message
        self.module = module
        self.action = action
    }

    /// A module run's error with its ``problem`` as data: its message is `problem` in English.
    public init(_ code: Code, _ problem: RunProblem, module: String? = nil, action: Remedy? = nil) {
        self.init(code, problem.description, module: module, action: action)
        self.problem = problem
    }

    /// Exit class: a reconnect is needed, the module did not run, or it failed.
    public var outcome: ErrorOutcome {
        switch code {
        case .needsReconnect: .needsReconnect
        case .coolingDown, .busy, .disabled, .paused: .notRun
        case .unreachable: .unreachable
        case .invalidRequest, .nothingToExport, .orderStillDraft, .orderSent: .usage
        default: .failure
        }
    }

    /// The action the text names, else the brief's remedy for the code.
    public var remedy: Remedy? { action ?? troubleshooting }

    /// The brief's remedy for the troubleshooting cases, by code (what a "what to do" line says).
    public var troubleshooting: Remedy? {
        switch code {
        case .customerNotFound: .syncCustomers
        case .employeeMissingID: .setEmployeeNumber
        case .needsReconnect: .reconnect
        case .timedOut: .retryLater(after: .timeout)
        case .productMissing: .enableProductCreation
        case .rateLimited: .retryLater(after: .rateLimit)
        case .unreachable: .retryLater(after: .network)
        case .activityUnmapped: .mapActivity
        default: nil
        }
    }

    /// The message and the action it names: `message: action`.
    public func detail(_ wording: any RemedyWording) -> String {
        action.map { "\(message): \(wording.words(for: $0))" } ?? message
    }

    /// `module: message: action`.
    public func describe(_ wording: any RemedyWording) -> String {
        module.map { "\($0): \(detail(wording))" } ?? detail(wording)
    }
}
