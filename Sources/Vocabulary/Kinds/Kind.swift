/// A kind of record econsync knows: held in the replica, pulled into
/// snapshots, reconciled with e-conomic. Its raw value is the name used in
/// snapshot files, plans and on the command line (`"customer"`, `"timeEntry"`).
///
/// This is the one registry of kinds. Each target derives its own facts from
/// it with an exhaustive `switch`, so a new case is added here once and the
/// compiler names every place that must say something about it: the replica's
/// table, the e-conomic resource, the reconcile mapping.
///
/// ```swift
/// Kind(rawValue: "hourType")?.noun     // "hour type"
/// Kind.timeEntry.module                // .projectEntries
/// ```
public enum Kind: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Comparable {
    case unit, product, productGroup, customer, contact, customerGroup, paymentTerm, vatZone
    case layout, supplier, employee, hourType, project, timeEntry, material, order, department

    /// The brief's module that owns records of this kind.
    ///
    /// Departments and layouts belong to module 1, the set-up data the others
    /// rely on: layouts are reference data (the wizard's order template, the
    /// order export's layout), pulled every round so that the manual orders
    /// module never has e-conomic's lookups as work of its own. Materials,
    /// which live only in Mobilplan, travel with orders.
    public var module: Module {
        switch self {
        case .unit, .department, .layout: .units
        case .product, .productGroup: .products
        case .customer, .contact, .customerGroup, .paymentTerm, .vatZone: .customers
        case .hourType: .hourTypes
        case .project, .employee: .projects
        case .timeEntry: .projectEntries
        case .order, .material: .orders
        case .supplier: .suppliers
        }
    }

    /// The kind in words, for messages: "time entry", "hour type".
    public var noun: String {
        rawValue.reduce(into: "") { text, character in
            if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
        }
    }

    /// Every kind's name, for error messages: "unit, product, …".
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
}
