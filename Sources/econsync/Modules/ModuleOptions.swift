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
        let counts = "\(outcome.pulled) pulled, \(outcome.pushed) pushed, \(outcome.skipped) skipped, \(outcome.blocked) blocked, "
            + "\(outcome.conflicts) conflicts, \(Output.count(outcome.apiCalls, "API call"))"
        let state = outcome.failed ? "failed" : "done"
        var line = "\(result.module.rawValue): \(state)\(result.run?.forced == true ? " (forced)" : "")\(result.run?.full == true ? " (full)" : ""): \(counts)"
        if outcome.released > 0 {
            line += "\n  \(Output.count(outcome.released, "exported order")) deleted in e-conomic: registrations released, to be exported again"
        }
        if let error = outcome.error {
            line += "\n  \(outcome.failed ? "error" : "warning"): \(error.detail(CommandLineWording()))"
            if let remedy = error.troubleshooting { line += "\n  what to do: \(CommandLineWording().words(for: remedy))" }
        }
        return line
    }
}
