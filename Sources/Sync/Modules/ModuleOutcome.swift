/// What one run of a sync module did: its counts, the e-conomic calls it
/// used, and the error it ended with (a failure, or blocked records that
/// need a user's attention while the rest went through).
public struct ModuleOutcome: Sendable, Equatable {
    public var pulled = 0
    public var pushed = 0
    public var skipped = 0
    public var blocked = 0
    public var conflicts = 0
    public var apiCalls = 0
    /// Order exports released because their draft was deleted in e-conomic (the orders module).
    public var released = 0
    /// The error to record and notify about; nil when all went well.
    public var error: SyncError?
    /// The run failed (the module's state becomes failed); false when only some records were blocked.
    public var failed = false

    public init() {}

    /// A failed run.
    public static func failure(_ error: SyncError) -> ModuleOutcome {
        var outcome = ModuleOutcome()
        outcome.error = error
        outcome.failed = true
        return outcome
    }
}
