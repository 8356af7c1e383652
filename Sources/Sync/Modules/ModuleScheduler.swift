import Economic
import Foundation
import Replica
import Vocabulary

/// Decides when each sync module runs and keeps its status: run leases in the
/// replica, the cooldown per module, the interval with jitter, full reconciles
/// at a longer interval, the timeout of modules that hang, and the stop of
/// every module when e-conomic's token expired. The clock and the random
/// source are injected, so schedules are tested without sleeping.
///
/// ```swift
/// let scheduler = ModuleScheduler(replica: replica)
/// let lease = try scheduler.acquire(.customers, force: false)
/// try scheduler.finish(lease, outcome)
/// ```
public struct ModuleScheduler: Sendable {
    public let replica: ReplicaStore
    public var now: @Sendable () -> Date
    /// A random number in 0..<1, for the jitter.
    public var random: @Sendable () -> Double
    /// Who takes leases: `pid@host`.
    public var owner: String
    /// Whether the process named by a lease owner still exists.
    public var isAlive: @Sendable (String) -> Bool
    /// How the errors a run records word their remedies (the front end's wording; neutral unless set).
    public var wording: any RemedyWording = NeutralRemedyWording()

    public init(replica: ReplicaStore, now: @escaping @Sendable () -> Date = Date.init,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, owner: String = ModuleScheduler.processOwner,
                isAlive: @escaping @Sendable (String) -> Bool = ModuleScheduler.isProcessAlive) {
        self.replica = replica
        self.now = now
        self.random = random
        self.owner = owner
        self.isAlive = isAlive
    }

    public func settings() throws -> ModuleSettings {
        try ModuleSettings(replica: replica)
    }

    /// Takes `module`'s lease and records the start of a run. Refuses (with a
    /// ``SyncError`` saying when or why) a disabled module, one waiting for
    /// a reconnect, one inside its cooldown unless `force` (manual
    /// modules, exported by hand, have none), and one
    /// another process runs — or any module, since one agreement's modules run
    /// one at a time. Leases past the timeout, or of processes gone, are released first.
    public func acquire(_ module: Module, force: Bool) throws -> ModuleLease {
        try acquire([module], force: force)[0]
    }

    /// Takes the leases of `modules` together, for one run over all of them
    /// (a reconcile): each is refused as ``acquire(_:force:)`` refuses one,
    /// and none is taken unless every one is. A `trial` run (one project's
    /// records) is never the day's full compare, which stays due.
    public func acquire(_ modules: [Module], force: Bool, trial: Bool = false) throws -> [ModuleLease] {
        precondition(!modules.isEmpty, "a run takes at least one lease")
        let settings = try settings()
        for module in modules {
            if let paused = settings.pausedError(module) { throw paused }
            if let reason = settings.disabledReason(module) { throw SyncError(.disabled, reason, module: module.rawValue) }
        }
        let now = now()
        let at = Timestamp.string(now)
        return try replica.write { writer in
            try release(stale: writer, settings: settings, at: now)
            let statuses = try writer.moduleStatuses().filter { isInScope($0.module) }
            if statuses.contains(where: { $0.state == .needsReconnect }) {
                throw SyncError(.needsReconnect, .tokenExpired, module: modules[0].rawValue)
            }
            if let running = statuses.first(where: { $0.state == .running }) {
                let own = modules.first { key($0) == running.module }
                throw SyncError(.busy, .running(other: own == nil ? running.module : nil, owner: running.leaseOwner ?? "?", since: running.lastStart ?? "?"),
                                module: (own ?? modules[0]).rawValue)
            }
            return try modules.map { module in
                var status = try writer.moduleStatus(key(module))
                // A release (a reconnect, a hung run timed out) makes a module due at once, before its cooldown's end:
                // that lifts the cooldown, so the schedule and the cooldown never disagree.
                let released = { (end: Date) in status.nextDue.flatMap(Timestamp.date).map { $0 < end.addingTimeInterval(settings.cooldown) } ?? false }
                if !force, !module.isManual, let end = status.lastEnd.flatMap(Timestamp.date), now < end.addingTimeInterval(settings.cooldown),
                   !released(end) {
                    throw SyncError(.coolingDown, .coolingDown(minutesAgo: Int(now.timeIntervalSince(end) / 60), cooldown: Int(settings.cooldown / 60)),
                                    module: module.rawValue, action: .waitForCooldown(until: end.addingTimeInterval(settings.cooldown)))
                }
                let full = !trial && status.lastFull.flatMap(Timestamp.date).map { now >= $0.addingTimeInterval(settings.fullInterval) } ?? true
                let run = try writer.insert(ModuleRun(module: key(module), owner: owner, startedAt: at, forced: force, full: full))
                status.state = .running
                status.leaseOwner = owner
                status.leaseRun = run.id
                status.lastStart = at
                try writer.save(status)
                return ModuleLease(module: module, run: run)
            }
        }
    }

    /// Runs `module` under its lease: takes it (throwing ``SyncError`` when the
    /// module may not run), does `work`, and records how it ended. An error
    /// thrown by `work` is recorded as the run's failure ("Token expired" stops
    /// every module; "rate limited" fails this run, the next one tries again), not thrown.
    /// `apiCalls` counts the e-conomic calls made since the start.
    public func run(_ module: Module, force: Bool, apiCalls: () -> Int = { 0 },
                    work: (ModuleLease) async throws -> ModuleOutcome) async throws -> (run: ModuleRun?, outcome: ModuleOutcome) {
        let ran = try await run([module], force: force, apiCalls: apiCalls) { leases in [module: try await work(leases[0])] }
        return ran[0]
    }

    /// Runs `modules` together under their leases (a reconcile over them):
    /// as ``run(_:force:apiCalls:work:)``, with one outcome per module from
    /// `work` (a module it leaves out is recorded as having done nothing). A
    /// failure is every module's; the e-conomic calls are counted once, on the first module's run.
    public func run(_ modules: [Module], force: Bool, apiCalls: () -> Int = { 0 },
                    work: ([ModuleLease]) async throws -> [Module: ModuleOutcome]) async throws -> [(run: ModuleRun?, outcome: ModuleOutcome)] {
        try await AgreementLock(replica: replica).holding {
            try await runHoldingLock(modules, force: force, apiCalls: apiCalls, work: work)
        }
    }

    /// ``run(_:force:apiCalls:work:)`` for a caller that holds the agreement's lock already.
    func runHoldingLock(_ modules: [Module], force: Bool, trial: Bool = false, apiCalls: () -> Int,
                        work: ([ModuleLease]) async throws -> [Module: ModuleOutcome]) async throws -> [(run: ModuleRun?, outcome: ModuleOutcome)] {
        let leases = try acquire(modules, force: force, trial: trial)
        var outcomes: [Module: ModuleOutcome]
        do {
            outcomes = try await work(leases)
        } catch {
            outcomes = Dictionary(uniqueKeysWithValues: modules.map { ($0, .failure(failure(error, module: $0))) })
        }
        let calls = apiCalls()
        return try leases.enumerated().map { index, lease in
            var outcome = outcomes[lease.module] ?? ModuleOutcome()
            outcome.apiCalls = index == 0 ? calls : 0
            return (try finish(lease, outcome), outcome)
        }
    }

    /// How a run that threw `error` is recorded: "Token expired" as a needed
    /// reconnect, e-conomic out of reach or rate limiting as what they are, anything else as a failure.
    func failure(_ error: any Error, module: Module) -> SyncError {
        switch error {
        case let error as EconomicError where error.code == .tokenExpired:
            SyncError(.needsReconnect, .tokenRefused(error.message), module: module.rawValue)
        case let error as EconomicError where error.code == .transport:
            SyncError(.unreachable, .unreachable(request: error.request, error.message), module: module.rawValue)
        case let error as EconomicError where error.code == .rateLimited:
            SyncError(.rateLimited, .rateLimited(request: error.request, error.message), module: module.rawValue)
        case let error as SyncError:
            error
        default:
            SyncError(.failed, FileProblem(error)?.description ?? (error as? any CodedError)?.describe(wording) ?? "\(error)", module: module.rawValue)
        }
    }

    /// Gives the lease back: records how the run ended, sets the module's
    /// state and next due time (interval plus jitter, never inside the
    /// cooldown). A "Token expired" stops every module until reconnect.
    /// Returns the run as recorded, or nil when the lease was lost (timed out and taken).
    @discardableResult
    public func finish(_ lease: ModuleLease, _ outcome: ModuleOutcome) throws -> ModuleRun? {
        let settings = try settings()
        let now = now()
        let at = Timestamp.string(now)
        let delay = max(settings.interval, settings.cooldown) + settings.jitter * random()
        return try replica.write { writer in
            var status = try writer.moduleStatus(key(lease.module))
            guard var run = try writer.moduleRun(lease.run.id!), run.outcome == .running else { return nil }
            run.endedAt = at
            run.pulled = outcome.pulled
            run.pushed = outcome.pushed
            run.skipped = outcome.skipped
            run.blocked = outcome.blocked
            run.conflicts = outcome.conflicts
            run.apiCalls = outcome.apiCalls
            run.error = outcome.error.map { Self.kept($0, wording) }
            run.errorKind = outcome.error?.code.rawValue
            run.outcome = outcome.error?.code == .needsReconnect ? .needsReconnect : outcome.failed ? .failed : .succeeded
            try writer.save(run)
            if status.leaseRun == run.id {
                status.leaseOwner = nil
                status.leaseRun = nil
            }
            status.lastEnd = at
            status.nextDue = Timestamp.string(now.addingTimeInterval(delay))
            status.lastError = run.error
            status.lastErrorKind = outcome.error?.code.rawValue
            switch run.outcome {
            case .needsReconnect:
                status.state = .needsReconnect
                for var other in try writer.moduleStatuses() where isInScope(other.module) && other.module != status.module && other.state != .running {
                    other.state = .needsReconnect
                    other.lastError = status.lastError
                    other.lastErrorKind = status.lastErrorKind
                    try writer.save(other)
                }
            case .failed:
                status.state = .failed
            default:
                status.state = .idle
                status.lastSuccess = at
                if run.full { status.lastFull = at }
            }
            try writer.save(status)
            return run
        }
    }

    /// Releases leases held past the timeout ("Module hangs") or by a process
    /// on this host that is gone; returns the runs it ended.
    @discardableResult
    public func releaseStale() throws -> [ModuleRun] {
        let settings = try settings()
        let now = now()
        // Looked at by a read first: a page view or a status never waits for the write lock a running module holds.
        guard try replica.moduleStatuses().values.contains(where: { staleness(of: $0, settings: settings, at: now) != nil }) else { return [] }
        return try replica.write { try release(stale: $0, settings: settings, at: now) }
    }

    /// Why a run's lease may be taken from it (held past the timeout, or by a process on this host that is gone); nil while it is running well.
    private func staleness(of status: ModuleStatus, settings: ModuleSettings, at now: Date) -> String? {
        guard status.state == .running else { return nil }
        let since = status.lastStart.flatMap(Timestamp.date) ?? .distantPast
        if now >= since.addingTimeInterval(settings.timeout) {
            return "Module hangs: running since \(status.lastStart ?? "?") (over \(Int(settings.timeout / 3600)) hours); timed out and released"
        }
        if let owner = status.leaseOwner, !isAlive(owner) {
            return "the process running it (\(owner)) is gone; released"
        }
        return nil
    }

    @discardableResult
    func release(stale writer: ReplicaWriter, settings: ModuleSettings, at now: Date) throws -> [ModuleRun] {
        var released: [ModuleRun] = []
        for var status in try writer.moduleStatuses() {
            guard let message = staleness(of: status, settings: settings, at: now) else { continue }
            if let id = status.leaseRun, var run = try writer.moduleRun(id), run.outcome == .running {
                run.outcome = .timedOut
                run.endedAt = Timestamp.string(now)
                run.error = message
                run.errorKind = SyncError.Code.timedOut.rawValue
                try writer.save(run)
                released.append(run)
            }
            status.state = .failed
            status.leaseOwner = nil
            status.leaseRun = nil
            // No cooldown after a release: the run never ended, the module may run at once.
            status.lastError = message
            status.lastErrorKind = SyncError.Code.timedOut.rawValue
            status.nextDue = Timestamp.string(now)
            try writer.save(status)
        }
        return released
    }

    /// Ends "needs reconnect": after a reconnect, every module that waited for it is due at once.
    public func reconnected() throws {
        let now = Timestamp.string(now())
        try replica.write { writer in
            for var status in try writer.moduleStatuses() where isInScope(status.module) && status.state == .needsReconnect {
                status.state = .idle
                status.lastError = nil
                status.lastErrorKind = nil
                status.nextDue = now
                try writer.save(status)
            }
        }
    }

    /// The enabled, scheduled modules due now, in run order: never run, or
    /// their next due time has come. None while the token is expired or the integration is paused.
    public func due() throws -> [Module] {
        let settings = try settings()
        let statuses = try scopedStatuses()
        if settings.paused || statuses.values.contains(where: { $0.state == .needsReconnect }) { return [] }
        let now = now()
        return Module.runOrder.filter { module in
            guard !module.isManual, settings.isEnabled(module) else { return false }
            guard let status = statuses[key(module)] else { return true }
            guard status.state != .running else { return false }
            return status.nextDue.flatMap(Timestamp.date).map { $0 <= now } ?? true
        }
    }

    /// When the next scheduled module falls due; nil when none can: none is
    /// enabled, or every module waits for `econsync reconnect`. Modules another
    /// process is running are not counted (their end sets their next time).
    public func nextDue() throws -> Date? {
        let settings = try settings()
        let statuses = try scopedStatuses()
        if settings.paused || statuses.values.contains(where: { $0.state == .needsReconnect }) { return nil }
        return Module.runOrder.filter { !$0.isManual && settings.isEnabled($0) && statuses[key($0)]?.state != .running }
            .map { statuses[key($0)]?.nextDue.flatMap(Timestamp.date) ?? now() }
            .min()
    }
}

extension ModuleScheduler {
    /// The name `module`'s status and runs are kept under: `customers`, or
    /// `customers@2` for department 2's agreement (see ``ReplicaStore/department``).
    public func key(_ module: Module) -> String {
        replica.department.map { "\(module.rawValue)@\($0)" } ?? module.rawValue
    }

    /// Whether a stored status or run belongs to this scheduler's department.
    func isInScope(_ key: String) -> Bool {
        guard let department = replica.department else { return !key.contains("@") }
        return key.hasSuffix("@\(department)")
    }

    /// The stored statuses of this scheduler's department, by key.
    func scopedStatuses() throws -> [String: ModuleStatus] {
        try replica.moduleStatuses().filter { isInScope($0.key) }
    }

    /// This process as a lease owner: `pid@host`.
    public static var processOwner: String {
        "\(getpid())@\(ProcessInfo.processInfo.hostName)"
    }

    /// Whether the owner's process exists; owners on other hosts are assumed alive.
    public static func isProcessAlive(_ owner: String) -> Bool {
        let parts = owner.split(separator: "@", maxSplits: 1)
        guard parts.count == 2, let pid = pid_t(parts[0]), String(parts[1]) == ProcessInfo.processInfo.hostName else { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

extension ModuleScheduler {
    /// What a run keeps of its error: its records' reasons and e-conomic's answers as data, to be worded in the reader's language
    /// (see ``RunProblem/stored``); any other error as the run worded it, with its action.
    static func kept(_ error: SyncError, _ wording: any RemedyWording) -> String {
        switch error.problem {
        case let problem? where problem.isKeptAsData: problem.stored
        default: error.detail(wording)
        }
    }
}
