import Replica
import Snapshot
import Sync
import Vocabulary

/// A decision of the conflict journal as `econsync conflicts --json` shows
/// it: the record's key as e-conomic spells it (a number, text for
/// products) and the three values as JSON values, null where the field was
/// absent (the journal keeps them as JSON text).
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

    /// A value kept as JSON text, as a JSON value (null when absent; the text itself should it not parse).
    static func value(_ text: String?) -> JSONValue {
        guard let text else { return .null }
        return (try? CanonicalJSON.parse(text)) ?? .string(text)
    }
}
