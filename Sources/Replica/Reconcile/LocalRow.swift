/// One row of a record kind as reconcile compares it: its local id, the
/// values of the properties asked for, its e-conomic key, whether it is
/// deleted and (registrations only) approved or exported on an order.
///
/// ```swift
/// let rows = try replica.localRows(.product, properties: ["name", "salesPrice"])
/// rows[0].values   // [.text("Vare 1"), .int(250)]
/// ```
public struct LocalRow: Sendable, Equatable {
    /// A stored value: booleans as booleans, whole numbers as `int`.
    public enum Value: Sendable, Equatable {
        case int(Int64)
        case double(Double)
        case text(String)
        case bool(Bool)
    }

    /// The local id.
    public var id: Int64
    /// The values of the properties asked for, in their order; nil for NULL or
    /// for a property the kind does not store.
    public var values: [Value?]
    /// The e-conomic key as text, nil while the record is not in e-conomic.
    public var foreignKey: String?
    /// Whether the row is deleted.
    public var tombstone: Bool
    /// Whether a registration is approved; nil for other kinds.
    public var approved: Bool?
    /// The local order a registration is exported on (nil for other kinds).
    public var orderID: Int64?

    /// Whether a registration is exported on an order: it reached e-conomic
    /// there, and is never sent as a time entry too (false for other kinds).
    public var onOrder: Bool { orderID != nil }
}
