import Reconcile
import Replica
import Snapshot
import Sync
import Vocabulary

/// A decision of the conflict journal as `econsync conflicts --json` shows
/// it: the record's key as e-conomic spells it (a number, text for products)
/// and the three values as JSON values, null where the field was absent (the
/// journal keeps them as JSON text); and as its table shows it to people, in
/// Danish or English.
struct ConflictReport: Encodable {
    var id: Int64?
    var runId: Int64
    var decidedAt: String
    var module: String
    var kind: String
    var recordKey: JSONValue
    var field: String
    var baseValue: JSONValue
    var localValue: JSONValue
    var remoteValue: JSONValue
    var winner: String
    var rule: String

    init(_ entry: ConflictEntry) {
        (id, runId, decidedAt, module, kind, field, winner, rule) =
            (entry.id, entry.runId, entry.decidedAt, entry.module, entry.kind, entry.field, entry.winner, entry.rule)
        recordKey = Kind(rawValue: entry.kind).map { LocalRecords.economicKey(entry.recordKey, $0).json } ?? .string(entry.recordKey)
        baseValue = Self.value(entry.baseValue)
        localValue = Self.value(entry.localValue)
        remoteValue = Self.value(entry.remoteValue)
    }

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

    /// A value kept as JSON text, as a JSON value (null when absent; the text itself should it not parse).
    static func value(_ text: String?) -> JSONValue {
        guard let text else { return .null }
        return (try? CanonicalJSON.parse(text)) ?? .string(text)
    }
}
