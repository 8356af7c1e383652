import Vocabulary
import Foundation

/// A supplier (creditor): e-conomic `/suppliers`, imported when the finance module is on.
public struct Supplier: ReplicaRecord, Equatable {
    public static let kind = Kind.supplier
    public static let mappedColumns = names(.name, .cvr, .address, .zip, .city, .email, .phone, .barred)

    public var id: Int64?
    public var foreignKey: Int?
    public var department: Int?
    public var name: String
    /// e-conomic's `corporateIdentificationNumber`; e-conomic does not enforce a
    /// format for suppliers, so it is kept as sent.
    public var cvr: String?
    public var address: String?
    public var zip: String?
    public var city: String?
    public var email: String?
    public var phone: String?
    public var barred: Bool
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, name: String,
                cvr: String? = nil, address: String? = nil, zip: String? = nil, city: String? = nil,
                email: String? = nil, phone: String? = nil, barred: Bool = false, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.name = name
        self.cvr = cvr
        self.address = address
        self.zip = zip
        self.city = city
        self.email = email
        self.phone = phone
        self.barred = barred
        self.tombstone = tombstone
    }

    public func validate(_ check: Validation, previous: Supplier?) throws {
        try check.text(name, "name", max: 255)
        try check.optionalText(cvr, "cvr", max: 40)
        try check.optionalText(address, "address", max: 255)
        try check.optionalText(zip, "zip", max: 10)
        try check.optionalText(city, "city", max: 50)
        try check.optionalText(email, "email", max: 100)
        try check.optionalText(phone, "phone", max: 20)
    }
}

extension Supplier {
    /// The columns of `suppliers`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case name
        case cvr
        case address
        case zip
        case city
        case email
        case phone
        case barred
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension Supplier: ColumnNaming {}
