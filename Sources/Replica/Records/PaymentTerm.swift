import Vocabulary
/// Payment terms (e.g. "Netto 8 dage"): e-conomic `/payment-terms`.
public struct PaymentTerm: ReplicaRecord, Equatable {
    public static let kind = Kind.paymentTerm
    public static let mappedColumns = names(.name, .type, .daysOfCredit)
    /// The values e-conomic accepts for `paymentTermsType`.
    public static let types: Set<String> = [
        "net", "invoiceMonth", "paidInCash", "prepaid", "dueDate", "factoring",
        "invoiceWeekStartingSunday", "invoiceWeekStartingMonday", "creditcard", "avtaleGiro",
    ]

    public var id: Int64?
    public var foreignKey: Int?
    public var department: Int?
    public var name: String
    /// e-conomic's `paymentTermsType`, e.g. `net`.
    public var type: String?
    public var daysOfCredit: Int?
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, name: String,
                type: String? = nil, daysOfCredit: Int? = nil, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.name = name
        self.type = type
        self.daysOfCredit = daysOfCredit
        self.tombstone = tombstone
    }

    public func validate(_ check: Validation, previous: PaymentTerm?) throws {
        try check.text(name, "name", max: 50)
        if let type, !Self.types.contains(type) {
            throw check.error(field: "type", .notPaymentTermsType(type, Self.types.sorted()))
        }
        if let daysOfCredit, daysOfCredit < 0 {
            throw check.error(field: "daysOfCredit", .negative)
        }
    }
}

extension PaymentTerm {
    /// The columns of `payment_terms`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case name
        case type
        case daysOfCredit = "days_of_credit"
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension PaymentTerm: ColumnNaming {}
