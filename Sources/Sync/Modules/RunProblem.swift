import Foundation
import Reconcile
import Vocabulary

/// What a module run's error says, as data: why it did not run, or what
/// became of its records, kept with the run and worded in the language of
/// whoever reads it (``words(_:)``), so the office reads the panel, `status`,
/// `log`, `sync` and the mails in Danish whatever language the run itself was
/// started in. Scripts get the English words.
///
/// ```swift
/// let problem = RunProblem.blocked([.employeeMissingID(lars)], total: 4)
/// problem.words(.da)   // "Medarbejder mangler e-conomic ID: Lars (medarbejder 3): … (4 blokeret i alt)"
/// RunProblem(stored: problem.stored) == problem   // true
/// ```
public enum RunProblem: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// Records blocked: the reasons shown (up to three distinct ones of each kind, the most frequent kind first) and how many were blocked in all.
    case blocked([PlanReason], total: Int)
    /// Operations failed: the first few, how many failed in all, and the records blocked beside them (none when `blockedTotal` is 0).
    case failed([ApplyReport.Failure], total: Int, blocked: [PlanReason], blockedTotal: Int)
    /// The whole integration is paused.
    case paused
    /// The module is switched off (`MODULE.enabled` is false).
    case switchedOff(Module)
    /// The module needs the finance module (`finance.enabled`).
    case awaitingFinance
    /// The module ran this many whole minutes ago, within its cooldown of so many minutes.
    case coolingDown(minutesAgo: Int, cooldown: Int)
    /// A module of the agreement is running (`module`, when it is another one) in process `owner` since `since`.
    case running(other: String?, owner: String, since: String)
    /// Another process holds the agreement's lock (its pid, when the lock file names it).
    case locked(pid: String?)
    /// e-conomic's token expired: every module waits for a reconnect.
    case tokenExpired
    /// An order export or release refused or unfinished.
    case order(OrderProblem)
    /// e-conomic refused the connection: the token expired (e-conomic's words).
    case tokenRefused(String)
    /// e-conomic could not be reached (the request, the transport's words).
    case unreachable(request: String, String)
    /// e-conomic limited the agreement's calls (the request, e-conomic's words).
    case rateLimited(request: String, String)
    /// A trial run over a record (its kind and name) whose modules are all switched off.
    case allDisabled(Kind, String, [Module])
    /// Words only: an error without data of its own, or text an earlier econsync stored.
    case recorded(String)

    /// The problem in English.
    public var description: String { words(.en) }

    /// Encoded for scripts as its English words.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension RunProblem {
    /// The problem as a run keeps it in the replica: the records' data and e-conomic's answers as JSON; a reason a module did not run
    /// (which a run does not keep) and ``recorded(_:)`` as their English words.
    public var stored: String {
        let data: Stored
        switch self {
        case .recorded(let words): return words
        case .paused, .switchedOff, .awaitingFinance, .coolingDown, .running, .locked, .tokenExpired, .order, .allDisabled: return description
        case .tokenRefused(let words): data = Stored(economic: .init(kind: .token, request: nil, words: words))
        case .unreachable(let request, let words): data = Stored(economic: .init(kind: .unreachable, request: request, words: words))
        case .rateLimited(let request, let words): data = Stored(economic: .init(kind: .rateLimited, request: request, words: words))
        case .blocked(let reasons, let total): data = Stored(blocked: reasons, blockedTotal: total)
        case .failed(let failures, let total, let blocked, let blockedTotal):
            data = Stored(blocked: blocked, blockedTotal: blockedTotal, failures: failures, failedTotal: total)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(data)).flatMap { String(bytes: $0, encoding: .utf8) } ?? description
    }

    /// Whether a run keeps it as data: its records' fate (blocked or failed) or e-conomic's answer.
    public var isKeptAsData: Bool {
        switch self {
        case .blocked, .failed, .tokenRefused, .unreachable, .rateLimited: true
        case .paused, .switchedOff, .awaitingFinance, .coolingDown, .running, .locked, .tokenExpired, .order, .allDisabled, .recorded: false
        }
    }

    /// A problem read back from ``stored``: text that is not a problem's data is ``recorded(_:)``.
    public init(stored text: String) {
        guard text.hasPrefix("{"), let data = try? JSONDecoder().decode(Stored.self, from: Data(text.utf8)) else {
            self = .recorded(text)
            return
        }
        if let economic = data.economic {
            switch economic.kind {
            case .token: self = .tokenRefused(economic.words)
            case .unreachable: self = .unreachable(request: economic.request ?? "", economic.words)
            case .rateLimited: self = .rateLimited(request: economic.request ?? "", economic.words)
            }
        } else if let failures = data.failures {
            self = .failed(failures, total: data.failedTotal ?? failures.count, blocked: data.blocked ?? [], blockedTotal: data.blockedTotal ?? 0)
        } else {
            self = .blocked(data.blocked ?? [], total: data.blockedTotal ?? 0)
        }
    }

    /// The stored shape.
    private struct Stored: Codable {
        var blocked: [PlanReason]?
        var blockedTotal: Int?
        var failures: [ApplyReport.Failure]?
        var failedTotal: Int?
        var economic: Economic?

        /// An answer from e-conomic, or none.
        struct Economic: Codable {
            enum Kind: String, Codable { case token, unreachable, rateLimited }
            var kind: Kind
            var request: String?
            var words: String
        }
    }
}
