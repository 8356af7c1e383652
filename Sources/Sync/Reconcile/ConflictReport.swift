import Replica
import Snapshot
import Vocabulary

/// A decision of the conflict journal as scripts read it (`econsync conflicts
/// --json`, the panel's `/api/conflicts`): the record's key as e-conomic
/// spells it (a number, text for products) and the three values as JSON
/// values, null where the field was absent (the journal keeps them as JSON text).
///
/// ```swift
/// let reports = try replica.conflicts(since: nil).map(ConflictReport.init)
/// ```
public struct ConflictReport: Encodable, Sendable {
    public var id: Int64?
    public var runId: Int64
    public var decidedAt: String
    public var module: String
    public var kind: String
    public var recordKey: JSONValue
    public var field: String
    public var baseValue: JSONValue
    public var localValue: JSONValue
    public var remoteValue: JSONValue
    public var winner: String
    public var rule: String

    /// The journal's `entry` as scripts read it.
    public init(_ entry: ConflictEntry) {
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
