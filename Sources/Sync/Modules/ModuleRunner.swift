import Blocking
import Economic
import Foundation
import Reconcile
import Replica
import Snapshot
import Vocabulary

/// Runs sync modules for real: takes the module's lease, finishes an
/// interrupted reconcile first, reconciles the module's kinds (incrementally,
/// or every record when the full interval came round), approves transferred
/// hours when auto-approval is on, releases the registrations of exported
/// draft orders deleted in e-conomic, records what it did, and notifies about
/// errors.
///
/// ```swift
/// let runner = ModuleRunner(store: store, client: client, agreement: 1118081, scheduler: scheduler)
/// let result = try await runner.run(.customers, force: false)
/// ```
public struct ModuleRunner: Sendable {
    public let store: SnapshotStore
    public let client: EconomicClient
    public let agreement: Int
    public var scheduler: ModuleScheduler
    /// Where errors are sent, besides the module's status.
    public var notifier: Notifier?

    public init(store: SnapshotStore, client: EconomicClient, agreement: Int, scheduler: ModuleScheduler, notifier: Notifier? = nil) {
        self.store = store
        self.client = client
        self.agreement = agreement
        self.scheduler = scheduler
        self.notifier = notifier
    }

    /// One finished run: how it was recorded, and what it did.
    public struct Result: Sendable {
        public var module: Module
        public var run: ModuleRun?
        public var outcome: ModuleOutcome
    }

    /// Runs `module` now (`force` past its cooldown). Throws ``SyncError``
    /// when it may not run (disabled, cooling down, busy, token expired); a
    /// run that fails is recorded and returned, not thrown. `pulling` hears of
    /// each kind pulled, `pulled` when the pull is done, `progress` of each push.
    public func run(_ module: Module, force: Bool, pulling: (SnapshotPuller.Progress) -> Void = { _ in }, pulled: () -> Void = {},
                    progress: (PlanApplier.Progress) -> Void = { _ in }) async throws -> Result {
        let result = try await leased(module, force: force) { lease in
            try await perform(lease, pulling: pulling, pulled: pulled, progress: progress)
        }
        _ = try await Blocking.run { [store] in
            try store.packHistory()
            try store.apply(SnapshotRetention(replica: store.replica))
        }
        return result
    }

    /// Does `work` under `module`'s lease (see ``ModuleScheduler/run(_:force:apiCalls:work:)``),
    /// counting the e-conomic calls it makes and notifying about its error;
    /// a hung lease found first is released and notified too.
    public func leased(_ module: Module, force: Bool, work: (ModuleLease) async throws -> ModuleOutcome) async throws -> Result {
        // "Module hangs": a lease past the timeout is released first, and said so.
        try await notifier?.notify(released: try scheduler.releaseStale())
        let before = client.accounting.total.requests
        let (run, outcome) = try await scheduler.run(module, force: force, apiCalls: { client.accounting.total.requests - before }, work: work)
        try await notifier?.notify([(run, outcome)])
        return Result(module: module, run: run, outcome: outcome)
    }

    func perform(_ lease: ModuleLease, pulling: (SnapshotPuller.Progress) -> Void = { _ in }, pulled: () -> Void = {},
                 progress: (PlanApplier.Progress) -> Void) async throws -> ModuleOutcome {
        var reconciliation = Reconciliation(store: store, client: client, agreement: agreement, now: scheduler.now)
        reconciliation.modules = [lease.module]
        reconciliation.full = lease.full
        var outcome = ModuleOutcome()
        if let resumed = try await reconciliation.resume(progress: progress) {
            outcome.pulled += resumed.pulled
            outcome.pushed += resumed.pushed
        }
        let taken = try await reconciliation.takeSnapshot(loading: true, progress: pulling)
        pulled()
        defer { taken.discard() }
        let loaded = try await reconciliation.loadFirstPull(taken)
        let plan = try await reconciliation.plan(taken, leavingOut: Set(loaded.keys))
        let report = try await reconciliation.apply(plan, progress: progress)
        outcome.pulled += loaded.values.reduce(0, +) + report.pulled
        outcome.pushed += report.pushed
        outcome.skipped = plan.operations.count { $0.action == .skip }
        let blocks = plan.operations.filter { $0.action == .block }
        outcome.blocked = blocks.count
        outcome.conflicts = try await Blocking.run { [store] in try store.replica.conflicts().count { $0.runId == report.run } }
        (outcome.error, outcome.failed) = Self.error(failures: report.pullFailures + report.pushFailures, blocks: blocks,
                                                     module: lease.module.rawValue)
        if lease.module == .orders {
            outcome.released = try await OrderExporter(runner: self).followExports().count { $0.state == .released }
        }
        if lease.module == .projectEntries {
            try await AutoApproval(replica: store.replica, client: client).approve(run: report.run)
        }
        return outcome
    }

    /// The error a run's failed and blocked operations amount to, and
    /// whether the run failed (true when an operation failed; blocked
    /// records alone leave it succeeded, with the error to act on).
    static func error(failures: [ApplyReport.Failure], blocks: [PlanOperation], module: String) -> (SyncError?, failed: Bool) {
        let blocked = blockError(blocks, module: module)
        guard !failures.isEmpty else { return (blocked, false) }
        // A failure does not hide what was blocked: "Employee is missing an e-conomic ID" is said beside it.
        var shownBlocks: [PlanReason] = []
        if case .blocked(let reasons, _)? = blocked?.problem { shownBlocks = reasons }
        return (SyncError(.failed, RunProblem.failed(Array(failures.prefix(3)), total: failures.count, blocked: shownBlocks, blockedTotal: blocks.count),
                          module: module), true)
    }

    /// The error blocked operations amount to, naming the records: every
    /// kind of block, the most frequent first (its code is the error's, so the
    /// brief's troubleshooting case leads), none hidden behind another.
    static func blockError(_ blocks: [PlanOperation], module: String) -> SyncError? {
        guard !blocks.isEmpty else { return nil }
        let classified = blocks.map { SyncError.Code.ofBlock($0.because) }
        let counts = Dictionary(classified.map { ($0, 1) }, uniquingKeysWith: +)
        let codes = counts.keys.sorted { (counts[$0]!, $1.rawValue) > (counts[$1]!, $0.rawValue) }
        let shown = codes.flatMap { code in
            let reasons = zip(blocks, classified).filter { $0.1 == code }.map(\.0.because)
            return reasons.reduce(into: [PlanReason]()) { if !$0.contains($1) { $0.append($1) } }.prefix(3)
        }
        return SyncError(codes[0], RunProblem.blocked(shown, total: blocks.count), module: module)
    }
}
