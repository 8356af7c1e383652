import Vocabulary

/// A record kept in the replica: a local id, the e-conomic key once the record
/// exists there, its fields, the department it belongs to, the hash of its
/// mapped fields at the last reconcile, and a tombstone.
///
/// Every record type (``Customer``, ``TimeEntry``, …) conforms. Create and
/// change records through ``ReplicaWriter`` so that they are validated.
public protocol ReplicaRecord: Codable, Sendable {
    /// The type of the e-conomic key: `Int` for most kinds, `String` for products.
    associatedtype ForeignKey: Codable & Sendable & Hashable & LosslessStringConvertible

    /// The kind of this record.
    static var kind: Kind { get }
    /// The columns mapped to e-conomic fields (without `tombstone`, which is always mapped).
    static var mappedColumns: [String] { get }
    /// The columns that refer to other records.
    static var references: [Reference] { get }

    /// The local id, nil until inserted.
    var id: Int64? { get set }
    /// The e-conomic key, nil until the record exists in e-conomic.
    var foreignKey: ForeignKey? { get set }
    /// The department (and so the e-conomic agreement) the record belongs to; nil for the default.
    var department: Int? { get set }
    /// The hash of the mapped fields at the last reconcile.
    var syncedHash: String? { get set }
    /// Whether the record is deleted (kept so the deletion can be synced).
    var tombstone: Bool { get set }

    /// Checks the record before it is written; `previous` is the stored
    /// version when the record is being changed, nil when it is created.
    func validate(_ check: Validation, previous: Self?) throws

    /// Brings field values to their stored form (trimmed names, CVR without
    /// spaces or `DK` prefix, …) before validation.
    mutating func normalize()
}

extension ReplicaRecord {
    public static var references: [Reference] { [] }
    public mutating func normalize() {}
}
