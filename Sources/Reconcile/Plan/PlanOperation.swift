import Snapshot
import Vocabulary

/// One thing a reconcile will do: push a record to e-conomic, pull one into
/// the replica, or skip or block one, with the fields involved, the reason,
/// and a deterministic idempotency key (the same operation always gets the
/// same key, so a retried or resumed push is recognised by e-conomic).
///
/// ```swift
/// let op = PlanOperation(kind: .product, key: "P-100", action: .update,
///                        fields: ["salesPrice": .number("45.5")], because: .changedInReplica)
/// op.idempotencyKey   // "econsync-3f1c…"
/// ```
public struct PlanOperation: Equatable, Sendable {
    /// What the operation does.
    public enum Action: String, Sendable, CaseIterable {
        case create, update, bar
        case pullInsert = "pull-insert", pullUpdate = "pull-update", pullDelete = "pull-delete"
        case skip, block

        /// Whether the operation writes to e-conomic.
        public var isPush: Bool { self == .create || self == .update || self == .bar }
        /// Whether the operation writes e-conomic's record into the replica.
        public var isPull: Bool { self == .pullInsert || self == .pullUpdate || self == .pullDelete }
    }

    public var kind: Kind
    /// The module the operation runs in: its kind's.
    public var module: Module { kind.module }
    /// The record: its e-conomic key, or `local:ID` for a record not yet in e-conomic.
    public var key: String
    public var action: Action
    /// The field values involved (for a push: what is sent; for a pull: what is written).
    public var fields: [String: JSONValue]
    /// Why, as data (see ``PlanReason``).
    public var because: PlanReason
    /// Why, in English (``PlanReason/description``).
    public var reason: String { because.description }
    /// Decisions on fields changed on both sides.
    public var conflicts: [FieldMerge.Conflict]
    /// Records the same plan must create before this push can be sent.
    public var requires: [Dependency]
    /// For a replica record matched to an e-conomic record (a CVR link): the
    /// e-conomic key it gets.
    public var link: String?

    public init(kind: Kind, key: String, action: Action, fields: [String: JSONValue] = [:], because: PlanReason,
                conflicts: [FieldMerge.Conflict] = [], requires: [Dependency] = [], link: String? = nil) {
        self.kind = kind
        self.key = key
        self.action = action
        self.fields = fields
        self.because = because
        self.conflicts = conflicts
        self.requires = requires
        self.link = link
    }

    /// A key derived from what the operation is, for e-conomic's `Idempotency-Key`.
    public var idempotencyKey: String {
        "econsync-" + StableHash.hex([module.rawValue, kind.rawValue, key, action.rawValue, CanonicalJSON.string(.object(fields)), link ?? ""])
    }

    /// The record a plan key names: the operation's own key, or `kind/key`.
    public var target: String { "\(kind)/\(key)" }

    /// The operation as JSON.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "module": .string(module.rawValue), "kind": .string(kind.rawValue), "key": .string(key), "action": .string(action.rawValue),
            "fields": .object(fields), "reason": .string(reason), "idempotencyKey": .string(idempotencyKey),
            "conflicts": .array(conflicts.map(\.json)),
        ]
        if !requires.isEmpty { object["requires"] = .array(requires.map(\.json)) }
        if let link { object["link"] = .string(link) }
        // The reason's data beside its words: `why` and "Venter" word it in each language.
        if let because = because.json { object["because"] = because }
        return .object(object)
    }

    /// An operation read back from ``json`` (a plan file); its idempotency key must match its content.
    public init(json: JSONValue) throws {
        guard let moduleName = json["module"]?.stringValue, let kindName = json["kind"]?.stringValue, let key = json["key"]?.stringValue,
              let actionName = json["action"]?.stringValue, let reason = json["reason"]?.stringValue,
              let fields = json["fields"]?.objectValue else {
            throw PlanError("an operation needs module, kind, key, action, fields and reason: \(json)")
        }
        guard let kind = Kind(rawValue: kindName) else {
            throw PlanError("unknown kind \"\(kindName)\" for \(key); kinds are \(Kind.allNames)")
        }
        guard moduleName == kind.module.rawValue else {
            throw PlanError("the operation on \(kindName) \(key) names module \"\(moduleName)\"; \(kind.noun) records belong to \(kind.module.rawValue)")
        }
        guard let action = Action(rawValue: actionName) else {
            throw PlanError("unknown action \"\(actionName)\" for \(kind) \(key); actions are \(Action.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var conflicts: [FieldMerge.Conflict] = []
        if case .array(let items)? = json["conflicts"] { conflicts = try items.map(FieldMerge.Conflict.init(json:)) }
        var requires: [Dependency] = []
        if case .array(let items)? = json["requires"] { requires = try items.map(Dependency.init(json:)) }
        let because = try json["because"].map { try JSONValueDecoder.decode(PlanReason.self, from: $0) } ?? .recorded(reason)
        self.init(kind: kind, key: key, action: action, fields: fields, because: because, conflicts: conflicts,
                  requires: requires, link: json["link"]?.stringValue)
        if let given = json["idempotencyKey"]?.stringValue, given != idempotencyKey {
            throw PlanError("the operation on \(kind) \(key) was edited: its idempotency key does not match its content")
        }
    }
}

/// A 128-bit FNV-1a-based hash, stable across runs and machines, as hex: the
/// source of econsync's idempotency keys.
public enum StableHash {
    /// The hash of `parts` (each ended by a zero byte, so `["ab", "c"]` and `["a", "bc"]` differ).
    public static func hex(_ parts: [String]) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for part in parts {
            for byte in part.utf8 + [0] {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9E37_79B9_7F4A_7C15
            }
        }
        return [a, b].map { value in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}
