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

/// A module run's result for `--json`.
struct ModuleRunReport: Encodable {
    var module: String
    var run: Int64?
    var forced: Bool
    var full: Bool
    var failed: Bool
    var pulled, pushed, skipped, blocked, conflicts, apiCalls: Int
    var error: String?
    var errorKind: String?
    var remedy: String?
    /// Why it did not run (cooling down, busy, disabled, token expired).
    var notRun: String?
    /// Order exports released because their draft was deleted in e-conomic; absent when none.
    var releasedOrders: Int?

    init(_ result: ModuleRunner.Result) {
        module = result.module.rawValue
        run = result.run?.id
        forced = result.run?.forced ?? false
        full = result.run?.full ?? false
        failed = result.outcome.failed
        (pulled, pushed, skipped, blocked, conflicts, apiCalls) = (result.outcome.pulled, result.outcome.pushed, result.outcome.skipped,
                                                                  result.outcome.blocked, result.outcome.conflicts, result.outcome.apiCalls)
        error = result.outcome.error?.detail(CommandLineWording())
        errorKind = result.outcome.error?.code.rawValue
        remedy = result.outcome.error?.troubleshooting.map(CommandLineWording().words)
        releasedOrders = result.outcome.released > 0 ? result.outcome.released : nil
    }

    init(_ result: ModuleSyncResult) {
        switch result {
        case .ran(let ran): self.init(ran)
        case .notRun(let module, let error): self.init(notRun: module.rawValue, error)
        }
    }

    init(notRun module: String, _ error: SyncError) {
        self.module = module
        forced = false
        full = false
        failed = false
        (pulled, pushed, skipped, blocked, conflicts, apiCalls) = (0, 0, 0, 0, 0, 0)
        errorKind = error.code.rawValue
        notRun = error.detail(CommandLineWording())
        remedy = error.troubleshooting.map(CommandLineWording().words)
    }
}
