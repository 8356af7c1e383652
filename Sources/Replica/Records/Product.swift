import Vocabulary
import Foundation

/// A product in the catalogue: e-conomic `/products`, keyed there by its
/// product number.
///
/// Once the product exists in e-conomic its number and unit can no longer
/// change (a limitation of e-conomic named in the brief).
public struct Product: ReplicaRecord, Equatable {
    public static let kind = Kind.product
    public static let mappedColumns = names(.number, .name, .salesPrice, .costPrice, .unitId, .productGroupId, .barred)
    public static let references = [
        Reference(Columns.unitId.rawValue, .unit),
        Reference(Columns.productGroupId.rawValue, .productGroup),
    ]

    public var id: Int64?
    /// e-conomic's `productNumber` once the product exists there.
    public var foreignKey: String?
    public var department: Int?
    /// The product number (e-conomic's `productNumber`, up to 25 characters).
    public var number: String
    public var name: String
    public var salesPrice: Double?
    public var costPrice: Double?
    public var unitId: Int64?
    public var productGroupId: Int64?
    public var barred: Bool
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: String? = nil, department: Int? = nil, number: String,
                name: String, salesPrice: Double? = nil, costPrice: Double? = nil, unitId: Int64? = nil,
                productGroupId: Int64? = nil, barred: Bool = false, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.number = number
        self.name = name
        self.salesPrice = salesPrice
        self.costPrice = costPrice
        self.unitId = unitId
        self.productGroupId = productGroupId
        self.barred = barred
        self.tombstone = tombstone
    }

    public mutating func normalize() {
        number = number.trimmingCharacters(in: .whitespaces)
        name = name.trimmingCharacters(in: .whitespaces)
    }

    public func validate(_ check: Validation, previous: Product?) throws {
        try check.text(number, "number", max: 25)
        try check.text(name, "name", max: 300)
        try check.money(salesPrice, "salesPrice")
        try check.money(costPrice, "costPrice")
        try check.references(["unit_id": unitId, "product_group_id": productGroupId])
        try check.unique("number", number, field: "number")
        if let previous {
            let inEconomic = previous.foreignKey != nil
            try check.immutableOnceSynced(previous.number, number, field: "number", existsInEconomic: inEconomic,
                                          why: .productNumber)
            try check.immutableOnceSynced(previous.unitId, unitId, field: "unit", existsInEconomic: inEconomic,
                                          why: .productUnit)
        }
    }
}

extension Product: BulkInsertable {
    static let insertColumns = names(
        .foreignKey, .department, .number, .name, .salesPrice, .costPrice, .unitId, .productGroupId, .barred, .syncedHash, .tombstone
    )

    func bind(to row: inout RowBinder) {
        row.bind(foreignKey)
        row.bind(department)
        row.bind(number)
        row.bind(name)
        row.bind(salesPrice)
        row.bind(costPrice)
        row.bind(unitId)
        row.bind(productGroupId)
        row.bind(barred)
        row.bind(syncedHash)
        row.bind(tombstone)
    }
}

extension Product {
    /// The columns of `products`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case number
        case name
        case salesPrice = "sales_price"
        case costPrice = "cost_price"
        case unitId = "unit_id"
        case productGroupId = "product_group_id"
        case barred
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension Product: ColumnNaming {}
