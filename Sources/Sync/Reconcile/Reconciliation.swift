import Blocking
import Economic
import Foundation
import Reconcile
import Replica
import Snapshot
import Vocabulary

/// One agreement's reconcile, end to end: take a fresh snapshot, compute the
/// plan against the base, check a plan made earlier is still valid, apply it,
/// or resume an interrupted run.
///
/// ```swift
/// let reconciliation = Reconciliation(store: store, client: client, agreement: 1118081)
/// let taken = try await reconciliation.takeSnapshot()
/// let plan = try reconciliation.plan(taken)
/// let report = try await reconciliation.apply(plan)
/// ```
public struct Reconciliation: Sendable {
    public let store: SnapshotStore
    public let client: EconomicClient
    public let agreement: Int
    public var now: @Sendable () -> Date
    /// The modules to reconcile; empty for all.
    public var modules: Set<Module> = []
    /// Compare every record instead of the changed ones.
    public var full = false
    /// A trial run's records (one project's); nil for every record of the modules.
    public var scope: PlanScope?
    public var options = PlanApplier.Options()

    public var replica: ReplicaStore { store.replica }

    public init(store: SnapshotStore, client: EconomicClient, agreement: Int, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.client = client
        self.agreement = agreement
        self.now = now
    }

    /// A snapshot taken for a reconcile: its entry, and the file.
    public struct Taken: Sendable {
        public var entry: SnapshotEntry
        public var path: String
        /// The folder to delete afterwards, for a snapshot kept out of the store (a dry run).
        public var scratch: URL?
        /// The records of each kind written into the replica while pulled (see ``takeSnapshot(dryRun:loading:progress:)``).
        public var loaded: [Kind: Int] = [:]

        /// Deletes a dry run's snapshot.
        public func discard() {
            if let scratch { try? FileManager.default.removeItem(at: scratch) }
        }
    }

    /// The kinds a reconcile pulls: every kind a planned module maps (contact
    /// persons, one call per customer, only with `customers.syncContacts`).
    public var kinds: [Kind] {
        let settings = (try? ReconcileSettings(replica: replica)) ?? ReconcileSettings()
        let mapped = Set(KindMapping.all.filter { (modules.isEmpty || modules.contains($0.module)) && !settings.disabledModules.contains($0.module) }
            .map(\.kind))
        let pulled = EconomicKind.defaultKinds + (settings.customers.syncContacts ? [.contact] : [])
        return EconomicKind.all.map(\.kind).filter { mapped.contains($0) && pulled.contains($0) }
    }

    /// Takes a fresh snapshot of e-conomic: into the store, or, with `dryRun`,
    /// into a scratch folder outside the data directory (nothing is indexed).
    /// Incremental against the base where e-conomic allows it (unless `full`).
    /// With `loading`, the kinds a first pull writes are written into the
    /// replica as their pages arrive (``FirstPullStream``; ``Taken/loaded``).
    public func takeSnapshot(dryRun: Bool = false, loading: Bool = false, progress: (SnapshotPuller.Progress) -> Void = { _ in }) async throws -> Taken {
        let takenAt = Timestamp.string(now())
        let base = full ? nil : try base().map { SnapshotPuller.Base(file: $0.file, path: store.path(of: $0), sha256: $0.sha256) }
        guard dryRun else {
            var puller = SnapshotPuller(client: client, store: store, agreement: agreement)
            if loading { puller.firstPull = try await firstPullStream(base: base) }
            let entry = try await puller.take(kinds: kinds, takenAt: takenAt, base: base, progress: progress)
            return Taken(entry: entry, path: store.path(of: entry), scratch: nil, loaded: puller.firstPull?.written ?? [:])
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("econsync-dry-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        do {
            let path = scratch.appendingPathComponent("snapshot.ndjson.gz").path
            let puller = SnapshotPuller(client: client, store: store, agreement: agreement, workDirectory: scratch.appendingPathComponent("work"))
            switch try await puller.take(kinds: kinds, takenAt: takenAt, to: path, unlessUnchangedSince: base, progress: progress) {
            case .unchanged(let entry):
                // Nothing changed in e-conomic: the plan is made against the base itself, read from the store, not copied.
                return Taken(entry: entry, path: store.path(of: entry), scratch: scratch)
            case .written(let header, let trailer):
                let entry = SnapshotEntry(agreement: agreement, file: path, takenAt: takenAt, mode: header.mode.rawValue, baseFile: nil,
                                          records: trailer.records, counts: "{}", sha256: trailer.sha256, bytes: 0, addedAt: takenAt)
                return Taken(entry: entry, path: path, scratch: scratch)
            }
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw error
        }
    }

    /// The agreement's base snapshot: e-conomic as the last finished runs left
    /// it, each kind as of the last run that covered it; nil before the first.
    /// A base file that is not the one the replica indexed (replaced,
    /// damaged, missing) is refused, except by a full reconcile, which then
    /// compares without a base and leaves a new one.
    public func base() throws -> SnapshotEntry? {
        guard let entry = try replica.snapshots(agreement: agreement).first(where: { $0.baseFor != nil }) else { return nil }
        if let problem = store.problem(with: entry) {
            if full { return nil }
            throw SnapshotError(.tampered, "the base snapshot \(problem)", file: store.path(of: entry),
                                remedy: .reconcileFully)
        }
        return entry
    }

    /// The plan for `taken` against the base, made on a blocking thread (it
    /// reads both snapshots and the replica); kinds `leavingOut` were written
    /// from `taken` already (``loadFirstPull(_:)``). A trial run's plan is
    /// narrowed to its scope (see ``PlanScope/narrow(_:)``).
    public func plan(_ taken: Taken, leavingOut: Set<Kind> = []) async throws -> Plan {
        var builder = PlanBuilder(replica: replica, settings: try ReconcileSettings(replica: replica), agreement: agreement)
        builder.modules = modules
        builder.full = full
        builder.leftOut = leavingOut
        let base = try base()
        let basePath = base.map(store.path)
        let plan = try await Blocking.run { [builder] in
            try builder.plan(basePath: basePath, base: base, snapshotPath: taken.path, snapshot: taken.entry)
        }
        guard let scope else { return plan }
        var inputs = plan.inputs
        inputs.scope = scope.name
        return Plan(operations: scope.narrow(plan.operations), inputs: inputs)
    }

    /// Refuses a plan whose inputs moved since it was made: the replica was
    /// written (unless `replicaMayMove`), the base changed, or its snapshot
    /// is not in the store.
    public func check(_ plan: Plan, replicaMayMove: Bool = false) throws {
        let inputs = plan.inputs
        guard let file = inputs.snapshotFile, let snapshot = try replica.snapshots(agreement: agreement).first(where: { $0.file == file }) else {
            throw ApplyError(.stalePlan, "the plan's snapshot \(inputs.snapshotFile ?? "(none)") is not in agreement \(agreement)'s store; make a new plan")
        }
        let sequence = replicaMayMove ? inputs.replicaSequence : try replica.latestChangeSequence()
        if sequence != inputs.replicaSequence {
            throw ApplyError(.stalePlan, "the replica changed since the plan was made (change-log position \(inputs.replicaSequence), "
                             + "now \(sequence)); make a new plan")
        }
        let base = try base()
        if base?.sha256 != inputs.base {
            throw ApplyError(.stalePlan, "the base snapshot moved since the plan was made (\(inputs.baseFile ?? "none") → \(base?.file ?? "none")); make a new plan")
        }
        let current = PlanInputs(replicaSequence: sequence, base: base?.sha256, snapshot: snapshot.sha256, modules: inputs.modules, scope: inputs.scope)
        if current.hash != plan.inputsHash {
            throw ApplyError(.stalePlan, "the plan's snapshot \(file) has changed since the plan was made; make a new plan")
        }
    }

    var applier: PlanApplier {
        var applier = PlanApplier(replica: replica, client: client, agreement: agreement, now: now, options: options)
        applier.mergedBase = { [store, replica, agreement] snapshotFile, modules, overlays, trial in
            guard let snapshot = try replica.snapshots(agreement: agreement).first(where: { $0.file == snapshotFile }) else { return nil }
            if trial {
                // Only what the trial run pushed: e-conomic's other changes are still to be seen by a run over everything.
                guard let base = try replica.snapshots(agreement: agreement).first(where: { $0.baseFor != nil }) else { return nil }
                return try store.merge(base: base, with: snapshot, kinds: [], overlays: overlays)
            }
            // A run over every module replaces every kind; one over some modules only theirs.
            guard !modules.isEmpty else {
                return try store.merge(base: nil, with: snapshot, kinds: Set(EconomicKind.all.map(\.kind.rawValue)), overlays: overlays)
            }
            let base = try replica.snapshots(agreement: agreement).first { $0.baseFor != nil }
            let kinds = Set(KindMapping.all.filter { modules.contains($0.module) }.map(\.kind.rawValue))
            return try store.merge(base: base, with: snapshot, kinds: kinds, overlays: overlays, delta: true)
        }
        return applier
    }

    /// Records and applies `plan`. Local writes made since it was planned do
    /// not stop it (field work goes on while a reconcile runs): the run keeps
    /// the change-log position it planned from, so the next run picks them up,
    /// and a push whose registration changed meanwhile is withdrawn. A plan
    /// file is held to its exact inputs by ``checkPlanFile(_:)`` first.
    public func apply(_ plan: Plan, progress: (PlanApplier.Progress) -> Void = { _ in }) async throws -> ApplyReport {
        try check(plan, replicaMayMove: true)
        let run = try applier.record(plan)
        return try await applier.run(run, plan: plan, progress: progress)
    }

    /// The interrupted run, if there is one.
    public func interrupted() throws -> ReconcileRun? {
        try replica.unfinishedRun(agreement: agreement)
    }

    /// Settles and finishes the interrupted run; nil when there is none.
    public func resume(progress: (PlanApplier.Progress) -> Void = { _ in }) async throws -> ApplyReport? {
        guard let run = try interrupted() else { return nil }
        return try await applier.run(run, progress: progress)
    }

}
