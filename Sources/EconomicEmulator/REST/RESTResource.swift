import EconomicWire
import Snapshot

/// How one legacy REST collection maps onto a record kind: its path, key,
/// which writes it takes, what a write must carry, and what may be filtered.
struct RESTResource: Sendable {
    /// A reference property: `customerGroup` → `{customerGroupNumber}` in kind `customerGroup`.
    struct Reference: Sendable {
        var field: String
        var keyField: String
        /// The kind the number must exist in (nil: not checked, e.g. accounts).
        var kind: RecordKind?
        var required: Bool
        /// Fields copied from the referenced record into the reference (as e-conomic expands them).
        var expand: [String] = []
    }

    var path: String
    var kind: RecordKind
    var keyField: String
    var keyIsString = false
    var writable = false
    /// Whether the server assigns the key when a POST omits it (else the caller must send it).
    var serverAssignsKey = true
    /// Plain properties a write must carry.
    var required: [String] = []
    var references: [Reference] = []
    /// Properties a write may send but that are ignored (the stored value is kept).
    var readOnly: Set<String> = []
    /// Properties `filter=` and `sort=` accept.
    var filterable: [String] = []
    /// Whether writes stamp `lastUpdated`.
    var stampsLastUpdated = false
    /// How a write is handled: plainly, or as a draft order with its lines.
    var writes = Writes.plain
    /// How a stored record is shown to filters, sorts and clients.
    var view = View.stored
    /// Whether deleting a record deletes its contacts with it (customers).
    var ownsContacts = false

    /// How the collection's writes are handled.
    enum Writes: Sendable {
        case plain
        /// A draft order: its lines are validated and priced (``DraftOrders``).
        case draftOrder
    }

    /// How a stored record is shown.
    enum View: Sendable {
        case stored
        /// e-conomic's employee shape (``Hypermedia/employeeView(_:)``).
        case employee
    }

    /// The legacy REST collections the emulator serves, by first path segment.
    static let catalog: [String: RESTResource] = {
        let all: [RESTResource] = [
            RESTResource(path: "units", kind: .unit, keyField: "unitNumber", writable: true, required: ["name"],
                         filterable: ["unitNumber", "name"]),
            RESTResource(path: "products", kind: .product, keyField: "productNumber", keyIsString: true, writable: true,
                         serverAssignsKey: false, required: ["name"],
                         references: [Reference(field: "productGroup", keyField: "productGroupNumber", kind: .productGroup, required: true, expand: ["name"]),
                                      Reference(field: "unit", keyField: "unitNumber", kind: .unit, required: false, expand: ["name"])],
                         readOnly: ["lastUpdated", "invoices", "pricing", "inventory"],
                         filterable: ["productNumber", "name", "description", "costPrice", "recommendedPrice", "salesPrice", "barCode",
                                      "barred", "lastUpdated", "productGroup.productGroupNumber", "unit.unitNumber"],
                         stampsLastUpdated: true),
            RESTResource(path: "product-groups", kind: .productGroup, keyField: "productGroupNumber",
                         filterable: ["productGroupNumber", "name"]),
            RESTResource(path: "customers", kind: .customer, keyField: "customerNumber", writable: true, required: ["name", "currency"],
                         references: [Reference(field: "customerGroup", keyField: "customerGroupNumber", kind: .customerGroup, required: true),
                                      Reference(field: "paymentTerms", keyField: "paymentTermsNumber", kind: .paymentTerm, required: true),
                                      Reference(field: "vatZone", keyField: "vatZoneNumber", kind: .vatZone, required: true),
                                      Reference(field: "layout", keyField: "layoutNumber", kind: .layout, required: false),
                                      Reference(field: "salesPerson", keyField: "employeeNumber", kind: .employee, required: false)],
                         readOnly: ["balance", "dueAmount", "lastUpdated", "contacts", "deliveryLocations", "templates", "totals", "invoices"],
                         filterable: ["address", "balance", "barred", "city", "corporateIdentificationNumber", "country", "creditLimit",
                                      "currency", "customerGroup.customerGroupNumber", "customerNumber", "ean", "email", "lastUpdated",
                                      "name", "pNumber", "publicEntryNumber", "telephoneAndFaxNumber", "vatNumber", "website", "zip"],
                         stampsLastUpdated: true, ownsContacts: true),
            RESTResource(path: "customer-groups", kind: .customerGroup, keyField: "customerGroupNumber", writable: true,
                         serverAssignsKey: false,
                         references: [Reference(field: "account", keyField: "accountNumber", kind: nil, required: true),
                                      Reference(field: "layout", keyField: "layoutNumber", kind: .layout, required: false)],
                         readOnly: ["customers"],
                         filterable: ["customerGroupNumber", "name", "account.accountNumber"]),
            RESTResource(path: "payment-terms", kind: .paymentTerm, keyField: "paymentTermsNumber", writable: true,
                         required: ["name", "paymentTermsType"],
                         filterable: ["paymentTermsNumber", "name", "paymentTermsType", "daysOfCredit"]),
            RESTResource(path: "vat-zones", kind: .vatZone, keyField: "vatZoneNumber", filterable: ["vatZoneNumber", "name"]),
            RESTResource(path: "layouts", kind: .layout, keyField: "layoutNumber", filterable: ["layoutNumber", "name"]),
            RESTResource(path: "suppliers", kind: .supplier, keyField: "supplierNumber", writable: true, required: ["name", "currency"],
                         references: [Reference(field: "supplierGroup", keyField: "supplierGroupNumber", kind: .supplierGroup, required: true),
                                      Reference(field: "paymentTerms", keyField: "paymentTermsNumber", kind: .paymentTerm, required: true),
                                      Reference(field: "vatZone", keyField: "vatZoneNumber", kind: .vatZone, required: true),
                                      Reference(field: "layout", keyField: "layoutNumber", kind: .layout, required: false)],
                         readOnly: ["contacts"],
                         filterable: ["supplierNumber", "name", "currency", "address", "city", "zip", "country", "email", "phone",
                                      "corporateIdentificationNumber", "barred", "supplierGroup.supplierGroupNumber"]),
            RESTResource(path: "supplier-groups", kind: .supplierGroup, keyField: "supplierGroupNumber",
                         filterable: ["supplierGroupNumber", "name"]),
            RESTResource(path: "departments", kind: .department, keyField: "departmentNumber",
                         filterable: ["departmentNumber", "name", "barred"]),
            RESTResource(path: "employees", kind: .employee, keyField: "employeeNumber",
                         filterable: ["employeeNumber", "employeeGroup.employeeGroupNumber", "name", "barred"], view: .employee),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.path, $0) })
    }()

    /// Every collection, by the kind of record it holds.
    static let byKind: [RecordKind: RESTResource] = Dictionary(
        (catalog.values + [contacts] + orders.values).map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })

    /// Customer contacts, served under `/customers/{n}/contacts`.
    static let contacts = RESTResource(path: "contacts", kind: .contact, keyField: "customerContactNumber", writable: true,
                                       required: ["name"], readOnly: ["deleted", "customer"],
                                       filterable: ["customerContactNumber", "email", "name", "phone", "eInvoiceId", "sortKey", "customer.customerNumber"])

    /// Draft orders, served under `/orders/drafts`.
    static let draftOrders = RESTResource(path: "orders/drafts", kind: .order, keyField: "orderNumber", writable: true,
                                          required: ["date", "currency"],
                                          references: [Reference(field: "customer", keyField: "customerNumber", kind: .customer, required: true),
                                                       Reference(field: "layout", keyField: "layoutNumber", kind: .layout, required: true),
                                                       Reference(field: "paymentTerms", keyField: "paymentTermsNumber", kind: .paymentTerm, required: true),
                                                       Reference(field: "project", keyField: "projectNumber", kind: .project, required: false)],
                                          readOnly: ["netAmount", "vatAmount", "grossAmount", "roundingAmount", "marginInBaseCurrency",
                                                     "marginPercentage", "netAmountInBaseCurrency", "grossAmountInBaseCurrency",
                                                     "costPriceInBaseCurrency", "templates", "soap", "attachment", "pdf", "lastUpdated"],
                                          filterable: ["orderNumber", "date", "currency", "customer.customerNumber", "dueDate", "netAmount", "lastUpdated"],
                                          stampsLastUpdated: true, writes: .draftOrder)

    /// Sent orders, served read-only under `/orders/sent` (e-conomic's POST and
    /// DELETE there are not emulated: 405, stricter than e-conomic). Filters as
    /// the published collection schema flags them.
    static let sentOrders = RESTResource(path: "orders/sent", kind: .sentOrder, keyField: "orderNumber",
                                         filterable: ["orderNumber", "date", "currency", "exchangeRate", "customer.customerNumber", "lastUpdated"])

    /// Archived orders, served read-only under `/orders/archived`; unlike
    /// drafts and sent orders their schema flags no `lastUpdated` filter.
    static let archivedOrders = RESTResource(path: "orders/archived", kind: .archivedOrder, keyField: "orderNumber",
                                             filterable: ["orderNumber", "date", "currency", "exchangeRate", "customer.customerNumber"])

    /// The order collections under `/orders`, by their second path segment.
    static let orders: [String: RESTResource] = ["drafts": draftOrders, "sent": sentOrders, "archived": archivedOrders]

    /// The record key for a path segment (percent-decoded), or nil when the
    /// segment cannot be one: `abc` for a number, a string key not in
    /// e-conomic's `_N_` escaping (``ProductNumberEncoding``).
    func key(fromPath segment: String) -> RecordKey? {
        if keyIsString { return ProductNumberEncoding.unescape(segment).flatMap { $0.isEmpty ? nil : .string($0) } }
        guard let number = Int64(segment) else { return nil }
        return .int(number)
    }

    /// A key as it appears in a link: numbers as they are, strings (product
    /// numbers) in e-conomic's `_N_` escaping.
    static func linkSegment(_ key: RecordKey) -> String {
        switch key {
        case .int(let value): String(value)
        case .string(let value): ProductNumberEncoding.encode(value)
        }
    }
}
