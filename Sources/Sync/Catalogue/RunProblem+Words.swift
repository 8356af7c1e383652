import Reconcile
import Vocabulary

extension RunProblem {
    /// The problem in `language`: each reason in the catalogue's words, e-conomic's own words for a failure as it gave them.
    ///
    /// ```swift
    /// RunProblem.failed([failure], total: 1, blocked: [], blockedTotal: 0).words(.da)   // "1 handling fejlede: kunde 12: e-conomic refused …"
    /// ```
    public func words(_ language: Language) -> String {
        let da = language == .da
        switch self {
        case .recorded(let words):
            return words
        case .blocked(let reasons, let total):
            let more = total > reasons.count ? (da ? " (\(total) blokeret i alt)" : " (\(total) blocked in all)") : ""
            return reasons.map { $0.words(language) }.joined(separator: "; ") + more
        case .failed(let failures, let total, let blocked, let blockedTotal):
            let shown = failures.map { da ? "\($0.kind.name(.da).lowercased()) \($0.key): \($0.error)" : $0.description }.joined(separator: "; ")
            let failed = da ? "\(total) \(total == 1 ? "handling" : "handlinger") fejlede: \(shown)"
                : "\(total) operation\(total == 1 ? "" : "s") failed: \(shown)"
            guard blockedTotal > 0 else { return failed }
            return failed + (da ? "; også blokeret: " : "; also blocked: ") + RunProblem.blocked(blocked, total: blockedTotal).words(language)
        }
    }
}

extension SyncError {
    /// The error's message and the action it names, in `language`: a module run's records in the catalogue's words
    /// (see ``RunProblem``), other messages as the library words them; the action worded by `wording`.
    public func detail(_ wording: any RemedyWording, in language: Language) -> String {
        let message = problem?.words(language) ?? message
        return action.map { "\(message): \(wording.words(for: $0))" } ?? message
    }
}
