import Vocabulary
import Foundation

/// A kind of work hours are recorded as (e-conomic activity): "Montage",
/// "Service", "Kørsel", … Its unit is always hours.
///
/// Hours of an hour type that is not mapped to an e-conomic activity cannot
/// be transferred.
public struct HourType: ReplicaRecord, Equatable {
    public static let kind = Kind.hourType
    public static let mappedColumns = names(.name, .activityNumber, .productId, .barred)
    public static let references = [Reference(Columns.productId.rawValue, .product)]

    public var id: Int64?
    /// The e-conomic activity this hour type was imported from, if any.
    public var foreignKey: Int?
    public var department: Int?
    public var name: String
    /// The e-conomic activity hours of this type are transferred as (the activity mapping).
    public var activityNumber: Int?
    /// The product that prices hours of this type on orders.
    public var productId: Int64?
    public var barred: Bool
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, name: String,
                activityNumber: Int? = nil, productId: Int64? = nil, barred: Bool = false, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.name = name
        self.activityNumber = activityNumber
        self.productId = productId
        self.barred = barred
        self.tombstone = tombstone
    }

    public mutating func normalize() {
        name = name.trimmingCharacters(in: .whitespaces)
    }

    public func validate(_ check: Validation, previous: HourType?) throws {
        try check.text(name, "name", max: 100)
        if let activityNumber, !(1...999_999_999).contains(activityNumber) {
            throw check.error(field: "activity", .outOfRange("\(activityNumber)", .activityNumber))
        }
        try check.references(["product_id": productId])
    }
}

extension HourType {
    /// The columns of `hour_types`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case name
        case activityNumber = "activity_number"
        case productId = "product_id"
        case barred
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension HourType: ColumnNaming {}
