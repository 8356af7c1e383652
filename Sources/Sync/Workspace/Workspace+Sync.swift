import Blocking
import Foundation
import Replica
import Vocabulary

/// What became of one module in a sync: it ran (and may have failed), or it
/// did not run and why (cooling down, disabled, busy, token expired).
public enum ModuleSyncResult: Sendable {
    case ran(ModuleRunner.Result)
    case notRun(Module, SyncError)

    /// The module.
    public var module: Module {
        switch self {
        case .ran(let result): result.module
        case .notRun(let module, _): module
        }
    }

    /// The code of the error the module met, if it met one.
    public var errorCode: SyncError.Code? {
        switch self {
        case .ran(let result): result.outcome.error?.code
        case .notRun(_, let error): error.code
        }
    }
}

/// What a sync did, module by module, and why it stopped early if it did.
public struct SyncOutcome: Sendable {
    /// Each module tried, in the order it was tried.
    public var results: [ModuleSyncResult] = []
    /// Why the modules after the last one were not tried: e-conomic's token
    /// expired (`needsReconnect`) or e-conomic could not be reached (`unreachable`).
    public var stopped: SyncError.Code?
    /// When e-conomic could not be reached: the approved registrations kept locally for the next sync.
    public var keptLocally: (timeEntries: Int, materials: Int)?
}

/// What a sync tells as it goes, for a front end to show.
public struct SyncEvents {
    /// A module is about to run, after the modules that have finished.
    public var starting: (_ module: Module, _ finished: [Module]) -> Void = { _, _ in }
    /// A module ran or was not run.
    public var finished: (ModuleSyncResult) -> Void = { _ in }
    /// The kinds the running module pulls, each as it is pulled.
    public var pulling: (SnapshotPuller.Progress) -> Void = { _ in }
    /// The running module has pulled what it needs (its plan comes next).
    public var pulled: () -> Void = {}
    /// The pushes of the running module, one by one.
    public var applying: (PlanApplier.Progress) -> Void = { _ in }

    public init() {}
}

extension Workspace {
    /// Runs `modules` now (every enabled module but the manual ones when
    /// empty) in dependency order, each past its cooldown only when `force`.
    /// A module that may not run is recorded as not run and the rest go on;
    /// when e-conomic's token expired or e-conomic cannot be reached, the
    /// rest are not tried (they would meet the same). Refused while the integration is paused.
    ///
    /// ```swift
    /// let outcome = try await workspace.sync([.customers, .projects])
    /// for result in outcome.results { print(result.module) }
    /// ```
    public func sync(_ modules: [Module] = [], force: Bool = false, events: SyncEvents = SyncEvents()) async throws -> SyncOutcome {
        let replica = try replica()
        let scheduler = scheduler(replica)
        let runner = try runner(scheduler)
        let settings = try scheduler.settings()
        if let paused = settings.pausedError() { throw paused }
        let named = Set(modules)
        let chosen = Module.runOrder.filter { named.isEmpty ? !$0.isManual && settings.isEnabled($0) : named.contains($0) }
        var outcome = SyncOutcome()
        for module in chosen {
            events.starting(module, outcome.results.compactMap { if case .ran(let result) = $0, result.run != nil { result.module } else { nil } })
            let result: ModuleSyncResult
            do {
                result = .ran(try await runner.run(module, force: force, pulling: { progress in events.pulling(progress) },
                                                   pulled: { events.pulled() }, progress: events.applying))
            } catch let error as SyncError {
                result = .notRun(module, error)
            }
            outcome.results.append(result)
            events.finished(result)
            if try await outcome.stopsAt(result, replica: replica) { break }
        }
        return outcome
    }
}

extension SyncOutcome {
    /// Whether the sync stops after `result`: e-conomic's token expired, or
    /// e-conomic could not be reached (then what is kept locally is counted).
    mutating func stopsAt(_ result: ModuleSyncResult, replica: ReplicaStore) async throws -> Bool {
        guard let code = result.errorCode, [.needsReconnect, .unreachable].contains(code) else { return false }
        stopped = code
        if code == .unreachable {
            keptLocally = try await Blocking.run {
                (try replica.countRegistrations(TimeEntry.self, matching: RegistrationFilter(status: .approved)),
                 try replica.countRegistrations(Material.self, matching: RegistrationFilter(status: .approved)))
            }
        }
        return true
    }
}
