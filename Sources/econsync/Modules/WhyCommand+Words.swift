import Sync
import Vocabulary

/// What `econsync why` says, in Danish or English: the record and where it
/// stands (each reason with what to do is ``RecordStatus/advice(_:in:)``). The
/// Danish words are the shared catalogue's (as the panel's "Venter" has them).
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
        case .exported: status.orderNumber.map { ("i e-conomic på ordre \($0)", "in e-conomic on order \($0)") }
            ?? (RecordStatus.State.exported.words(.da), RecordStatus.State.exported.words(.en))
        }
        return (language == .da ? da : en) + (status.state == .deleted ? status.economicKey.map { " (e-conomic \($0))" } ?? "" : "")
    }
}
