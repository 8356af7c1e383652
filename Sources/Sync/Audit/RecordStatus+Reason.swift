import Reconcile
import Vocabulary

extension RecordStatus.Reason {
    /// The reason's name, as `econsync why --json` gives it (`notApproved`, `lastRun`, …).
    public var code: String {
        switch self {
        case .paused: "paused"
        case .moduleOff: "moduleOff"
        case .importOnly: "importOnly"
        case .notApproved: "notApproved"
        case .awaitsOrderExport: "awaitsOrderExport"
        case .lastRun: "lastRun"
        case .pushUnsettled: "pushUnsettled"
        case .pushFailed: "pushFailed"
        case .nextRun: "nextRun"
        }
    }

    /// True for what went wrong with the record itself (the last run left it
    /// pending, or its push did not finish), false for what holds every record
    /// of its module alike (paused, switched off, import-only, the next run).
    public var isRecordProblem: Bool {
        switch self {
        case .lastRun, .pushUnsettled, .pushFailed: true
        case .paused, .moduleOff, .importOnly, .notApproved, .awaitsOrderExport, .nextRun: false
        }
    }

    /// The error a reason the last run recorded amounts to (the brief's
    /// troubleshooting cases, with their remedies); nil for other reasons.
    ///
    /// ```swift
    /// RecordStatus.Reason.lastRun(.employeeMissingID(nil)).error?.code   // .employeeMissingID
    /// ```
    public var error: SyncError? {
        guard case .lastRun(let reason) = self else { return nil }
        return SyncError(.ofBlock(reason), reason.description)
    }
}
