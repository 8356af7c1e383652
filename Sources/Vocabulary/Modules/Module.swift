/// One of the brief's eight sync modules, each enabled on its own.
///
/// Its raw value is the name used on the command line and in settings
/// (`projectEntries`); its kinds are the ones whose ``Kind/module`` it is.
///
/// ```swift
/// Module.customers.number          // 3
/// Module.customers.kinds           // [.customer, .contact, .customerGroup, .paymentTerm, .vatZone]
/// ```
public enum Module: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Comparable {
    case units, products, customers, hourTypes, projects, projectEntries, orders, suppliers

    /// The brief's number, 1 to 8.
    public var number: Int { Module.allCases.firstIndex(of: self)! + 1 }

    /// The module's name in English, for reports: "Project entries".
    public var title: String {
        switch self {
        case .units: "Units"
        case .products: "Products"
        case .customers: "Customers"
        case .hourTypes: "Hour types"
        case .projects: "Projects"
        case .projectEntries: "Project entries"
        case .orders: "Orders"
        case .suppliers: "Suppliers"
        }
    }

    /// The kinds a run of this module reconciles.
    public var kinds: [Kind] { Kind.allCases.filter { $0.module == self } }

    /// Run only when asked: orders are exported from a project by hand.
    public var isManual: Bool { self == .orders }

    /// Runs only when the finance module is active (suppliers).
    public var requiresFinance: Bool { self == .suppliers }

    /// The order modules run in, so that what a module pushes can refer to what
    /// the ones before it created: units before products, customers before
    /// projects before entries. Customers come first: they refer to nothing
    /// another module makes and are most agreements' largest register, and
    /// a first sync's first run is the one that writes no base of its own
    /// (its snapshot is the base).
    public static let runOrder: [Module] = [.customers, .units, .products, .hourTypes, .projects, .projectEntries, .orders, .suppliers]

    /// Every module's name, for error messages: "units, products, …".
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public static func < (lhs: Module, rhs: Module) -> Bool { lhs.rawValue < rhs.rawValue }
}
