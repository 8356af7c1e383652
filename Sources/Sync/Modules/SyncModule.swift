/// One of the brief's eight sync modules: what it is called, which reconcile
/// mappings it runs, and whether the scheduler runs it on its own.
///
/// ```swift
/// let module = try SyncModule.named("customers")
/// module.number      // 3
/// ```
public struct SyncModule: Sendable, Hashable, CustomStringConvertible {
    /// The name used on the command line and in settings (`projectEntries`).
    public let name: String
    /// The brief's number, 1 to 8.
    public let number: Int
    public let title: String
    /// The reconcile modules (``KindMapping/module``) a run of it covers.
    public let reconcileModules: Set<String>
    /// Run only when asked (orders are exported from a project by hand).
    public let manual: Bool
    /// Runs only when the finance module is active (suppliers).
    public let requiresFinance: Bool

    init(_ number: Int, _ name: String, _ title: String, covers extra: Set<String> = [], manual: Bool = false, requiresFinance: Bool = false) {
        self.number = number
        self.name = name
        self.title = title
        self.reconcileModules = extra.union([name])
        self.manual = manual
        self.requiresFinance = requiresFinance
    }

    public var description: String { name }

    public static let units = SyncModule(1, "units", "Units", covers: ["setup"])
    public static let products = SyncModule(2, "products", "Products")
    public static let customers = SyncModule(3, "customers", "Customers")
    public static let hourTypes = SyncModule(4, "hourTypes", "Hour types")
    public static let projects = SyncModule(5, "projects", "Projects")
    public static let projectEntries = SyncModule(6, "projectEntries", "Project entries")
    public static let orders = SyncModule(7, "orders", "Orders", manual: true)
    public static let suppliers = SyncModule(8, "suppliers", "Suppliers", requiresFinance: true)

    /// The eight modules, by number.
    public static let all: [SyncModule] = [.units, .products, .customers, .hourTypes, .projects, .projectEntries, .orders, .suppliers]

    /// The order modules run in, so that what a module pushes can refer to what
    /// the ones before it created: customers before products before projects before entries.
    public static let runOrder: [SyncModule] = [.units, .customers, .products, .hourTypes, .projects, .projectEntries, .orders, .suppliers]

    /// The module called `name`.
    public static func named(_ name: String) throws -> SyncModule {
        guard let module = all.first(where: { $0.name == name }) else {
            throw SyncError(.unknownModule, "unknown module \"\(name)\"; modules are \(all.map(\.name).joined(separator: ", "))")
        }
        return module
    }
}
