import Snapshot

/// One thing a reconcile will do: push a record to e-conomic, pull one into
/// the replica, or skip or block one, with the fields involved, the reason,
/// and a deterministic idempotency key (the same operation always gets the
/// same key, so a retried or resumed push is recognised by e-conomic).
///
/// ```swift
/// let op = PlanOperation(module: "products", kind: "product", key: "P-100", action: .update,
///                        fields: ["salesPrice": .number("45.5")], reason: "price changed locally")
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
    }

    public var module: String
    public var kind: String
    /// The record: its e-conomic key, or `local:ID` for a record not yet in e-conomic.
    public var key: String
    public var action: Action
    /// The field values involved (for a push: what is sent; for a pull: what is written).
    public var fields: [String: JSONValue]
    public var reason: String
    /// Decisions on fields changed on both sides.
    public var conflicts: [FieldMerge.Conflict]

    public init(module: String, kind: String, key: String, action: Action, fields: [String: JSONValue] = [:], reason: String,
                conflicts: [FieldMerge.Conflict] = []) {
        self.module = module
        self.kind = kind
        self.key = key
        self.action = action
        self.fields = fields
        self.reason = reason
        self.conflicts = conflicts
    }

    /// A key derived from what the operation is, for e-conomic's `Idempotency-Key`.
    public var idempotencyKey: String {
        "econsync-" + StableHash.hex([module, kind, key, action.rawValue, CanonicalJSON.string(.object(fields))])
    }

    /// The operation as JSON.
    public var json: JSONValue {
        .object([
            "module": .string(module), "kind": .string(kind), "key": .string(key), "action": .string(action.rawValue),
            "fields": .object(fields), "reason": .string(reason), "idempotencyKey": .string(idempotencyKey),
            "conflicts": .array(conflicts.map(\.json)),
        ])
    }
}

/// A 128-bit FNV-1a-based hash, stable across runs and machines, as hex.
enum StableHash {
    static func hex(_ parts: [String]) -> String {
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
