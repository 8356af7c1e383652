import Vocabulary

/// What the replica knows of each kind: its table, its number in the change
/// log, its record type, its mapped columns and the references between kinds.
///
/// ```swift
/// Kind.hourType.table   // "hour_types"
/// ```
extension Kind {
    /// The column that names a record of this kind (`name`), nil for the
    /// registrations and orders, which have none (their label is their date).
    public var nameColumn: String? {
        [.timeEntry, .material, .order].contains(self) ? nil : "name"
    }

    /// The replica table holding records of this kind.
    public var table: String {
        switch self {
        case .unit: "units"
        case .product: "products"
        case .productGroup: "product_groups"
        case .customer: "customers"
        case .contact: "contacts"
        case .customerGroup: "customer_groups"
        case .paymentTerm: "payment_terms"
        case .vatZone: "vat_zones"
        case .layout: "layouts"
        case .supplier: "suppliers"
        case .employee: "employees"
        case .hourType: "hour_types"
        case .project: "projects"
        case .timeEntry: "time_entries"
        case .material: "materials"
        case .order: "orders"
        case .department: "departments"
        }
    }

    /// The kind's number in the change log; fixed forever once released.
    public var code: Int {
        switch self {
        case .unit: 1
        case .product: 2
        case .productGroup: 3
        case .customer: 4
        case .contact: 5
        case .customerGroup: 6
        case .paymentTerm: 7
        case .vatZone: 8
        case .layout: 9
        case .supplier: 10
        case .employee: 11
        case .hourType: 12
        case .project: 13
        case .timeEntry: 14
        case .material: 15
        case .order: 16
        case .department: 17
        }
    }

    /// The kind with change-log number `code`.
    public init?(code: Int) {
        guard let kind = Kind.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }

    /// The Swift record type for this kind.
    public var recordType: any ReplicaRecord.Type {
        switch self {
        case .unit: UnitType.self
        case .product: Product.self
        case .productGroup: ProductGroup.self
        case .customer: Customer.self
        case .contact: Contact.self
        case .customerGroup: CustomerGroup.self
        case .paymentTerm: PaymentTerm.self
        case .vatZone: VatZone.self
        case .layout: Layout.self
        case .supplier: Supplier.self
        case .employee: Employee.self
        case .hourType: HourType.self
        case .project: Project.self
        case .timeEntry: TimeEntry.self
        case .material: Material.self
        case .order: Order.self
        case .department: Department.self
        }
    }

    /// The columns whose values are sent to (or come from) e-conomic; their
    /// hash is compared with `synced_hash` to tell whether a row changed locally.
    public var mappedColumns: [String] { recordType.mappedColumns + ["tombstone"] }

    /// The columns of this kind that refer to other records by local id.
    public var references: [Reference] { recordType.references }

    /// The kinds whose records may refer to records of this kind.
    var referrers: [(kind: Kind, reference: Reference)] {
        Kind.allCases.flatMap { other in
            other.references.filter { $0.target == self }.map { (other, $0) }
        }
    }

}

/// A column that refers to another record by its local id.
public struct Reference: Sendable, Hashable {
    /// The column name in the replica table, e.g. `customer_id`.
    public var column: String
    /// The kind of record referred to.
    public var target: Kind
    /// Whether every record must have this reference.
    public var required: Bool

    /// The name used for this reference in field names, CLI flags and import
    /// files: the column without its `_id` suffix, in camel case (`hourType`).
    public var field: String {
        let base = column.hasSuffix("_id") ? String(column.dropLast(3)) : column
        return snakeToCamel(base)
    }

    public init(_ column: String, _ target: Kind, required: Bool = false) {
        self.column = column
        self.target = target
        self.required = required
    }
}

func snakeToCamel(_ name: String) -> String {
    let parts = name.split(separator: "_")
    guard let first = parts.first else { return name }
    return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
}
