import Vocabulary
import GRDB
import Foundation

/// A contact person at a customer: e-conomic `/customers/{n}/contacts`.
public struct Contact: ReplicaRecord, Equatable {
    public static let kind = Kind.contact
    public static let mappedColumns = ["customer_id", "name", "email", "phone"]
    public static let references = [Reference("customer_id", .customer, required: true)]

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
