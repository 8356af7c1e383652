import Vocabulary
internal import GRDB
import Foundation

/// Material used on a project (a quantity of a product).
///
/// Only approved materials are transferred or exported; once sent, a material
/// can no longer change.
public struct Material: Registration, Equatable {
    public static let kind = Kind.material
    public static let mappedColumns = names(.productId, .projectId, .employeeId, .date, .quantity, .unitId, .note, .approvedAt)
    public static let references = [
        Reference(Columns.productId.rawValue, .product, required: true),
        Reference(Columns.projectId.rawValue, .project, required: true),
        Reference(Columns.employeeId.rawValue, .employee),
        Reference(Columns.unitId.rawValue, .unit),
        Reference(Columns.orderId.rawValue, .order),
    ]

    public var id: Int64?
    public var foreignKey: Int?
    public var department: Int?
    public var productId: Int64
    public var projectId: Int64
    /// Who recorded it, if known.
    public var employeeId: Int64?
    /// The day it was used, `YYYY-MM-DD`.
    public var date: String
    public var quantity: Double
    /// The unit of `quantity`; the product's unit when nil.
    public var unitId: Int64?
    public var note: String?
    public var approvedAt: String?
    public var approvedBy: String?
    public var transferredAt: String?
    public var orderId: Int64?
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, productId: Int64,
                projectId: Int64, employeeId: Int64? = nil, date: String, quantity: Double, unitId: Int64? = nil,
                note: String? = nil, approvedAt: String? = nil, approvedBy: String? = nil,
                transferredAt: String? = nil, orderId: Int64? = nil, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.productId = productId
        self.projectId = projectId
        self.employeeId = employeeId
        self.date = date
        self.quantity = quantity
        self.unitId = unitId
        self.note = note
        self.approvedAt = approvedAt
        self.approvedBy = approvedBy
        self.transferredAt = transferredAt
        self.orderId = orderId
        self.tombstone = tombstone
    }

    public var content: [String?] {
        [String(productId), String(projectId), employeeId.map(String.init), date, String(quantity), unitId.map(String.init), note]
    }

    public func validate(_ check: Validation, previous: Material?) throws {
        try check.references([
            "product_id": productId, "project_id": projectId, "employee_id": employeeId, "unit_id": unitId, "order_id": orderId,
        ])
        try check.date(date)
        try check.positive(quantity, "quantity")
        try check.optionalText(note, "note", max: 2500)
        try validateLifecycle(check, previous: previous)
    }
}

extension Material: BulkInsertable, RowDecodable {
    static let insertColumns = names(
        .foreignKey, .department, .productId, .projectId, .employeeId, .date, .quantity,
        .unitId, .note, .approvedAt, .approvedBy, .transferredAt, .orderId, .syncedHash, .tombstone
    )

    func bind(to row: inout RowBinder) {
        row.bind(foreignKey)
        row.bind(department)
        row.bind(productId)
        row.bind(projectId)
        row.bind(employeeId)
        row.bind(date)
        row.bind(quantity)
        row.bind(unitId)
        row.bind(note)
        row.bind(approvedAt)
        row.bind(approvedBy)
        row.bind(transferredAt)
        row.bind(orderId)
        row.bind(syncedHash)
        row.bind(tombstone)
    }

    /// Decoded by hand rather than through `Codable`: listings of hours and
    /// materials run to many thousands of rows.
    init(row: Row) throws {
        self.init(id: row[Columns.id.rawValue], foreignKey: row[Columns.foreignKey.rawValue], department: row[Columns.department.rawValue],
                  productId: row[Columns.productId.rawValue], projectId: row[Columns.projectId.rawValue], employeeId: row[Columns.employeeId.rawValue],
                  date: row[Columns.date.rawValue], quantity: row[Columns.quantity.rawValue], unitId: row[Columns.unitId.rawValue],
                  note: row[Columns.note.rawValue], approvedAt: row[Columns.approvedAt.rawValue], approvedBy: row[Columns.approvedBy.rawValue],
                  transferredAt: row[Columns.transferredAt.rawValue], orderId: row[Columns.orderId.rawValue], tombstone: row[Columns.tombstone.rawValue])
        syncedHash = row[Columns.syncedHash.rawValue]
    }
}

extension Material {
    /// The columns of `materials`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case productId = "product_id"
        case projectId = "project_id"
        case employeeId = "employee_id"
        case date
        case quantity
        case unitId = "unit_id"
        case note
        case approvedAt = "approved_at"
        case approvedBy = "approved_by"
        case transferredAt = "transferred_at"
        case orderId = "order_id"
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension Material: ColumnNaming {}
