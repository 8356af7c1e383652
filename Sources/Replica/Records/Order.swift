import Vocabulary
import GRDB
import Foundation

/// A draft order exported to e-conomic (`/orders/drafts`) from a project's
/// approved hours and materials.
public struct Order: ReplicaRecord, Equatable {
    public static let kind = Kind.order
    public static let mappedColumns = ["customer_id", "project_id", "layout_id", "date", "heading"]
    public static let references = [
        Reference("customer_id", .customer, required: true),
        Reference("project_id", .project),
        Reference("layout_id", .layout),
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
