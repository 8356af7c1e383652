import Vocabulary
import Foundation

/// A customer (debtor): e-conomic `/customers`.
///
/// ```swift
/// let customer = try replica.write { try $0.create(Customer(name: "Hansen VVS ApS", cvr: "13748136")) }
/// ```
public struct Customer: ReplicaRecord, Equatable {
    public static let kind = Kind.customer
    public static let mappedColumns = names(
        .name, .cvr, .address, .zip, .city, .country, .phone, .email, .currency, .customerGroupId, .paymentTermId, .vatZoneId, .barred
    )
    public static let references = [
        Reference(Columns.customerGroupId.rawValue, .customerGroup),
        Reference(Columns.paymentTermId.rawValue, .paymentTerm),
        Reference(Columns.vatZoneId.rawValue, .vatZone),
    ]

    public var id: Int64?
    public var foreignKey: Int?
    public var department: Int?
    public var name: String
    /// The Danish CVR number; e-conomic's `corporateIdentificationNumber`.
    public var cvr: String?
    public var address: String?
    public var zip: String?
    public var city: String?
    public var country: String?
    /// e-conomic's `telephoneAndFaxNumber`.
    public var phone: String?
    public var email: String?
    public var currency: String
    public var customerGroupId: Int64?
    public var paymentTermId: Int64?
    public var vatZoneId: Int64?
    public var barred: Bool
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, name: String,
                cvr: String? = nil, address: String? = nil, zip: String? = nil, city: String? = nil,
                country: String? = nil, phone: String? = nil, email: String? = nil, currency: String = "DKK",
                customerGroupId: Int64? = nil, paymentTermId: Int64? = nil, vatZoneId: Int64? = nil,
                barred: Bool = false, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.name = name
        self.cvr = cvr
        self.address = address
        self.zip = zip
        self.city = city
        self.country = country
        self.phone = phone
        self.email = email
        self.currency = currency
        self.customerGroupId = customerGroupId
        self.paymentTermId = paymentTermId
        self.vatZoneId = vatZoneId
        self.barred = barred
        self.tombstone = tombstone
    }

    public mutating func normalize() {
        name = name.trimmingCharacters(in: .whitespaces)
        cvr = cvr.map(CVR.normalized)
        currency = currency.uppercased()
    }

    public func validate(_ check: Validation, previous: Customer?) throws {
        try check.text(name, "name", max: 255)
        // A Danish CVR number for domestic customers; abroad, a VAT number as e-conomic takes it.
        if try check.isDomestic(vatZoneId: vatZoneId) {
            try check.cvr(cvr)
        } else {
            try check.optionalText(cvr, "cvr", max: 40)
        }
        try check.optionalText(address, "address", max: 510)
        try check.optionalText(zip, "zip", max: 30)
        try check.optionalText(city, "city", max: 50)
        try check.optionalText(country, "country", max: 50)
        try check.optionalText(phone, "phone", max: 255)
        try check.email(email)
        if check.checksInput("currency"), currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw check.error(field: "currency", .notCurrency(currency))
        }
        try check.references([
            "customer_group_id": customerGroupId, "payment_term_id": paymentTermId, "vat_zone_id": vatZoneId,
        ])
    }
}

extension Customer: BulkInsertable {
    static let insertColumns = names(
        .foreignKey, .department, .name, .cvr, .address, .zip, .city, .country, .phone, .email, .currency,
        .customerGroupId, .paymentTermId, .vatZoneId, .barred, .syncedHash, .tombstone
    )

    func bind(to row: inout RowBinder) {
        row.bind(foreignKey)
        row.bind(department)
        row.bind(name)
        row.bind(cvr)
        row.bind(address)
        row.bind(zip)
        row.bind(city)
        row.bind(country)
        row.bind(phone)
        row.bind(email)
        row.bind(currency)
        row.bind(customerGroupId)
        row.bind(paymentTermId)
        row.bind(vatZoneId)
        row.bind(barred)
        row.bind(syncedHash)
        row.bind(tombstone)
    }
}

extension Customer {
    /// The columns of `customers`, each named once: the case is the property, its raw
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
        case country
        case phone
        case email
        case currency
        case customerGroupId = "customer_group_id"
        case paymentTermId = "payment_term_id"
        case vatZoneId = "vat_zone_id"
        case barred
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension Customer: ColumnNaming {}
