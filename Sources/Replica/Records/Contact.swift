import Vocabulary
import Foundation

/// A contact person at a customer: e-conomic `/customers/{n}/contacts`.
public struct Contact: ReplicaRecord, Equatable {
    public static let kind = Kind.contact
    public static let mappedColumns = names(.customerId, .name, .email, .phone)
    public static let references = [Reference(Columns.customerId.rawValue, .customer, required: true)]

    public var id: Int64?
    public var foreignKey: Int?
    public var department: Int?
    public var customerId: Int64
    public var name: String
    public var email: String?
    public var phone: String?
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, customerId: Int64,
                name: String, email: String? = nil, phone: String? = nil, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.customerId = customerId
        self.name = name
        self.email = email
        self.phone = phone
        self.tombstone = tombstone
    }

    public mutating func normalize() {
        name = name.trimmingCharacters(in: .whitespaces)
    }

    public func validate(_ check: Validation, previous: Contact?) throws {
        try check.references(["customer_id": customerId])
        try check.text(name, "name", max: 255)
        try check.email(email)
        try check.optionalText(phone, "phone", max: 50)
    }
}

extension Contact {
    /// The columns of `contacts`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case customerId = "customer_id"
        case name
        case email
        case phone
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension Contact: ColumnNaming {}
