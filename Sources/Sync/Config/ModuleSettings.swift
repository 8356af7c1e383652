import Foundation
import Replica
import Vocabulary

/// Which sync modules are enabled and how they are scheduled: the interval
/// (about 15 minutes, with jitter), the cooldown per module, the longer
/// interval of full reconciles and the timeout after which a module still
/// "running" is released.
///
/// ```swift
/// let settings = try ModuleSettings(replica: replica)
/// settings.isEnabled(.suppliers)   // false unless finance.enabled is true
/// ```
public struct ModuleSettings: Sendable, Equatable {
    static let keys: [ConfigKey] = Module.allCases.map { module in
        ConfigKey.flag("\(module.rawValue).enabled", "run the \(module.title.lowercased()) module (\(module.number))", default: true)
    } + [
        .flag("finance.enabled", "the finance module is active: suppliers are synced only then", default: false),
        .flag(pausedKey, "the whole integration is paused: no module runs, nothing is sent to e-conomic (field work goes on)",
              default: false),
        .number("schedule.interval", "minutes between two runs of a module", 15...1440, default: 15),
        .number("schedule.jitter", "seconds of random delay added to each module's next run, so modules spread out", 0...3600, default: 60),
        .number("schedule.cooldown", "minutes a module rests after a run before it may run again (a forced run does not wait)", 1...1440, default: 15),
        .number("schedule.fullInterval", "hours between full reconciles that compare every record", 1...720, default: 24),
        .number("schedule.timeout", "hours after which a module still running is timed out and released", 1...48, default: 12),
    ]

    /// The setting that pauses the whole integration.
    public static let pausedKey = "integration.paused"

    public var enabled: [String: Bool] = [:]
    public var financeEnabled = false
    /// The whole integration is paused (`econsync pause`).
    public var paused = false
    public var interval: TimeInterval = 15 * 60
    public var jitter: TimeInterval = 60
    public var cooldown: TimeInterval = 15 * 60
    public var fullInterval: TimeInterval = 24 * 3600
    public var timeout: TimeInterval = 12 * 3600

    /// The defaults.
    public init() {}

    /// The settings stored in `replica`.
    public init(replica: ReplicaStore) throws {
        self.init(try ConfigValues(replica: replica))
    }

    init(_ values: ConfigValues) {
        for module in Module.allCases { enabled[module.rawValue] = values.bool("\(module.rawValue).enabled") }
        financeEnabled = values.bool("finance.enabled")
        paused = values.bool(Self.pausedKey)
        interval = TimeInterval(values.int("schedule.interval") ?? 15) * 60
        jitter = TimeInterval(values.int("schedule.jitter") ?? 60)
        cooldown = TimeInterval(values.int("schedule.cooldown") ?? 15) * 60
        fullInterval = TimeInterval(values.int("schedule.fullInterval") ?? 24) * 3600
        timeout = TimeInterval(values.int("schedule.timeout") ?? 12) * 3600
    }

    /// Whether `module` runs: enabled, and for suppliers, the finance module active.
    public func isEnabled(_ module: Module) -> Bool {
        if module.requiresFinance && !financeEnabled { return false }
        return enabled[module.rawValue] ?? true
    }

    /// The error a run of `module` meets while the integration is paused; nil when it is not.
    public func pausedError(_ module: Module? = nil) -> SyncError? {
        guard paused else { return nil }
        return SyncError(.paused, .paused, module: module?.rawValue, action: .resumeIntegration)
    }

    /// Why `module` does not run, when it does not.
    public func disabledReason(_ module: Module) -> RunProblem? {
        if enabled[module.rawValue] == false { return .switchedOff(module) }
        if module.requiresFinance && !financeEnabled { return .awaitingFinance }
        return nil
    }
}
