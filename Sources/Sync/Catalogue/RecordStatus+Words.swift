import Vocabulary

/// A record not in e-conomic in words every front end shares: where it
/// stands, and why in one sentence (the panel's "Venter" shows it with its
/// remedy, `econsync why` in Danish with the command that helps).
///
/// ```swift
/// RecordStatus.State.new.words(.da)              // "ikke i e-conomic endnu"
/// RecordStatus.Reason.notApproved.headline(.da)   // "Ikke godkendt: kun godkendte registreringer sendes"
/// ```
extension RecordStatus.State {
    /// Where the record stands, in words.
    public func words(_ language: Language) -> String {
        let (da, en): (String, String) = switch self {
        case .synced: ("i e-conomic", "in e-conomic")
        case .changed: ("ændret siden seneste synkronisering", "changed since it was last synced")
        case .new: ("ikke i e-conomic endnu", "not in e-conomic yet")
        case .deleted: ("slettet i Mobilplan", "deleted in Mobilplan")
        case .exported: ("i e-conomic på en ordre", "in e-conomic on an order")
        }
        return language == .da ? da : en
    }
}

extension RecordStatus.Reason {
    /// Why, in one sentence without its full stop: for a reason the last run
    /// recorded, the brief's words for its error ("Medarbejder mangler
    /// e-conomic ID"), or that the last run blocked it.
    public func headline(_ language: Language) -> String {
        let da = language == .da
        switch self {
        case .paused:
            return da ? "Integrationen er sat på pause: intet sendes, før den genoptages" : "The integration is paused: nothing is sent until it is resumed"
        case .moduleOff(let module):
            return da ? "Modulet \(module.name(.da)) er slået fra" : "The \(module.name(.en)) module is switched off"
        case .importOnly(let module):
            return da ? "Modulet \(module.name(.da)) henter kun fra e-conomic: ændringer i Mobilplan sendes ikke, og næste kørsel sætter e-conomics værdier tilbage"
                : "The \(module.name(.en)) module only imports: changes in Mobilplan are not sent, and its next run puts e-conomic's values back"
        case .notApproved:
            return da ? "Ikke godkendt: kun godkendte registreringer sendes" : "Not approved: only approved registrations are sent"
        case .awaitsOrderExport:
            return da ? "Materialer kommer til e-conomic på en ordrekladde" : "Materials reach e-conomic on a draft order"
        case .lastRun:
            let blocked = da ? "Blokeret ved seneste kørsel" : "Blocked by the last run"
            let code = error?.code ?? .blocked
            return code == .blocked ? blocked : code.headline(language) ?? blocked
        case .pushUnsettled(let action):
            return da ? "En afsendelse (\(action)) blev afbrudt og er ikke afsluttet" : "A push (\(action)) was cut off and is not settled"
        case .pushFailed:
            return da ? "Seneste afsendelse fejlede" : "Its last push failed"
        case .nextRun(let module):
            return da ? "Intet stopper den: næste kørsel af \(module.name(.da)) sender den" : "Nothing stops it: the next \(module.name(.en)) run sends it"
        }
    }
}
