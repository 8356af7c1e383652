import Foundation
import Reconcile
import Vocabulary

/// What a module run's error says about its records, as data: kept with the
/// run and worded in the language of whoever reads it (``words(_:)``), so the
/// office reads the panel, `status`, `log` and the mails in Danish whatever
/// language the run itself was started in. Scripts get the English words.
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
    /// Words only: an error without records' data, or text an earlier econsync stored.
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
    /// The problem as a run keeps it in the replica: its data as JSON, or, for ``recorded(_:)``, the words themselves.
    public var stored: String {
        let data: Stored
        switch self {
        case .recorded(let words): return words
        case .blocked(let reasons, let total): data = Stored(blocked: reasons, blockedTotal: total)
        case .failed(let failures, let total, let blocked, let blockedTotal):
            data = Stored(blocked: blocked, blockedTotal: blockedTotal, failures: failures.map(Stored.Failure.init), failedTotal: total)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(data)).flatMap { String(bytes: $0, encoding: .utf8) } ?? description
    }

    /// A problem read back from ``stored``: text that is not a problem's data is ``recorded(_:)``.
    public init(stored text: String) {
        guard text.hasPrefix("{"), let data = try? JSONDecoder().decode(Stored.self, from: Data(text.utf8)) else {
            self = .recorded(text)
            return
        }
        if let failures = data.failures {
            self = .failed(failures.map(\.failure), total: data.failedTotal ?? failures.count, blocked: data.blocked, blockedTotal: data.blockedTotal)
        } else {
            self = .blocked(data.blocked, total: data.blockedTotal)
        }
    }

    /// The stored shape.
    private struct Stored: Codable {
        struct Failure: Codable {
            var kind: Kind
            var key: String
            var error: String
            init(_ failure: ApplyReport.Failure) { (kind, key, error) = (failure.kind, failure.key, failure.error) }
            var failure: ApplyReport.Failure { ApplyReport.Failure(kind: kind, key: key, error: error) }
        }

        var blocked: [PlanReason]
        var blockedTotal: Int
        var failures: [Failure]?
        var failedTotal: Int?
    }
}
