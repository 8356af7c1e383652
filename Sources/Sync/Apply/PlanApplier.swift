import Blocking
import Vocabulary
import Economic
import Foundation
import Reconcile
import Replica
import Snapshot

/// Applies a plan, crash-safely. The run and every push are recorded in the
/// replica before anything is sent; pulls are written in one transaction;
/// each push is marked `sending` before it goes out and confirmed (with the
/// record's e-conomic key and its synced hash) in one transaction when
/// e-conomic answers. After a crash, ``run(_:progress:)`` on the unfinished
/// run settles every push that may have reached e-conomic (a replay with the
/// same idempotency key inside e-conomic's one-hour window, else a lookup)
/// before it sends anything new. The base snapshot advances when every push
/// is confirmed or its failure recorded.
///
/// ```swift
/// let applier = PlanApplier(replica: replica, client: client, agreement: 1118081)
/// let run = try applier.record(plan)
/// let report = try await applier.run(run) { print("\($0.done)/\($0.total)") }
/// ```
public struct PlanApplier: Sendable {
    /// Limits and sources.
    public struct Options: Sendable {
        /// How long e-conomic replays an idempotency key (one hour), less a margin.
        public var replayWindow: TimeInterval = 55 * 60
        /// A fresh token for each recorded run: its pushes' idempotency keys
        /// name that run's writes, so the same change made again later is a
        /// new write, while a retry or a resume of one write reuses its key.
        public var runToken: @Sendable () -> String = { String(UUID().uuidString.filter(\.isHexDigit).prefix(12)).lowercased() }

        public init() {}
    }

    /// How far the pushes are.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var operation: String
    }

    public let replica: ReplicaStore
    public let client: EconomicClient
    public let agreement: Int
    public var now: @Sendable () -> Date
    public var options: Options
    /// For a run over some modules: writes the agreement's next base (the
    /// old one with those modules' kinds from the run's snapshot) and returns
    /// its entry, indexed and made the base in the transaction that finishes
    /// the run. For a trial run: the old base with only the run's confirmed
    /// pushes laid over it (nil when there is no base yet).
    public var mergedBase: (@Sendable (_ snapshotFile: String, _ modules: [Module], _ overlays: [BaseOverlay], _ trial: Bool) throws
                            -> SnapshotEntry?)?

    public init(replica: ReplicaStore, client: EconomicClient, agreement: Int, now: @escaping @Sendable () -> Date = Date.init,
                options: Options = Options()) {
        self.replica = replica
        self.client = client
        self.agreement = agreement
        self.now = now
        self.options = options
    }

    var stamp: String { Timestamp.string(now()) }

    /// Records `plan` as a new run with its outbox, before anything is sent.
    public func record(_ plan: Plan) throws -> ReconcileRun {
        try replica.write { writer in
            if let open = try writer.unfinishedRun(agreement: agreement) {
                throw ApplyError(.interrupted, "reconcile run \(open.id!) was interrupted", remedy: .resumeReconcile)
            }
            guard let snapshotFile = plan.inputs.snapshotFile else {
                throw ApplyError(.stalePlan, "the plan does not name the snapshot it was made from")
            }
            let run = try writer.startRun(ReconcileRun(
                agreement: agreement, inputsHash: plan.inputsHash, baseFile: plan.inputs.baseFile, snapshotFile: snapshotFile,
                changeSequence: plan.inputs.replicaSequence, modules: plan.inputs.modules.map(\.rawValue), scope: plan.inputs.scope, plan: String(decoding: plan.canonicalBytes, as: UTF8.self),
                startedAt: stamp))
            var entries: [OutboxEntry] = []
            let token = options.runToken()
            for (position, op) in plan.operations.enumerated() where op.action.isPush {
                let localID = try Self.localID(op, writer)
                let hash = try localID.flatMap { id in try writer.mappedHash(op.kind, id: id) }
                entries.append(OutboxEntry(runId: run.id!, position: position, module: op.module, kind: op.kind, recordKey: op.key,
                                           localId: localID, localHash: hash, action: op.action.rawValue, idempotencyKey: "\(op.idempotencyKey)-\(token)",
                                           operation: CanonicalJSON.string(op.json), recordedAt: stamp))
            }
            try writer.recordOutbox(entries)
            return run
        }
    }

    static func localID(_ op: PlanOperation, _ writer: ReplicaWriter) throws -> Int64? {
        if let id = RecordRef.localID(inPlanKey: op.key) { return id }
        return try writer.rowID(op.kind, foreignKey: op.key)
    }

    /// Carries `run` through: pulls (unless done), then every push not yet
    /// settled, then the base moves on. Throws, leaving the run to resume,
    /// when e-conomic cannot be reached or the token expired.
    /// `plan` is the run's plan when the caller has it at hand (it was just
    /// recorded); otherwise it is read back from the run.
    public func run(_ run: ReconcileRun, plan recorded: Plan? = nil, progress: (Progress) -> Void = { _ in }) async throws -> ApplyReport {
        guard let id = run.id else { throw ApplyError(.interrupted, "the run was never recorded") }
        let plan: Plan
        if let recorded { plan = recorded } else { plan = try await Blocking.run { try Plan(json: CanonicalJSON.parse(Array(run.plan.utf8))) } }
        var report = ApplyReport(run: id)
        if run.state == .applying {
            report.pullFailures = try await Blocking.run { [self] in try pull(plan, run: id) }
            CrashPoint.reached(.pulled)
        } else {
            report.pullFailures = ApplyReport.failures(in: run.summary)
        }
        report.pulled = plan.operations.count(where: \.action.isPull) - report.pullFailures.count
        let entries = try await Blocking.run { [replica] in try replica.outbox(run: id) }
        for (index, var entry) in entries.enumerated() {
            defer { progress(Progress(done: index + 1, total: entries.count, operation: "\(entry.action) \(entry.kind) \(entry.recordKey)")) }
            switch entry.state {
            case .confirmed:
                report.pushed += 1
                continue
            case .failed:
                report.pushFailures.append(.init(kind: entry.kind, key: entry.recordKey, error: entry.error ?? "failed"))
                continue
            case .pending, .sending:
                break
            }
            let op = try PlanOperation(json: CanonicalJSON.parse(Array(entry.operation.utf8)))
            let sender = PushSender(client: client, replica: replica)
            do {
                let key: String
                if entry.state == .sending {
                    key = try await settle(&entry, op, sender, snapshotFile: run.snapshotFile, report: &report)
                } else {
                    entry = try await Blocking.run { [self, entry] in try marked(entry) }
                    guard entry.state == .sending else {
                        report.withdrawn += 1
                        continue
                    }
                    CrashPoint.reached(.marked)
                    key = try await sender.send(op, idempotencyKey: entry.idempotencyKey)
                }
                CrashPoint.reached(.sent)
                entry = try await Blocking.run { [self, entry] in try confirmed(entry, op, key: key, run: id) }
                CrashPoint.reached(.confirmed)
                report.pushed += 1
            } catch let error as EconomicError where Self.stopsTheRun(error) {
                throw error
            } catch let error as EconomicError {
                entry = try await failed(entry, error.description, &report)
            } catch let error as ApplyError {
                entry = try await failed(entry, error.description, &report)
            }
        }
        try await Blocking.run { [self, report] in try finish(plan, run: id, report: report) }
        return report
    }

    /// `entry` marked `sending`, in a transaction that first checks its
    /// registration may still go: one un-approved or put on an order since
    /// the plan was made is withdrawn instead (settled, not sent, not a
    /// failure: the next run sees the change). Send it when its state is `sending`.
    /// Blocks on SQLite, as every method here that is not `async`.
    func marked(_ entry: OutboxEntry) throws -> OutboxEntry {
        let at = stamp
        return try replica.write { [entry] writer in
            var entry = entry
            if entry.action == PlanOperation.Action.create.rawValue, let id = entry.localId, case let kind = entry.kind,
               try !writer.isReadyToSend(kind, id: id) {
                entry.state = .failed
                entry.error = "withdrawn: no longer approved, or exported on an order, since the plan was made; not sent"
                entry.settledAt = at
            } else {
                entry.state = .sending
                entry.sentAt = at
            }
            try writer.saveOutbox(entry)
            return entry
        }
    }

    /// Errors after which nothing else can succeed now: the run stops and resumes later.
    static func stopsTheRun(_ error: EconomicError) -> Bool {
        [.tokenExpired, .transport, .server, .rateLimited, .forbidden, .missingModule].contains(error.code)
    }

    /// A push that may have reached e-conomic. A create is looked up in
    /// e-conomic first, inside the idempotency window as well as after it:
    /// e-conomic may have forgotten the key (the window is a promise of an
    /// hour at most), and a second time entry is worse than a lookup. Only
    /// what e-conomic does not have is sent again, with the same key.
    func settle(_ entry: inout OutboxEntry, _ op: PlanOperation, _ sender: PushSender, snapshotFile: String,
                report: inout ApplyReport) async throws -> String {
        let snapshot = replica.url.deletingLastPathComponent().appendingPathComponent(snapshotFile).path
        if op.action == .create, let found = try await sender.lookup(op, existedBefore: { [kind = op.kind] in try Self.keys(of: kind, in: snapshot) }) {
            report.foundByLookup += 1
            return found
        }
        let sent = entry.sentAt.flatMap(Timestamp.date) ?? .distantPast
        if now().timeIntervalSince(sent) < options.replayWindow {
            report.replayed += 1
        } else {
            entry.sentAt = stamp
            try await Blocking.run { [replica, entry] in try replica.write { try $0.saveOutbox(entry) } }
        }
        return try await sender.send(op, idempotencyKey: entry.idempotencyKey)
    }

    /// The keys of `kind`'s records in the snapshot at `path`.
    static func keys(of kind: Kind, in path: String) throws -> Set<String> {
        let reader = try SnapshotChain.open(path, checksDigest: false)
        var keys: Set<String> = []
        var inKind = false
        while let line = try reader.next() {
            if line.kind == kind.rawValue {
                keys.insert(line.key.description)
                inKind = true
            } else if inKind {
                break  // kinds come in runs
            }
        }
        return keys
    }

    /// `entry` confirmed with e-conomic's `key`, in one transaction with the
    /// record's key, its synced hash and the journal.
    func confirmed(_ entry: OutboxEntry, _ op: PlanOperation, key: String, run: Int64) throws -> OutboxEntry {
        var confirmed = entry
        confirmed.state = .confirmed
        confirmed.economicKey = key
        confirmed.settledAt = stamp
        try replica.write { [confirmed] writer in
            try writer.saveOutbox(confirmed)
            guard let id = confirmed.localId else { return }
            let kind = op.kind
            var synced = false
            if op.action == .create {
                if kind == .timeEntry, (try? writer.markTransferred(TimeEntry.self, id: id, foreignKey: Int(key))) != nil {
                    // transferred entries are locked for good
                } else {
                    try writer.setForeignKey(kind, id: id, to: key)
                    // Unedited since it was recorded: the row with the defaults e-conomic got is what was synced.
                    let unedited = try writer.mappedHash(kind, id: id) == confirmed.localHash
                    try PullWriter(writer: writer).fillEmpty(from: op, id: id)
                    if unedited {
                        try writer.markSynced(kind, ids: [id])
                        synced = true
                    }
                }
            }
            if !synced { try writer.markSynced(kind, id: id, expected: confirmed.localHash) }
            try writer.journal(Self.journal(op, run: run, at: confirmed.settledAt!))
        }
        return confirmed
    }

    /// `entry` settled as failed with `message`, which `report` lists.
    func failed(_ entry: OutboxEntry, _ message: String, _ report: inout ApplyReport) async throws -> OutboxEntry {
        var failed = entry
        failed.state = .failed
        failed.error = message
        failed.settledAt = stamp
        try await Blocking.run { [replica, failed] in try replica.write { try $0.saveOutbox(failed) } }
        report.pushFailures.append(.init(kind: entry.kind, key: entry.recordKey, error: message))
        return failed
    }

    /// Writes every pull in one transaction; returns the failures. Pulls go
    /// in batches of one kind (one savepoint, one synced mark per batch); a
    /// batch that fails is written again one record at a time, so one bad
    /// record fails alone.
    func pull(_ plan: Plan, run: Int64) throws -> [ApplyReport.Failure] {
        var targets: [String: Int] = [:]
        for op in plan.operations { targets[op.target, default: 0] += 1 }
        let pulls = plan.operations.filter(\.action.isPull)
        let at = stamp
        return try replica.write { writer in
            var failures: [ApplyReport.Failure] = []
            let pullWriter = PullWriter(writer: writer)
            func write(_ ops: ArraySlice<PlanOperation>) throws {
                var synced: [Int64] = []
                for op in ops {
                    let id = try pullWriter.apply(op)
                    if targets[op.target] == 1 { synced.append(id) }
                    try writer.journal(Self.journal(op, run: run, at: at))
                }
                if let kind = ops.first?.kind { try writer.markSynced(kind, ids: synced) }
            }
            for batch in Self.batches(pulls) {
                if batch.count > 1, (try? writer.savepoint { try write(batch) }) != nil { continue }
                for op in batch {
                    do {
                        try writer.savepoint { try write([op]) }
                    } catch let error as ApplyError {
                        failures.append(.init(kind: op.kind, key: op.key, error: error.message))
                    } catch let error as ReplicaError {
                        failures.append(.init(kind: op.kind, key: op.key, error: error.description))
                    }
                }
            }
            try writer.setRunState(run, .pulled, summary: ApplyReport.summary(failures))
            return failures
        }
    }

    /// `ops` cut into runs of one kind, at most `size` long.
    static func batches(_ ops: [PlanOperation], size: Int = 500) -> [ArraySlice<PlanOperation>] {
        var batches: [ArraySlice<PlanOperation>] = []
        var start = ops.startIndex
        for index in ops.indices where index > start && (ops[index].kind != ops[start].kind || index - start == size) {
            batches.append(ops[start..<index])
            start = index
        }
        if start < ops.endIndex { batches.append(ops[start...]) }
        return batches
    }

    /// Ends the run: the snapshot becomes the base, and what was skipped,
    /// blocked or failed is left pending for the next run. A run over some
    /// modules only leaves the base where it was (its snapshot lacks the other
    /// kinds) and replaces only its own kinds' pending records. A trial run
    /// (one project's records) moves the base only by its confirmed pushes,
    /// and replaces only the pending records it looked at: the records out of
    /// its scope that changed in e-conomic must stay changes for the next run,
    /// and what it pulled is what both sides now agree on, which the next run
    /// sees as nothing to do.
    func finish(_ plan: Plan, run: Int64, report: ApplyReport) throws {
        // Kept as data (PlanReason.stored), worded in each language by `why` and "Venter".
        let pending = plan.operations.filter { $0.action == .skip || $0.action == .block }.map { ($0.kind, $0.key, $0.because.stored) }
            + (report.pullFailures + report.pushFailures).map { ($0.kind, $0.key, PlanReason.recorded($0.error).stored) }
        let finishedAt = stamp
        // The next base is e-conomic as this run left it: its snapshot with the confirmed pushes laid over it, so a
        // change undone after it was pushed is seen as a change (not as e-conomic's, pulled back over it).
        let overlays = try overlays(run: run)
        // A run against the base itself (e-conomic changed nothing) that pushed nothing leaves the base as it is.
        let unchanged = plan.inputs.baseFile != nil && plan.inputs.snapshotFile == plan.inputs.baseFile && overlays.isEmpty
        let trial = plan.inputs.scope != nil
        let merged = (plan.inputs.modules.isEmpty && overlays.isEmpty) || unchanged || (trial && overlays.isEmpty) ? nil
            : try plan.inputs.snapshotFile.flatMap { try mergedBase?($0, plan.inputs.modules, overlays, trial) }
        try replica.write { writer in
            let snapshotFile = try writer.snapshotFile(ofRun: run)!
            let pendingRecords = pending.map { (kind: $0.0, key: $0.1, reason: $0.2) }
            if let merged {
                // The run's own snapshot when it is the base as it stands (already indexed).
                if merged.file != snapshotFile { try writer.addSnapshot(merged) }
                try writer.setBaseSnapshot(file: merged.file, reconcile: "run-\(run)")
            }
            if trial {
                let looked = plan.operations.map { (kind: $0.kind.rawValue, key: $0.key) }
                try writer.replacePending(agreement: agreement, of: looked, pendingRecords.map { ($0.kind.rawValue, $0.key, $0.reason) })
            } else if plan.inputs.modules.isEmpty {
                if merged == nil { try writer.setBaseSnapshot(file: snapshotFile, reconcile: "run-\(run)") }
                try writer.replacePending(agreement: agreement, pendingRecords.map { ($0.kind.rawValue, $0.key, $0.reason) })
            } else {
                let kinds = Set(plan.inputs.modules.flatMap(\.kinds).map(\.rawValue))
                try writer.replacePending(agreement: agreement, kinds: kinds, pendingRecords.map { ($0.kind.rawValue, $0.key, $0.reason) })
            }
            try writer.setRunState(run, .finished, finishedAt: finishedAt, summary: report.json)
        }
    }

    /// What the run's confirmed pushes left in e-conomic, as overlays for the next base.
    func overlays(run: Int64) throws -> [BaseOverlay] {
        let sender = PushSender(client: client, replica: replica)
        return try replica.outbox(run: run).filter { $0.state == .confirmed }.compactMap { entry in
            let op = try PlanOperation(json: CanonicalJSON.parse(Array(entry.operation.utf8)))
            guard let economic = op.kind.economic,
                  let key = op.action == .create ? entry.economicKey : op.key else { return nil }
            var fields = try sender.resolvedFields(op)
            let recordKey = LocalRecords.economicKey(key, op.kind)
            if fields[economic.keyField] == nil { fields[economic.keyField] = recordKey.json }
            return BaseOverlay(kind: op.kind, key: recordKey, fields: fields)
        }
    }

    static func journal(_ op: PlanOperation, run: Int64, at: String) -> [ConflictEntry] {
        op.conflicts.map { conflict in
            ConflictEntry(runId: run, decidedAt: at, module: op.module.rawValue, kind: op.kind.rawValue, recordKey: op.key, field: conflict.field,
                          baseValue: conflict.base.map(CanonicalJSON.string), localValue: conflict.local.map(CanonicalJSON.string),
                          remoteValue: conflict.remote.map(CanonicalJSON.string), winner: conflict.winner.rawValue, rule: conflict.rule)
        }
    }
}
