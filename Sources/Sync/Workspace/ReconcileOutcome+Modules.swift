import Reconcile
import Vocabulary

extension ReconcileOutcome {
    /// What the reconcile did for each of `modules`, as that module's run
    /// records it: its kinds' operations (pulls and pushes less those that
    /// failed), skips, blocks and conflicts, and the error its failed and
    /// blocked operations amount to. A resume has no plan: what it finished
    /// is counted on the first module.
    func moduleOutcomes(_ modules: [Module]) -> [Module: ModuleOutcome] {
        let failures = (applied?.pullFailures ?? []) + (applied?.pushFailures ?? [])
        var outcomes: [Module: ModuleOutcome] = [:]
        for module in modules {
            var outcome = ModuleOutcome()
            let operations = plan?.operations.filter { $0.module == module } ?? []
            let failed = failures.filter { $0.kind.module == module }
            if applied != nil {
                let failedKeys = Set(failed.map { RecordKeyPair(kind: $0.kind, key: $0.key) })
                let done = operations.filter { !failedKeys.contains(RecordKeyPair(kind: $0.kind, key: $0.key)) }
                outcome.pulled = done.count { $0.action.isPull } + firstPulled.filter { $0.key.module == module }.values.reduce(0, +)
                outcome.pushed = done.count { $0.action.isPush }
            }
            outcome.skipped = operations.count { $0.action == .skip }
            let blocks = operations.filter { $0.action == .block }
            outcome.blocked = blocks.count
            outcome.conflicts = operations.reduce(0) { $0 + $1.conflicts.count }
            (outcome.error, outcome.failed) = ModuleRunner.error(failures: failed, blocks: blocks, module: module.rawValue)
            outcomes[module] = outcome
        }
        if plan == nil, let applied, let first = modules.first {
            outcomes[first]?.pulled = applied.pulled
            outcomes[first]?.pushed = applied.pushed
        }
        return outcomes
    }

    /// A record as a failure and an operation both name it.
    private struct RecordKeyPair: Hashable {
        var kind: Kind
        var key: String
    }
}
