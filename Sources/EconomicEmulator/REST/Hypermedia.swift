import Snapshot

/// Rebuilds the links e-conomic puts in its documents (snapshots keep none):
/// the entity's `self`, `self` on every reference object, and a few link
/// properties, all under the request's base URL.
enum Hypermedia {
    /// Reference key → the collection it points into.
    static let referencePaths: [String: String] = [
        "customerGroupNumber": "customer-groups", "paymentTermsNumber": "payment-terms", "vatZoneNumber": "vat-zones",
        "layoutNumber": "layouts", "employeeNumber": "employees", "unitNumber": "units", "productGroupNumber": "product-groups",
        "productNumber": "products", "customerNumber": "customers", "supplierGroupNumber": "supplier-groups",
        "supplierNumber": "suppliers", "departmentNumber": "departments", "accountNumber": "accounts",
        "employeeGroupNumber": "employee-groups", "paymentTypeNumber": "payment-types",
        "departmentalDistributionNumber": "departmental-distributions",
    ]

    /// The entity as served: `data` with links added.
    static func present(_ data: [String: JSONValue], resource: RESTResource, selfURL: String, base: String) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        for (name, value) in data {
            fields[name] = linkReferences(value, base: base)
        }
        switch resource.kind {
        case .customer:
            fields["contacts"] = .string(selfURL + "/contacts")
            fields["deliveryLocations"] = .string(selfURL + "/delivery-locations")
        case .unit:
            fields["products"] = .string(selfURL + "/products")
        case .customerGroup:
            fields["customers"] = .string(selfURL + "/customers")
        case .supplier:
            fields["contacts"] = .string(selfURL + "/contacts")
        case .order, .sentOrder, .archivedOrder:
            fields["pdf"] = .object(["download": .string(selfURL + "/pdf")])
        default:
            break
        }
        fields["self"] = .string(selfURL)
        return .object(fields)
    }

    /// Adds `self` to every nested object that is a reference (holds a known `…Number`).
    static func linkReferences(_ value: JSONValue, base: String) -> JSONValue {
        switch value {
        case .array(let items):
            return .array(items.map { linkReferences($0, base: base) })
        case .object(var fields):
            for (name, field) in fields {
                fields[name] = linkReferences(field, base: base)
            }
            if fields["self"] == nil, let link = referenceLink(fields, base: base) {
                fields["self"] = .string(link)
            }
            return .object(fields)
        default:
            return value
        }
    }

    static func referenceLink(_ fields: [String: JSONValue], base: String) -> String? {
        if let contact = fields["customerContactNumber"]?.intValue, let customer = fields["customer"]?["customerNumber"]?.intValue {
            return "\(base)/customers/\(customer)/contacts/\(contact)"
        }
        for keyField in fields.keys.sorted() {
            guard let path = referencePaths[keyField], let key = fields[keyField].flatMap(RecordKey.init) else { continue }
            return "\(base)/\(path)/\(RESTResource.linkSegment(key))"
        }
        return nil
    }

    /// The legacy REST shape of an employee, derived from the Projects API
    /// Employee record (`number`, `groupNumber`, `name`, `email`, `phone`, `isBarred`).
    static func employeeView(_ data: [String: JSONValue]) -> [String: JSONValue] {
        var view: [String: JSONValue] = [:]
        if let number = data["number"] { view["employeeNumber"] = number }
        for name in ["name", "email", "phone"] {
            if let value = data[name] { view[name] = value }
        }
        if let group = data["groupNumber"] { view["employeeGroup"] = .object(["employeeGroupNumber": group]) }
        if data["isBarred"]?.boolValue == true { view["barred"] = .bool(true) }
        return view
    }

    /// Removes `self` and `metaData` at every level (read-only on write).
    static func strippingLinks(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let fields):
            var result: [String: JSONValue] = [:]
            for (name, field) in fields where name != "self" && name != "metaData" {
                result[name] = strippingLinks(field)
            }
            return .object(result)
        case .array(let items):
            return .array(items.map(strippingLinks))
        default:
            return value
        }
    }
}
