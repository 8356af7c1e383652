import Vocabulary

extension Kind {
    /// How this kind maps between the replica and e-conomic; `nil` for
    /// materials, which never reach e-conomic on their own (they travel as
    /// order lines).
    public var mapping: KindMapping? { KindMapping.byKind[self] }
}

extension KindMapping {
    /// Every kind's mapping, made once.
    static let byKind: [Kind: KindMapping] = Dictionary(uniqueKeysWithValues: Kind.allCases.compactMap { kind in of(kind).map { (kind, $0) } })

    /// The brief's mapping tables (customers, products, projects) and the rest
    /// from e-conomic's resources (REFERENCE §3, §5).
    private static func of(_ kind: Kind) -> KindMapping? {
        switch kind {
        case .unit:
            nameOnly(.unit, key: "unitNumber")
        case .product:
            KindMapping(kind: .product, direction: .both, master: .mobilplan, keyField: "productNumber", fields: [
                Field("productNumber", "number"), Field("name", "name"), Field("salesPrice", "salesPrice"), Field("costPrice", "costPrice"),
                Field("unit.unitNumber", "unitId", .reference(.unit)),
                Field("productGroup.productGroupNumber", "productGroupId", .reference(.productGroup)), Field("barred", "barred"),
            ])
        case .productGroup:
            nameOnly(.productGroup, key: "productGroupNumber")
        case .customer:
            KindMapping(kind: .customer, direction: .importOnly, master: .economic, keyField: "customerNumber", fields: [
                Field("name", "name"), Field("corporateIdentificationNumber", "cvr"), Field("address", "address"), Field("zip", "zip"),
                Field("city", "city"), Field("country", "country"), Field("telephoneAndFaxNumber", "phone"), Field("email", "email"),
                Field("currency", "currency"), Field("customerGroup.customerGroupNumber", "customerGroupId", .reference(.customerGroup)),
                Field("paymentTerms.paymentTermsNumber", "paymentTermId", .reference(.paymentTerm)),
                Field("vatZone.vatZoneNumber", "vatZoneId", .reference(.vatZone)), Field("barred", "barred"),
            ], createsNew: true)
        case .contact:
            KindMapping(kind: .contact, direction: .importOnly, master: .economic, keyField: "customerContactNumber", fields: [
                Field("name", "name"), Field("email", "email"), Field("phone", "phone"),
                Field("customer.customerNumber", "customerId", .reference(.customer)),
            ])
        case .customerGroup:
            nameOnly(.customerGroup, key: "customerGroupNumber")
        case .paymentTerm:
            KindMapping(kind: .paymentTerm, direction: .importOnly, master: .economic, keyField: "paymentTermsNumber",
                        fields: [Field("name", "name"), Field("paymentTermsType", "type"), Field("daysOfCredit", "daysOfCredit")])
        case .vatZone:
            nameOnly(.vatZone, key: "vatZoneNumber")
        case .layout:
            nameOnly(.layout, key: "layoutNumber")
        case .supplier:
            KindMapping(kind: .supplier, direction: .importOnly, master: .economic, keyField: "supplierNumber", fields: [
                Field("name", "name"), Field("corporateIdentificationNumber", "cvr"), Field("address", "address"), Field("zip", "zip"),
                Field("city", "city"), Field("email", "email"), Field("phone", "phone"), Field("barred", "barred"),
            ])
        case .employee:
            KindMapping(kind: .employee, direction: .importOnly, master: .economic, keyField: "number", fields: [
                Field("number", "number"), Field("name", "name"), Field("email", "email"), Field("phone", "phone"), Field("isBarred", "barred"),
            ])
        case .hourType:
            KindMapping(kind: .hourType, direction: .importOnly, master: .economic, keyField: "number", fields: [
                Field("name", "name"), Field("isBarred", "barred"),
            ])
        case .project:
            KindMapping(kind: .project, direction: .both, master: .mobilplan, keyField: "number", fields: [
                Field("name", "name"), Field("customerNumber", "customerId", .reference(.customer)),
                Field("mainProjectNumber", "parentId", .reference(.project)), Field("projectGroupNumber", "projectGroup"),
                Field("description", "description"), Field("isBarred", "barred"), Field("isClosed", "closed", readOnly: true),
            ], createFields: [Field("number", "number")])
        case .timeEntry:
            KindMapping(kind: .timeEntry, direction: .exportOnly, master: .mobilplan, keyField: "number", fields: [
                Field("projectNumber", "projectId", .reference(.project)), Field("activityNumber", "hourTypeId", .activity),
                Field("employeeNumber", "employeeId", .reference(.employee)), Field("date", "date", .dateTime),
                Field("text", "note"), Field("numberOfHours", "hours"),
            ])
        case .material: nil
        case .order:
            KindMapping(kind: .order, direction: .exportOnly, master: .mobilplan, keyField: "orderNumber", fields: [
                Field("customer.customerNumber", "customerId", .reference(.customer)), Field("date", "date"),
                Field("layout.layoutNumber", "layoutId", .reference(.layout)), Field("project.projectNumber", "projectId", .reference(.project)),
                Field("notes.heading", "heading"),
            ])
        case .department:
            nameOnly(.department, key: "departmentNumber")
        }
    }

    /// An import-only kind that is just a number and a name.
    static func nameOnly(_ kind: Kind, key: String) -> KindMapping {
        KindMapping(kind: kind, direction: .importOnly, master: .economic, keyField: key, fields: [Field("name", "name")])
    }
}
