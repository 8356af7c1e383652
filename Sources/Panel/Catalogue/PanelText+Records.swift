import Reconcile
import Replica
import Sync
import Vocabulary

/// The words for a record not in e-conomic ("Venter"): where it stands, and
/// each reason (the shared catalogue's sentence) with what to do, as
/// `econsync why` explains it with the panel's words for the CLI's commands.
extension PanelText {
    /// A record's state in words.
    static func recordState(_ state: RecordStatus.State) -> PanelText {
        switch state {
        case .synced: .synced
        case .changed: .changed
        case .new: .new
        case .deleted: .deleted
        case .exported: .exported
        }
    }

    /// Why a record is not in e-conomic (`headline` in the brief's words for
    /// what the last run recorded, `detail` the catalogue's words for its reason), and what to do.
    static func reason(_ reason: RecordStatus.Reason, _ language: PanelLanguage)
        -> (headline: String, detail: String?, remedy: String) {
        let da = language == .da
        let sentence = reason.headline(language) + "."
        switch reason {
        case .paused:
            return (sentence, nil, PanelRemedyWording(language).words(for: .resumeIntegration))
        case .moduleOff(let module):
            return (sentence, nil, PanelRemedyWording(language).words(for: .setConfig(key: "\(module.rawValue).enabled")))
        case .importOnly:
            return (sentence, nil, da ? "Ret posten i e-conomic." : "Change the record in e-conomic.")
        case .notApproved:
            return (sentence, nil, da ? "Godkend registreringen i Mobilplan." : "Approve the registration in Mobilplan.")
        case .awaitsOrderExport:
            return (sentence, nil, da ? "Eksportér projektets ordre, når projektet er klar." : "Export the project's order when the project is ready.")
        case .lastRun(let recorded):
            let remedy = reason.error?.remedy.map { PanelRemedyWording(language).words(for: $0) }
            return (reason.headline(language), recorded.words(language), remedy ?? (da ? "Ret posten; næste kørsel prøver igen." : "Correct the record; the next run tries again."))
        case .pushUnsettled:
            return (sentence, nil, PanelRemedyWording(language).words(for: .finishSync))
        case .pushFailed(let failure):
            return (sentence, failure, da ? "Næste kørsel prøver igen; ret posten, hvis fejlen bliver ved." : "The next run tries again; correct the record if the error stays.")
        case .nextRun:
            return (sentence, nil, da ? "\"\(PanelText.syncNow.in(language))\" på oversigten sender den med det samme." : "\"\(PanelText.syncNow.in(language))\" on the overview sends it at once.")
        }
    }
}
