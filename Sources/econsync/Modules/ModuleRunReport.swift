import Foundation
import Sync

/// A module run's result for `--json`: its counts, and any error as its
/// words (`error`, or `notRun` when it did not run), its stable code
/// (`errorKind`) and its remedy as an object (`{"action", "text", …}`).
struct ModuleRunReport: Encodable {
    var module: String
    var run: Int64?
    var forced: Bool
    var full: Bool
    var failed: Bool
    var pulled, pushed, skipped, blocked, conflicts, apiCalls: Int
    var error: String?
    var errorKind: String?
    var remedy: RemedyJSON?
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
        remedy = result.outcome.error?.remedy.map(RemedyJSON.init)
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
        remedy = error.remedy.map(RemedyJSON.init)
    }
}
