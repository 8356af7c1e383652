import Vocabulary
import Foundation

/// An employee who records hours: e-conomic Projects API `/Employees`.
///
/// Hours can only be transferred for an employee with an e-conomic id
/// (`foreignKey`); see the troubleshooting case "Employee is missing an e-conomic ID".
public struct Employee: ReplicaRecord, Equatable {
    public static let kind = Kind.employee
    public static let mappedColumns = names(.number, .name, .email, .phone, .hourlyCostRate, .hourlySalesRate, .barred)

    public var id: Int64?
    /// The e-conomic employee number once matched or created.
    public var foreignKey: Int?
    public var department: Int?
    /// Mobilplan's employee number (used to match with e-conomic by number).
    public var number: Int?
    public var name: String
    public var email: String?
    public var phone: String?
    /// Cost of one hour, in DKK.
    public var hourlyCostRate: Double?
    /// Sales price of one hour, in DKK.
    public var hourlySalesRate: Double?
    public var barred: Bool
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, number: Int? = nil,
                name: String, email: String? = nil, phone: String? = nil, hourlyCostRate: Double? = nil,
                hourlySalesRate: Double? = nil, barred: Bool = false, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.number = number
        self.name = name
        self.email = email
        self.phone = phone
        self.hourlyCostRate = hourlyCostRate
        self.hourlySalesRate = hourlySalesRate
        self.barred = barred
        self.tombstone = tombstone
    }

    public mutating func normalize() {
        name = name.trimmingCharacters(in: .whitespaces)
    }

    public func validate(_ check: Validation, previous: Employee?) throws {
        try check.text(name, "name", max: 100)
        if let number, !(1...999_999).contains(number) {
            throw check.error(field: "number", .outOfRange("\(number)", .employeeNumber))
        }
        try check.unique("number", number, field: "number")
        try check.email(email)
        try check.optionalText(phone, "phone", max: 20)
        try check.money(hourlyCostRate, "hourlyCostRate")
        try check.money(hourlySalesRate, "hourlySalesRate")
    }
}

extension Employee {
    /// The columns of `employees`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case number
        case name
        case email
        case phone
        case hourlyCostRate = "hourly_cost_rate"
        case hourlySalesRate = "hourly_sales_rate"
        case barred
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension Employee: ColumnNaming {}
