import Foundation
import Replica
import Vocabulary

/// One module's status as `econsync status` shows it: state, last start,
/// end and success, next due time, what its last run did, its last error and
/// the e-conomic calls its runs used today.
public struct ModuleReport: Sendable, Equatable, Encodable {
    /// What a module is doing, for people and scripts.
    public enum State: String, Sendable, Encodable, CaseIterable {
        case idle, running, failed, disabled
        case needsReconnect = "needs reconnect"
    }

    public var module: Module
    /// The department whose agreement it syncs, when there is one per department.
    public var department: Int?
    public var number: Int
    public var title: String
    public var state: State
    /// Why it is disabled, when it is.
    public var disabledReason: RunProblem?
    public var manual: Bool
    public var lastStart: String?
    public var lastEnd: String?
    public var lastSuccess: String?
    /// When it runs next (nil: manual, disabled or waiting for reconnect; `lastEnd` nil and due: now).
    public var nextDue: String?
    public var lastRunForced: Bool
    public var pulled = 0
    public var pushed = 0
    public var skipped = 0
    public var blocked = 0
    public var conflicts = 0
    /// What the last run's error said (scripts read its English words).
    public var lastError: RunProblem?
    public var lastErrorKind: String?
    public var apiCallsToday = 0
    /// The whole integration is paused (`integration.paused`): the module does not run until it is resumed.
    public var paused = false
}

extension ModuleScheduler {
    /// Every module's report, in the brief's order (stale leases are released first).
    public func report() throws -> [ModuleReport] {
        try releaseStale()
        let settings = try settings()
        let statuses = try scopedStatuses()
        let now = now()
        let today = Timestamp.day(now) + "T00:00:00Z"
        let calls = try replica.apiCalls(since: today, modules: Module.allCases.map(key))
        var lastRuns: [String: ModuleRun] = [:]
        for run in try replica.moduleRuns(limit: 500) where lastRuns[run.module] == nil && run.outcome != .running && isInScope(run.module) {
            lastRuns[run.module] = run
        }
        let reconnect = statuses.values.contains { $0.state == .needsReconnect }
        return Module.allCases.map { module in
            let status = statuses[key(module)] ?? ModuleStatus(module: key(module))
            let disabled = settings.disabledReason(module)
            // Running wins; then disabled; then "needs reconnect", which holds every module at once.
            let state: ModuleReport.State = status.state == .running ? .running
                : disabled != nil ? .disabled
                : reconnect ? .needsReconnect
                : status.state == .failed ? .failed : .idle
            let run = lastRuns[key(module)]
            let scheduled = !module.isManual && disabled == nil && state != .needsReconnect
            return ModuleReport(
                module: module, department: replica.department, number: module.number, title: module.title, state: state, disabledReason: disabled,
                manual: module.isManual, lastStart: status.lastStart, lastEnd: status.lastEnd, lastSuccess: status.lastSuccess,
                nextDue: scheduled ? (status.nextDue ?? Timestamp.string(now)) : nil, lastRunForced: run?.forced ?? false,
                pulled: run?.pulled ?? 0, pushed: run?.pushed ?? 0, skipped: run?.skipped ?? 0, blocked: run?.blocked ?? 0,
                conflicts: run?.conflicts ?? 0, lastError: status.lastError.map(RunProblem.init(stored:)), lastErrorKind: status.lastErrorKind,
                apiCallsToday: calls[key(module)] ?? 0, paused: settings.paused)
        }
    }
}
