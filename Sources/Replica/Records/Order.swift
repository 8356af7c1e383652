import Vocabulary
import Foundation

/// A draft order exported to e-conomic (`/orders/drafts`) from a project's
/// approved hours and materials.
public struct Order: ReplicaRecord, Equatable {
    public static let kind = Kind.order
    public static let mappedColumns = names(.customerId, .projectId, .layoutId, .date, .heading)
    public static let references = [
        Reference(Columns.customerId.rawValue, .customer, required: true),
        Reference(Columns.projectId.rawValue, .project),
        Reference(Columns.layoutId.rawValue, .layout),
    ]

    public var id: Int64?
    /// The e-conomic order number once created there.
    public var foreignKey: Int?
    public var department: Int?
    public var customerId: Int64
    public var projectId: Int64?
    public var layoutId: Int64?
    /// The order date, `YYYY-MM-DD`.
    public var date: String
    public var heading: String?
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, customerId: Int64,
                projectId: Int64? = nil, layoutId: Int64? = nil, date: String, heading: String? = nil,
                tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.customerId = customerId
        self.projectId = projectId
        self.layoutId = layoutId
        self.date = date
        self.heading = heading
        self.tombstone = tombstone
    }

    public func validate(_ check: Validation, previous: Order?) throws {
        try check.references(["customer_id": customerId, "project_id": projectId, "layout_id": layoutId])
        try check.date(date)
        try check.optionalText(heading, "heading", max: 250)
    }
}

extension Order {
    /// The columns of `orders`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case customerId = "customer_id"
        case projectId = "project_id"
        case layoutId = "layout_id"
        case date
        case heading
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension Order: ColumnNaming {}
