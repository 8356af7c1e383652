import Reconcile
import Vocabulary

extension RecordStatus {
    /// One reason the record is not in e-conomic and what to do, with the
    /// command that helps: what `econsync why` says (in Danish the shared
    /// catalogue's headline), and, in English, the text scripts read in `--json` and `/api/pending`.
    ///
    /// ```swift
    /// status.advice(.notApproved, in: .en)   // "not approved: only approved registrations are sent; `econsync local hours approve 3`"
    /// ```
    public func advice(_ reason: Reason, in language: Language) -> String {
        let headline = reason.headline(.da)
        let approve = "`econsync local \(kind == .material ? "materials" : "hours") approve \(id)`"
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
            (reason.error.map { $0.code == .blocked ? "\(headline): \(recorded.words(.da))" : $0.code.heading(recorded.words(.da), in: .da) }
                ?? recorded.words(.da),
             "the last \(module.rawValue) run: \(recorded)")
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
