import Snapshot

/// Which system's value wins a field changed on both sides.
public enum Side: String, Codable, Sendable, Equatable, CaseIterable {
    case mobilplan, economic
}

/// The three-way merge of one record's mapped fields: the value at the last
/// reconcile (base), the replica's value (local) and e-conomic's (remote).
/// A field changed on one side only goes to the other; a field changed on
/// both sides to different values is a conflict, decided by the master.
///
/// ```swift
/// let merge = FieldMerge.merge(base: base, local: local, remote: remote, fields: ["name", "salesPrice"], master: .mobilplan)
/// merge.push    // fields to send to e-conomic
/// merge.pull    // fields to write to the replica
/// ```
public struct FieldMerge: Equatable, Sendable {
    /// One field decided on both sides' changes, for the conflict journal.
    public struct Conflict: Equatable, Sendable {
        public var field: String
        public var base: JSONValue?
        public var local: JSONValue?
        public var remote: JSONValue?
        public var winner: Side
        /// Why the winner won: a ``MasterRule``'s text (`default master of the products module: mobilplan`).
        public var rule: String

        public init(field: String, base: JSONValue?, local: JSONValue?, remote: JSONValue?, winner: Side, rule: String) {
            self.field = field
            self.base = base
            self.local = local
            self.remote = remote
            self.winner = winner
            self.rule = rule
        }

        /// The decision as JSON, for the conflict journal and plans.
        public var json: JSONValue {
            var fields: [String: JSONValue] = ["field": .string(field), "winner": .string(winner.rawValue), "rule": .string(rule)]
            fields["base"] = base
            fields["local"] = local
            fields["remote"] = remote
            return .object(fields)
        }

        /// A decision read back from ``json``.
        public init(json: JSONValue) throws {
            guard let field = json["field"]?.stringValue, let winner = json["winner"]?.stringValue.flatMap(Side.init(rawValue:)),
                  let rule = json["rule"]?.stringValue else {
                throw PlanError("a conflict needs field, winner (mobilplan or economic) and rule: \(json)")
            }
            self.init(field: field, base: json["base"], local: json["local"], remote: json["remote"], winner: winner, rule: rule)
        }
    }

    /// Fields whose e-conomic value must change (nil: remove the field there).
    public var push: [FieldPath: JSONValue?] = [:]
    /// Fields whose replica value must change.
    public var pull: [FieldPath: JSONValue?] = [:]
    public var conflicts: [Conflict] = []

    /// Whether the two sides already agree.
    public var isEmpty: Bool { push.isEmpty && pull.isEmpty }

    /// Merges `fields`; a record new on both sides (no `base`) treats every
    /// differing field as changed on both sides.
    public static func merge(base: [String: JSONValue]?, local: [String: JSONValue], remote: [String: JSONValue],
                             fields: [FieldPath], master: Side, rule: String) -> FieldMerge {
        var result = FieldMerge()
        for field in fields.sorted() {
            let l = field.comparable(in: local), r = field.comparable(in: remote)
            guard l != r else { continue }
            let b = base.map { field.comparable(in: $0) }
            let localChanged = b.map { $0 != l } ?? true
            let remoteChanged = b.map { $0 != r } ?? true
            switch (localChanged, remoteChanged) {
            case (true, false):
                result.push[field] = .some(l)
            case (false, true):
                result.pull[field] = .some(r)
            default:
                result.conflicts.append(Conflict(field: field.description, base: b ?? nil, local: l, remote: r, winner: master, rule: rule))
                if master == .mobilplan { result.push[field] = .some(l) } else { result.pull[field] = .some(r) }
            }
        }
        return result
    }
}
