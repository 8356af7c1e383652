import Reconcile
import Replica
import Sync
import Vocabulary

/// A decision of the conflict journal as `econsync conflicts` shows it to
/// people, in Danish or English (`--json` gives the ``ConflictReport`` itself).
extension ConflictReport {
    /// The table's columns for people, as econsync speaks.
    static var head: [String] {
        Speech.language == .da
            ? ["AFGJORT", "MODUL", "POST", "FELT", "VINDER", "REGEL", "GRUNDLAG", "MOBILPLAN", "E-CONOMIC"]
            : ["DECIDED", "MODULE", "RECORD", "FIELD", "WINNER", "RULE", "BASE", "MOBILPLAN", "E-CONOMIC"]
    }

    /// A decision for people: in Danish the module, the record's kind, the
    /// winner and the rule in the office's words (`Kunder`, `Kunde 1002`,
    /// `e-conomic`, `e-conomic er master for Kunder (standard)`); in English as
    /// the journal keeps them. The values as kept, `-` where absent.
    static func row(_ entry: ConflictEntry) -> [String] {
        let danish = Speech.language == .da
        let module = danish ? Module(rawValue: entry.module)?.name(.da) ?? entry.module : entry.module
        let kind = danish ? Kind(rawValue: entry.kind)?.name(.da) ?? entry.kind : entry.kind
        let winner = danish ? Side(rawValue: entry.winner)?.name ?? entry.winner : entry.winner
        return [LocalTime.string(entry.decidedAt), module, "\(kind) \(entry.recordKey)", entry.field, winner,
                MasterRule(text: entry.rule)?.words(Speech.language) ?? entry.rule, entry.baseValue ?? "-", entry.localValue ?? "-", entry.remoteValue ?? "-"]
    }

    /// What is said when there is no decision (since `since`).
    static func none(since: String?) -> String {
        Speech.language == .da ? "ingen konflikter\(since.map { " siden \($0)" } ?? "")" : "no conflicts\(since.map { " since \($0)" } ?? "")"
    }
}
