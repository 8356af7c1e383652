import Sync

extension InterruptionReport {
    /// What was done and what to run, in `language`: the remedy's words in it too.
    func message(_ language: Language) -> String {
        let da = language == .da
        let resume = da ? "`econsync reconcile --resume` gør kørslen færdig; intet sendes to gange"
            : "`econsync reconcile --resume` finishes the run; nothing is sent twice"
        switch moment {
        case .beforeAnyModule:
            return da ? "afbrudt, før noget modul kørte: intet er ændret" : "interrupted before any module ran: nothing changed"
        case .modules(let finished, let cutOff):
            let finish = CommandLineWording(language).words(for: .finishSync)
            guard da else {
                let done = finished.isEmpty ? "no module had finished" : "\(finished.map(\.rawValue).joined(separator: ", ")) had finished"
                return "interrupted: \(done); \(cutOff.rawValue) was cut off. Nothing is lost and nothing is sent twice: \(finish)"
            }
            let done = finished.isEmpty ? "intet modul var færdigt" : "\(finished.map { $0.name(.da) }.joined(separator: ", ")) var færdige"
            return "afbrudt: \(done); \(cutOff.name(.da)) blev afbrudt undervejs. Intet er tabt, og intet sendes to gange: \(finish)"
        case .beforeApply:
            return da ? "afbrudt, før planen blev udført: intet er sendt" : "interrupted before the plan was applied: nothing was sent"
        case .beforePlanWritten:
            return da ? "afbrudt: ingen plan blev skrevet; intet er sendt" : "interrupted: no plan was written; nothing was sent"
        case .applying:
            return da ? "afbrudt, mens planen blev udført: \(resume)" : "interrupted while applying the plan: \(resume)"
        case .operations(let done, let total):
            return da ? "afbrudt efter \(done) af \(total) handlinger: \(resume)" : "interrupted after \(done) of \(total) operations: \(resume)"
        case .resuming:
            return da ? "afbrudt: \(resume)" : "interrupted: \(resume)"
        case .setup:
            return da ? "afbrudt: ingen indstilling blev gemt; forbindelsen er bevaret; kør `econsync setup` igen"
                : "interrupted: no setting was saved; the connection is kept; run `econsync setup` again"
        }
    }
}
