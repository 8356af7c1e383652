import Economic
import Foundation
import Reconcile
import Replica
import Vocabulary

/// What a reconcile is asked to do.
public enum ReconcileMode: Sendable {
    /// Take a snapshot of e-conomic, plan, and apply the plan.
    case apply
    /// Plan only, writing nothing anywhere (the snapshot goes to a scratch folder).
    case dryRun
    /// Plan, and hand the plan file's bytes to `write` instead of applying
    /// them (the snapshot is kept in the store for the plan's later apply).
    case writePlan(to: @Sendable ([UInt8]) throws -> Void)
    /// Apply a plan file written earlier, refused when its inputs moved.
    case applyPlan([UInt8])
    /// Finish the interrupted run, settling every push that may have reached e-conomic first.
    case resume

    /// Whether the mode writes nothing anywhere.
    var isDryRun: Bool {
        if case .dryRun = self { true } else { false }
    }
}

/// What a reconcile did.
public struct ReconcileOutcome: Sendable {
    /// The plan made or applied; nil for a resume.
    public var plan: Plan?
    /// The snapshot the plan was made from when it is kept in the store (not for a dry run).
    public var snapshotFile: String?
    /// What was applied; nil when nothing was (a dry run, a plan written, nothing to resume).
    public var applied: ApplyReport?
    /// Records written straight from the snapshot before the plan (a first
    /// pull of kinds neither the base nor the replica has), per kind; the plan leaves them out.
    public var firstPulled: [Kind: Int] = [:]
}

/// What a reconcile tells as it goes, for a front end to show.
public struct ReconcileEvents {
    /// The pull of the snapshot, kind by kind.
    public var pulling: (SnapshotPuller.Progress) -> Void = { _ in }
    /// The plan, once made and before anything of it is applied.
    public var planned: (Plan) -> Void = { _ in }
    /// The pushes, one by one.
    public var applying: (PlanApplier.Progress) -> Void = { _ in }

    public init() {}
}

extension Workspace {
    /// Reconciles the replica with e-conomic as `mode` says, over `modules`
    /// (every enabled module when empty), comparing every record when `full`.
    /// A reconcile that applies (a plan made now, a plan file, a resume) is a
    /// module run of each module it covers, like a sync's: it takes their
    /// leases, is refused inside a cooldown unless `force` (recorded on the
    /// runs; a resume is never refused by one), and shows in their status, the
    /// daily full compare included when due. A plan written to a file holds the agreement's lock only; a dry
    /// run writes nothing anywhere. Refused while the integration is paused;
    /// a new plan is refused while a run waits to be resumed. A run that
    /// stops part-way (e-conomic kept failing) throws ``ApplyError``
    /// `stopped`: what was sent is recorded, and `.resume` finishes it.
    ///
    /// ```swift
    /// let outcome = try await workspace.reconcile(.apply, events: events)
    /// print(outcome.applied?.pushed ?? 0)
    /// ```
    public func reconcile(_ mode: ReconcileMode, modules: Set<Module> = [], scope: PlanScope? = nil, full: Bool = false, force: Bool = false,
                          events: ReconcileEvents = ReconcileEvents()) async throws -> ReconcileOutcome {
        var reconciliation = try reconciliation(readOnly: mode.isDryRun)
        reconciliation.modules = modules
        reconciliation.full = full
        if let scope { try reconciliation.narrow(to: scope, settings: ModuleSettings(replica: reconciliation.replica)) }
        if mode.isDryRun { return try await Self.reconcile(reconciliation, mode, events) }
        let scheduler = scheduler(reconciliation.replica)
        let settings = try scheduler.settings()
        if let paused = settings.pausedError() { throw paused }
        switch mode {
        case .writePlan, .dryRun:
            return try await AgreementLock(replica: reconciliation.replica).holding { [reconciliation] in
                try await Self.reconcile(reconciliation, mode, events)
            }
        case .apply, .applyPlan, .resume:
            return try await reconcile(reconciliation, mode, events, by: scheduler, settings: settings, force: force).result.get()
        }
    }

    /// Reconciles as the module runs of the modules it covers (every enabled
    /// module but the manual ones, unless named), each recorded with its
    /// share of what was done; as before when it covers none. Throws what
    /// refused it; returns what the run did or threw, and the module runs
    /// that recorded it.
    func reconcile(_ reconciliation: Reconciliation, _ mode: ReconcileMode, _ events: ReconcileEvents, by scheduler: ModuleScheduler,
                   settings: ModuleSettings, force: Bool) async throws -> (result: Result<ReconcileOutcome, any Error>, runs: [ModuleRunner.Result]) {
        try await AgreementLock(replica: reconciliation.replica).holding {
            // What refuses the reconcile is found before a lease is taken: a refusal is not a run of every module.
            var reconciliation = reconciliation
            var checked: Plan?
            switch mode {
            case .resume: break
            case .applyPlan(let bytes): checked = try await reconciliation.checkPlanFile(bytes)   // its modules are the plan's
            case .apply, .dryRun, .writePlan:
                try Self.refuseInterrupted(reconciliation)
                _ = try reconciliation.base()   // a damaged base is refused now, and its remedy (`--full`) is not put off by a cooldown
            }
            let named = reconciliation.modules
            let modules = Module.runOrder.filter { named.isEmpty ? !$0.isManual && settings.isEnabled($0) : named.contains($0) }
            guard !modules.isEmpty else { return (.success(try await Self.reconcile(reconciliation, mode, events, checked: checked)), []) }
            let notifier = try Notifier.configured(replica: reconciliation.replica, wording: wording, now: now)
            try await notifier.notify(released: try scheduler.releaseStale())
            let client = reconciliation.client
            let before = client.accounting.total.requests
            var result: Result<ReconcileOutcome, any Error>?
            // Finishing an interrupted run is never put off by a cooldown: its pushes may have reached e-conomic.
            let forced = if case .resume = mode { true } else { force }
            let trial = reconciliation.scope != nil || checked?.inputs.scope != nil
            let runs = try await scheduler.runHoldingLock(modules, force: forced, trial: trial, apiCalls: { client.accounting.total.requests - before }) { leases in
                var reconciliation = reconciliation
                // The daily full compare, when due, as a module run does it (a plan file keeps the compare it was made with).
                if checked == nil { reconciliation.full = reconciliation.full || leases.contains { $0.full } }
                do {
                    let outcome = try await Self.reconcile(reconciliation, mode, events, checked: checked)
                    result = .success(outcome)
                    return outcome.moduleOutcomes(modules)
                } catch {
                    result = .failure(error)
                    throw error
                }
            }
            // Its errors are mailed as a sync's are: "Employee is missing an e-conomic ID" reaches the office either way.
            try await notifier.notify(runs)
            return (result!, zip(modules, runs).map { ModuleRunner.Result(module: $0, run: $1.run, outcome: $1.outcome) })
        }
    }

    /// Throws when a run was interrupted and waits to be resumed.
    static func refuseInterrupted(_ reconciliation: Reconciliation) throws {
        if let run = try reconciliation.interrupted() {
            throw ApplyError(.interrupted, "reconcile run \(run.id!) (started \(run.startedAt)) was interrupted", remedy: .resumeReconcile)
        }
    }

    /// `checked`: the plan of an `.applyPlan` mode, checked already.
    static func reconcile(_ reconciliation: Reconciliation, _ mode: ReconcileMode, _ events: ReconcileEvents,
                          checked: Plan? = nil) async throws -> ReconcileOutcome {
        var reconciliation = reconciliation
        var outcome = ReconcileOutcome()
        if case .resume = mode {
            outcome.applied = try await stoppingPartWay { try await reconciliation.resume(progress: events.applying) }
            return outcome
        }
        try refuseInterrupted(reconciliation)
        let plan: Plan
        if let checked {
            plan = checked
        } else if case .applyPlan(let bytes) = mode {
            plan = try await reconciliation.checkPlanFile(bytes)
        } else {
            let applying = if case .apply = mode { true } else { false }
            let taken = try await reconciliation.takeSnapshot(dryRun: mode.isDryRun, loading: applying, progress: events.pulling)
            defer { taken.discard() }
            outcome.snapshotFile = mode.isDryRun ? nil : taken.entry.file
            // Applied now: what neither the base nor the replica has goes straight in, not through a plan of every record.
            if applying { outcome.firstPulled = try await reconciliation.loadFirstPull(taken) }
            plan = try await reconciliation.plan(taken, leavingOut: Set(outcome.firstPulled.keys))
        }
        outcome.plan = plan
        events.planned(plan)
        switch mode {
        case .dryRun:
            return outcome
        case .writePlan(let write):
            try write(reconciliation.planFile(plan))
            return outcome
        case .apply, .applyPlan, .resume:
            outcome.applied = try await stoppingPartWay { [reconciliation] in try await reconciliation.apply(plan, progress: events.applying) }
            return outcome
        }
    }

    /// The errors after which a run stops part-way and is left to resume:
    /// e-conomic kept answering 429 or 5xx, or could not be reached, after every retry.
    static let resumableCodes: Set<EconomicError.Code> = [.rateLimited, .server, .transport]

    /// `body`'s value; a resumable e-conomic error it throws becomes ``ApplyError`` `stopped`.
    static func stoppingPartWay<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as EconomicError where resumableCodes.contains(error.code) {
            throw ApplyError(.stopped, "\(error)\nthe reconcile stopped part-way and gave up for now; what was sent is recorded",
                             remedy: .resumeReconcile)
        }
    }
}
