import Vocabulary
import Foundation

/// A record of e-conomic master data that is just a number and a name: unit
/// types, product groups, customer groups, VAT zones, layouts and departments.
///
/// Use the aliases: ``UnitType``, ``ProductGroup``, ``CustomerGroup``,
/// ``VatZone``, ``Layout``, ``Department``.
///
/// ```swift
/// let hours = UnitType(foreignKey: 2, name: "timer")
/// ```
public struct NamedRecord<Tag: NamedRecordTag>: ReplicaRecord, Equatable {
    public static var kind: Kind { Tag.kind }
    public static var mappedColumns: [String] { names(.name) }

    public var id: Int64?
    public var foreignKey: Int?
    public var department: Int?
    public var name: String
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, name: String, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.name = name
        self.syncedHash = nil
        self.tombstone = tombstone
    }

    public mutating func normalize() {
        name = name.trimmingCharacters(in: .whitespaces)
    }

    public func validate(_ check: Validation, previous: Self?) throws {
        try check.text(name, "name", max: Tag.maxNameLength)
    }
}

/// Names the kind of a ``NamedRecord``.
public protocol NamedRecordTag: Sendable {
    static var kind: Kind { get }
    static var maxNameLength: Int { get }
}

public enum UnitTypeTag: NamedRecordTag {
    public static var kind: Kind { .unit }
    public static var maxNameLength: Int { 100 }
}
public enum ProductGroupTag: NamedRecordTag {
    public static var kind: Kind { .productGroup }
    public static var maxNameLength: Int { 50 }
}
public enum CustomerGroupTag: NamedRecordTag {
    public static var kind: Kind { .customerGroup }
    public static var maxNameLength: Int { 50 }
}
public enum VatZoneTag: NamedRecordTag {
    public static var kind: Kind { .vatZone }
    public static var maxNameLength: Int { 50 }
}
public enum LayoutTag: NamedRecordTag {
    public static var kind: Kind { .layout }
    public static var maxNameLength: Int { 250 }
}
public enum DepartmentTag: NamedRecordTag {
    public static var kind: Kind { .department }
    public static var maxNameLength: Int { 250 }
}

/// A unit type (stk., timer, km, …): e-conomic `/units`.
public typealias UnitType = NamedRecord<UnitTypeTag>
/// A product group: e-conomic `/product-groups`.
public typealias ProductGroup = NamedRecord<ProductGroupTag>
/// A customer group (debtor group): e-conomic `/customer-groups`.
public typealias CustomerGroup = NamedRecord<CustomerGroupTag>
/// A VAT zone: e-conomic `/vat-zones`.
public typealias VatZone = NamedRecord<VatZoneTag>
/// An invoice and order layout: e-conomic `/layouts`.
public typealias Layout = NamedRecord<LayoutTag>
/// A department, the scope of one e-conomic agreement: e-conomic `/departments`.
public typealias Department = NamedRecord<DepartmentTag>

extension NamedRecord {
    /// The columns of the named records' tables (`units`, `product_groups`, …), each named once:
    /// the case is the property, its raw value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case name
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension NamedRecord: ColumnNaming {}
