import Sync
import Vocabulary

/// What `econsync why` says, in Danish or English: the record, where it
/// stands, and each reason with what to do. The Danish words are the shared
/// catalogue's (as the panel's "Venter" has them), with the command that helps;
/// `--json` gives the English text.
extension WhyCommand {
    /// `timeEntry 3 (name)`, in Danish `Timeregistrering 3 (name)`.
    static func title(_ status: RecordStatus, in language: Language) -> String {
        (language == .da ? status.kind.name(.da) : status.kind.rawValue) + " \(status.id)" + (status.name.map { " (\($0))" } ?? "")
    }

    /// Where the record stands against e-conomic.
    static func state(_ status: RecordStatus, in language: Language) -> String {
        let key = status.economicKey ?? "?"
        let inEconomic = RecordStatus.State.synced.words(.da)
        let (da, en): (String, String) = switch status.state {
        case .synced: ("\(inEconomic) som \(key), som Mobilplan har den", "in e-conomic as \(key), as the replica has it")
        case .changed: ("\(inEconomic) som \(key), men \(RecordStatus.State.changed.words(.da))",
                        "in e-conomic as \(key), changed in the replica since it was last synced")
        case .new: (RecordStatus.State.new.words(.da), "not in e-conomic yet")
        case .deleted: (RecordStatus.State.deleted.words(.da), "deleted in the replica")
        }
        return (language == .da ? da : en) + (status.state == .deleted ? status.economicKey.map { " (e-conomic \($0))" } ?? "" : "")
    }

    /// One reason the record is not in e-conomic, and what to do.
    static func text(_ reason: RecordStatus.Reason, _ status: RecordStatus, in language: Language) -> String {
        let headline = reason.headline(.da)
        let approve = "`econsync local \(status.kind == .material ? "materials" : "hours") approve \(status.id)`"
        let (da, en): (String, String) = switch reason {
        case .paused:
            ("\(headline); kør `econsync resume`", "the integration is paused: nothing is sent until `econsync resume`")
        case .moduleOff(let module):
            ("\(headline); `econsync config set \(module.rawValue).enabled true` slår det til",
             "the \(module.rawValue) module is off: `econsync config set \(module.rawValue).enabled true` switches it on")
        case .importOnly(let module):
            (headline, "the \(module.rawValue) module only imports: local changes are not sent, and its next run puts e-conomic's values back")
        case .notApproved:
            ("\(headline); godkend den med \(approve)", "not approved: only approved registrations are sent; \(approve)")
        case .awaitsOrderExport:
            ("\(headline); kør `econsync order export --project PROJEKT`, når projektet er klar",
             "materials reach e-conomic on a draft order: `econsync order export --project PROJECT` when the project is ready")
        case .lastRun(let recorded):
            (reason.error.map { $0.code == .blocked ? "\(headline): \(recorded)" : SyncError.headed(recorded, kind: $0.code, in: .da) } ?? recorded,
             "the last \(status.module.rawValue) run: \(recorded)")
        case .pushUnsettled(let action):
            ("\(headline); `econsync reconcile --resume` eller næste kørsel gør den færdig",
             "a \(action) of it was recorded and not settled (an interrupted run): `econsync reconcile --resume`, or the next run, finishes it")
        case .pushFailed(let error):
            ("\(headline): \(error)", "its last push failed: \(error)")
        case .nextRun(let module):
            ("\(headline); `econsync sync \(module.rawValue)` kører den nu",
             "nothing stops it: the next \(module.rawValue) run sends it (`econsync sync \(module.rawValue)` runs it now)")
        }
        return language == .da ? da : en
    }
}
