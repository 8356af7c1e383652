import ArgumentParser
import Foundation
import Replica
import Sync

/// What the module commands share: opening the replica, the connection and
/// the scheduler with the process's clock, and printing one run's result.
struct ModuleContext {
    let global: GlobalOptions
    let replica: ReplicaStore
    let scheduler: ModuleScheduler

    init(global: GlobalOptions) throws {
        self.global = global
        replica = try global.openReplica()
        scheduler = try global.workspace().scheduler(replica)
    }

    /// The runner for the connected agreement.
    func runner() throws -> ModuleRunner {
        try global.workspace().runner(scheduler)
    }

    /// One line about a finished run.
    static func line(_ result: ModuleRunner.Result) -> String {
        let outcome = result.outcome
        let counts = Speech.language == .da
            ? "\(outcome.pulled) hentet, \(outcome.pushed) sendt, \(outcome.skipped) sprunget over, \(outcome.blocked) blokeret, "
                + "\(outcome.conflicts) konflikter, \(outcome.apiCalls) API-kald"
            : "\(outcome.pulled) pulled, \(outcome.pushed) pushed, \(outcome.skipped) skipped, \(outcome.blocked) blocked, "
                + "\(outcome.conflicts) conflicts, \(Output.count(outcome.apiCalls, "API call"))"
        let state = outcome.failed ? Speech.say("fejlede", "failed") : Speech.say("færdig", "done")
        let forced = result.run?.forced == true ? Speech.say(" (tvunget)", " (forced)") : ""
        var line = "\(result.module.rawValue): \(state)\(forced)\(result.run?.full == true ? Speech.say(" (fuld)", " (full)") : ""): \(counts)"
        if outcome.released > 0 {
            line += "\n  \(Speech.count(outcome.released, "eksporteret ordre", "eksporterede ordrer", "exported order")) "
                + Speech.say("slettet i e-conomic: registreringerne er frigivet til ny eksport", "deleted in e-conomic: registrations released, to be exported again")
        }
        if let error = outcome.error {
            line += "\n  \(outcome.failed ? Speech.say("fejl", "error") : Speech.say("advarsel", "warning")): \(error.spokenDetail)"
            if let what = error.spokenTroubleshooting { line += "\n  " + what }
        }
        return line
    }
}
