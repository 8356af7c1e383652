import Economic
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
        case .order(let problem):
            return problem.words(language)
        case .paused:
            return da ? "integrationen er sat på pause (arbejdet i marken fortsætter offline)" : "the integration is paused (field work goes on offline)"
        case .switchedOff(let module):
            return da ? "slået fra (\(module.rawValue).enabled er false)" : "disabled (\(module.rawValue).enabled is false)"
        case .awaitingFinance:
            return da ? "slået fra, indtil økonomimodulet er aktivt (finance.enabled)" : "disabled until the finance module is active (finance.enabled)"
        case .coolingDown(let ago, let cooldown):
            guard da else {
                return "ran \(ago == 0 ? "less than a minute" : ago == 1 ? "1 minute" : "\(ago) minutes") ago (cooldown \(cooldown) minutes)"
            }
            return "kørte for \(ago == 0 ? "under et minut" : ago == 1 ? "1 minut" : "\(ago) minutter") siden (hviletid \(cooldown) minutter)"
        case .running(let other, let owner, let since):
            guard da else {
                return "\(other.map { "cannot start while \($0) is running" } ?? "is already running") (in process \(owner) since \(since)); "
                    + "one agreement's modules run one at a time, try again when it finishes"
            }
            return "\(other.map { "kan ikke starte, mens \($0) kører" } ?? "kører allerede") (i proces \(owner) siden \(since)); "
                + "en aftales moduler kører ét ad gangen, prøv igen, når det er færdigt"
        case .locked(let pid):
            guard da else {
                return "running in another process (\(pid.map { "pid \($0)" } ?? "pid unknown: it may have just finished")); "
                    + "one process at a time syncs an agreement, try again when it finishes"
            }
            return "kører i en anden proces (\(pid.map { "pid \($0)" } ?? "pid ukendt: den er måske lige blevet færdig")); "
                + "én proces ad gangen synkroniserer en aftale, prøv igen, når den er færdig"
        case .tokenRefused(let words):
            return da ? "Token udløbet: e-conomic afviste forbindelsen (\(words))" : "Token expired: e-conomic refused the connection (\(words))"
        case .unreachable(let request, let words):
            return da ? "e-conomic kan ikke nås (\(request): \(words))" : "e-conomic is unreachable (\(request): \(words))"
        case .rateLimited(let request, let words):
            // As the error said it when the run stopped (its words name no action).
            return EconomicError(.rateLimited, message: words, request: request).describe(NeutralRemedyWording(), in: language)
        case .allDisabled(let kind, let name, let modules):
            let list = modules.map(\.rawValue).joined(separator: ", ")
            return da ? "alle moduler, som \(kind.noun(.da)) \(name) behøver, er slået fra (\(list))"
                : "every module \(kind.rawValue) \(name) needs is disabled (\(list))"
        case .tokenExpired:
            return da ? "Token udløbet: e-conomic afviste forbindelsen; alle moduler venter på, at der forbindes igen"
                : "Token expired: e-conomic refused the connection; every module waits for a reconnect"
        case .blocked(let reasons, let total):
            let more = total > reasons.count ? (da ? " (\(total) blokeret i alt)" : " (\(total) blocked in all)") : ""
            return reasons.map { $0.words(language) }.joined(separator: "; ") + more
        case .failed(let failures, let total, let blocked, let blockedTotal):
            let shown = failures.map { da ? "\($0.kind.noun(.da)) \($0.key): \($0.error)" : $0.description }.joined(separator: "; ")
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
