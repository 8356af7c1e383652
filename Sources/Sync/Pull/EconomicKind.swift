import Economic
import EconomicWire
import Reconcile

/// Where each snapshot kind lives in e-conomic; its key field and module come
/// from the kind's ``KindMapping``.
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
    /// How a key is written in the path of one record (products have e-conomic's own escaping).
    public var keyEncoding = PathKeyEncoding.percent

    var mapping: KindMapping { KindMapping.named(kind)! }
    /// The field holding the record's key.
    public var keyField: String { mapping.keyField }
    /// The module the calls are accounted to.
    public var module: String { mapping.module }

    /// Every kind econsync pulls, in snapshot order. Contacts are read per
    /// customer (`/customers/{n}/contacts`), so they are pulled only when asked for.
    public static let all: [EconomicKind] = [
        EconomicKind(kind: "contact", api: .rest, path: "/customers/{customer}/contacts"),
        EconomicKind(kind: "customer", api: .rest, path: "/customers"),
        EconomicKind(kind: "customerGroup", api: .rest, path: "/customer-groups"),
        EconomicKind(kind: "department", api: .rest, path: "/departments"),
        EconomicKind(kind: "employee", api: .projects, path: "Employees"),
        EconomicKind(kind: "hourType", api: .projects, path: "Activities"),
        EconomicKind(kind: "layout", api: .rest, path: "/layouts"),
        EconomicKind(kind: "order", api: .rest, path: "/orders/drafts"),
        EconomicKind(kind: "paymentTerm", api: .rest, path: "/payment-terms"),
        EconomicKind(kind: "product", api: .rest, path: "/products", keyEncoding: .productNumber),
        EconomicKind(kind: "productGroup", api: .rest, path: "/product-groups"),
        EconomicKind(kind: "project", api: .projects, path: "Projects"),
        EconomicKind(kind: "supplier", api: .rest, path: "/suppliers"),
        EconomicKind(kind: "timeEntry", api: .projects, path: "TimeEntries"),
        EconomicKind(kind: "unit", api: .rest, path: "/units"),
        EconomicKind(kind: "vatZone", api: .rest, path: "/vat-zones"),
    ]

    /// The path of the record with key `key` (`/products/VVS_9_1_6_2`, `Projects/7`).
    public func recordPath(_ key: String) -> String {
        "\(path)/\(keyEncoding.segment(key))"
    }

    /// The kinds pulled when none are named: all but contacts and draft orders.
    public static let defaultKinds = all.map(\.kind).filter { $0 != "contact" && $0 != "order" }
}

extension EconomicKind {
    /// Hands every page of this kind's collection (matching `filter`) to
    /// `visit`, paging as its API pages: REST by page number, the Projects
    /// API by cursor. Returns the number of pages.
    @discardableResult
    public func forEachPage(_ client: EconomicClient, filter: EconomicFilter? = nil, module: String? = nil,
                            _ visit: (EconomicClient.Page) async throws -> Void) async throws -> Int {
        switch api {
        case .rest: try await client.forEachPage(path, filter: filter, module: module ?? self.module, visit)
        case .projects: try await client.forEachCursorPage(path, filter: filter, module: module ?? self.module, visit)
        }
    }
}
