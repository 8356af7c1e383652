import Foundation
import Vocabulary

/// The long-running scheduler of `econsync run`: runs every module that is
/// due, in dependency order, then waits until the next one falls due; stops
/// between modules once asked to (the module running is finished first).
/// Sleeping and stopping are injected, so whole days of schedule are tested
/// in milliseconds.
///
/// ```swift
/// let loop = SchedulerLoop(scheduler: scheduler, runModule: { try await runner.run($0, force: false) },
///                          sleep: { try? await Task.sleep(for: .seconds($0)) }, isStopping: { stop.requested })
/// try await loop.run()
/// ```
public struct SchedulerLoop: Sendable {
    /// What happened, for the log.
    public enum Event: Sendable {
        case ran(ModuleRunner.Result)
        /// The module was due but could not start (busy, token expired, …).
        case notRun(Module, SyncError)
        /// Waiting this many seconds for the next module.
        case waiting(TimeInterval)
        case stopped
    }

    public var scheduler: ModuleScheduler
    public var runModule: @Sendable (Module) async throws -> ModuleRunner.Result
    /// Waits up to this many seconds; may return early when a stop is asked for.
    public var sleep: @Sendable (TimeInterval) async -> Void
    public var isStopping: @Sendable () -> Bool
    /// The longest wait between two looks at the schedule (settings may change meanwhile).
    public var maxWait: TimeInterval = 60
    public var onEvent: @Sendable (Event) -> Void = { _ in }

    public init(scheduler: ModuleScheduler, runModule: @escaping @Sendable (Module) async throws -> ModuleRunner.Result,
                sleep: @escaping @Sendable (TimeInterval) async -> Void, isStopping: @escaping @Sendable () -> Bool) {
        self.scheduler = scheduler
        self.runModule = runModule
        self.sleep = sleep
        self.isStopping = isStopping
    }

    /// Runs until asked to stop. Errors of the replica itself end the loop.
    public func run() async throws {
        while !isStopping() {
            try await runDue()
            if isStopping() { break }
            let now = scheduler.now()
            let next = try scheduler.nextDue() ?? now.addingTimeInterval(maxWait)
            let wait = min(maxWait, max(1, next.timeIntervalSince(now)))
            onEvent(.waiting(wait))
            await sleep(wait)
        }
        onEvent(.stopped)
    }

    /// Runs the modules due now, one after another. When e-conomic cannot be
    /// reached the round ends there: the other modules would only wait out the
    /// same retries, and stay due for the next round.
    public func runDue() async throws {
        try scheduler.releaseStale()
        for module in try scheduler.due() {
            if isStopping() { return }
            do {
                let result = try await runModule(module)
                onEvent(.ran(result))
                if result.outcome.error?.code == .unreachable { return }
            } catch let error as SyncError {
                onEvent(.notRun(module, error))
            }
        }
    }
}
