import Economic
import EconomicWire
import Reconcile
import Vocabulary

/// Where a kind lives in e-conomic: which API, its collection path, and how a
/// key is written in a record's path. Its key field and module come from the
/// kind's ``KindMapping``.
///
/// ```swift
/// Kind.customer.economic!.path   // "/customers"
/// ```
public struct EconomicKind: Sendable, Equatable {
    public var kind: Kind
    public var api: EconomicClient.API
    /// The collection path (REST) or resource name (Projects API).
    public var path: String
    /// How a key is written in the path of one record (products have e-conomic's own escaping).
    public var keyEncoding = PathKeyEncoding.percent

    var mapping: KindMapping { kind.mapping! }
    /// The field holding the record's key.
    public var keyField: String { mapping.keyField }
    /// The module the calls are accounted to.
    public var module: Module { kind.module }

    /// Every kind econsync pulls, in snapshot order (by name). Contacts are read per
    /// customer (`/customers/{n}/contacts`), so they are pulled only when asked for.
    public static let all: [EconomicKind] = Kind.allCases.sorted().compactMap(\.economic)

    /// The path of the record with key `key` (`/products/VVS_9_1_6_2`, `Projects/7`).
    public func recordPath(_ key: String) -> String {
        "\(path)/\(keyEncoding.segment(key))"
    }

    /// Every pulled kind's name, for messages: "contact, customer, …".
    public static var names: String { all.map(\.kind.rawValue).joined(separator: ", ") }

    /// The kinds pulled when none are named: all but contacts and draft orders.
    public static let defaultKinds: [Kind] = all.map(\.kind).filter { $0 != .contact && $0 != .order }
}

extension Kind {
    /// Where records of this kind live in e-conomic; `nil` for materials,
    /// which e-conomic knows only as order lines.
    public var economic: EconomicKind? {
        switch self {
        case .contact: EconomicKind(kind: self, api: .rest, path: "/customers/{customer}/contacts")
        case .customer: EconomicKind(kind: self, api: .rest, path: "/customers")
        case .customerGroup: EconomicKind(kind: self, api: .rest, path: "/customer-groups")
        case .department: EconomicKind(kind: self, api: .rest, path: "/departments")
        case .employee: EconomicKind(kind: self, api: .projects, path: "Employees")
        case .hourType: EconomicKind(kind: self, api: .projects, path: "Activities")
        case .layout: EconomicKind(kind: self, api: .rest, path: "/layouts")
        case .order: EconomicKind(kind: self, api: .rest, path: "/orders/drafts")
        case .paymentTerm: EconomicKind(kind: self, api: .rest, path: "/payment-terms")
        case .product: EconomicKind(kind: self, api: .rest, path: "/products", keyEncoding: .productNumber)
        case .productGroup: EconomicKind(kind: self, api: .rest, path: "/product-groups")
        case .project: EconomicKind(kind: self, api: .projects, path: "Projects")
        case .supplier: EconomicKind(kind: self, api: .rest, path: "/suppliers")
        case .timeEntry: EconomicKind(kind: self, api: .projects, path: "TimeEntries")
        case .unit: EconomicKind(kind: self, api: .rest, path: "/units")
        case .vatZone: EconomicKind(kind: self, api: .rest, path: "/vat-zones")
        case .material: nil
        }
    }
}

extension EconomicKind {
    /// Hands every page of this kind's collection (matching `filter`) to
    /// `visit`, paging as its API pages: REST by page number, the Projects
    /// API by cursor. Returns the number of pages.
    @discardableResult
    public func forEachPage(_ client: EconomicClient, filter: EconomicFilter? = nil, module: String? = nil,
                            _ visit: (EconomicClient.Page) async throws -> Void) async throws -> Int {
        switch api {
        case .rest: try await client.forEachPage(path, filter: filter, module: module ?? self.module.rawValue, visit)
        case .projects: try await client.forEachCursorPage(path, filter: filter, module: module ?? self.module.rawValue, visit)
        }
    }
}
