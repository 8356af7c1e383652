import Economic

/// Where each snapshot kind lives in e-conomic and what its key is.
///
/// ```swift
/// EconomicKind.all.first { $0.kind == "customer" }!.path   // "/customers"
/// ```
public struct EconomicKind: Sendable, Equatable {
    /// The snapshot kind (`customer`, `timeEntry`, …).
    public var kind: String
    public var api: EconomicClient.API
    /// The collection path (REST) or resource name (Projects API).
    public var path: String
    /// The field holding the record's key.
    public var keyField: String
    /// The module the calls are accounted to.
    public var module: String

    /// Every kind econsync pulls, in snapshot order. Contacts are read per
    /// customer (`/customers/{n}/contacts`), so they are pulled only when asked for.
    public static let all: [EconomicKind] = [
        EconomicKind(kind: "contact", api: .rest, path: "/customers/{customer}/contacts", keyField: "customerContactNumber", module: "customers"),
        EconomicKind(kind: "customer", api: .rest, path: "/customers", keyField: "customerNumber", module: "customers"),
        EconomicKind(kind: "customerGroup", api: .rest, path: "/customer-groups", keyField: "customerGroupNumber", module: "customers"),
        EconomicKind(kind: "department", api: .rest, path: "/departments", keyField: "departmentNumber", module: "setup"),
        EconomicKind(kind: "employee", api: .projects, path: "Employees", keyField: "number", module: "projects"),
        EconomicKind(kind: "hourType", api: .projects, path: "Activities", keyField: "number", module: "hourTypes"),
        EconomicKind(kind: "layout", api: .rest, path: "/layouts", keyField: "layoutNumber", module: "orders"),
        EconomicKind(kind: "order", api: .rest, path: "/orders/drafts", keyField: "orderNumber", module: "orders"),
        EconomicKind(kind: "paymentTerm", api: .rest, path: "/payment-terms", keyField: "paymentTermsNumber", module: "customers"),
        EconomicKind(kind: "product", api: .rest, path: "/products", keyField: "productNumber", module: "products"),
        EconomicKind(kind: "productGroup", api: .rest, path: "/product-groups", keyField: "productGroupNumber", module: "products"),
        EconomicKind(kind: "project", api: .projects, path: "Projects", keyField: "number", module: "projects"),
        EconomicKind(kind: "supplier", api: .rest, path: "/suppliers", keyField: "supplierNumber", module: "suppliers"),
        EconomicKind(kind: "timeEntry", api: .projects, path: "TimeEntries", keyField: "number", module: "projectEntries"),
        EconomicKind(kind: "unit", api: .rest, path: "/units", keyField: "unitNumber", module: "units"),
        EconomicKind(kind: "vatZone", api: .rest, path: "/vat-zones", keyField: "vatZoneNumber", module: "customers"),
    ]

    /// The kinds pulled when none are named: all but contacts and draft orders.
    public static let defaultKinds = all.map(\.kind).filter { $0 != "contact" && $0 != "order" }
}
