import Reconcile
import Vocabulary

/// The categories of ``SyncError``.
extension ErrorCode where Domain == SyncError {
    /// No module has the name given.
    public static var unknownModule: Self { "unknownModule" }
    /// The module is switched off in config.
    public static var disabled: Self { "disabled" }
    /// The whole integration is paused (`integration.paused`): no module runs.
    public static var paused: Self { "paused" }
    /// The module ran less than the cooldown ago.
    public static var coolingDown: Self { "coolingDown" }
    /// Another process is running it (or another module of the agreement).
    public static var busy: Self { "busy" }
    /// "Token expired": every module waits for a reconnect.
    public static var needsReconnect: Self { "needsReconnect" }
    /// "Module hangs": it was running for longer than the timeout and was released.
    public static var timedOut: Self { "timedOut" }
    /// "Customer not found in e-conomic".
    public static var customerNotFound: Self { "customerNotFound" }
    /// "Employee is missing an e-conomic ID".
    public static var employeeMissingID: Self { "employeeMissingID" }
    /// An hour type has no e-conomic activity.
    public static var activityUnmapped: Self { "activityUnmapped" }
    /// An order export found no approved registration that is not exported yet.
    public static var nothingToExport: Self { "nothingToExport" }
    /// An order line's product is not in e-conomic and cannot be created.
    public static var productMissing: Self { "productMissing" }
    /// An order export was asked for something that cannot be (a registration of another project, not approved, …).
    public static var invalidRequest: Self { "invalidRequest" }
    /// An order was asked to be released while e-conomic still has it as a draft.
    public static var orderStillDraft: Self { "orderStillDraft" }
    /// An order was asked to be released while e-conomic has it sent or archived: its registrations stay exported.
    public static var orderSent: Self { "orderSent" }
    /// A setting the operation needs is missing (an order layout, payment terms).
    public static var missingSetting: Self { "missingSetting" }
    /// Other operations were blocked.
    public static var blocked: Self { "blocked" }
    /// e-conomic kept answering 429 Too Many Requests past its rate-limit window; the next run tries again.
    public static var rateLimited: Self { "rateLimited" }
    /// e-conomic could not be reached (no network, its servers down) after every retry; field work is kept, the next run tries again.
    public static var unreachable: Self { "unreachable" }
    /// The run failed (e-conomic refused a push, bad response).
    public static var failed: Self { "failed" }
}

extension ErrorCode where Domain == SyncError {
    /// The code of a blocked operation's reason: the brief's troubleshooting
    /// case it is ("Customer not found in e-conomic", "Employee is missing
    /// an e-conomic ID", an hour type without an activity), else ``blocked``.
    public static func ofBlock(_ reason: PlanReason) -> Self {
        switch reason {
        case .customerNotFound: .customerNotFound
        case .employeeMissingID: .employeeMissingID
        case .activityUnmapped: .activityUnmapped
        case .newInEconomic, .changedInEconomic, .changedInEconomicImporting, .deletedInEconomic, .linked, .newInReplica, .changedInReplica,
             .deletedInReplica, .historical, .goneFromEconomic, .readOnly, .deletedImporting, .newImporting, .autoCreateOff, .notApproved,
             .switchedOff, .mergedSubProject, .heldBack, .unitChange, .cannotBar, .requiredMissing, .unresolved, .sameValue, .duplicate,
             .ambiguous, .dependencyMissing, .productMissing, .productNotCreatable, .numberTaken, .recorded: .blocked
        }
    }
}
