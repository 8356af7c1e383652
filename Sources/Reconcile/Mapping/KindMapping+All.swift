extension KindMapping {
    /// Every kind econsync syncs: the brief's mapping tables (customers, products,
    /// projects) and the rest from e-conomic's resources (REFERENCE §3, §5).
    public static let all: [KindMapping] = [
        nameOnly("unit", module: "units", key: "unitNumber"),
        nameOnly("productGroup", module: "products", key: "productGroupNumber"),
        nameOnly("customerGroup", module: "customers", key: "customerGroupNumber"),
        nameOnly("vatZone", module: "customers", key: "vatZoneNumber"),
        nameOnly("layout", module: "orders", key: "layoutNumber"),
        nameOnly("department", module: "setup", key: "departmentNumber"),
        KindMapping(kind: "paymentTerm", module: "customers", direction: .importOnly, master: .economic, keyField: "paymentTermsNumber",
                    fields: [Field("name", "name"), Field("paymentTermsType", "type"), Field("daysOfCredit", "daysOfCredit")]),
        KindMapping(kind: "customer", module: "customers", direction: .importOnly, master: .economic, keyField: "customerNumber", fields: [
            Field("name", "name"), Field("corporateIdentificationNumber", "cvr"), Field("address", "address"), Field("zip", "zip"),
            Field("city", "city"), Field("country", "country"), Field("telephoneAndFaxNumber", "phone"), Field("email", "email"),
            Field("currency", "currency"), Field("customerGroup.customerGroupNumber", "customerGroupId", .reference("customerGroup")),
            Field("paymentTerms.paymentTermsNumber", "paymentTermId", .reference("paymentTerm")),
            Field("vatZone.vatZoneNumber", "vatZoneId", .reference("vatZone")), Field("barred", "barred"),
        ]),
        KindMapping(kind: "contact", module: "customers", direction: .importOnly, master: .economic, keyField: "customerContactNumber", fields: [
            Field("name", "name"), Field("email", "email"), Field("phone", "phone"),
            Field("customer.customerNumber", "customerId", .reference("customer")),
        ]),
        KindMapping(kind: "supplier", module: "suppliers", direction: .importOnly, master: .economic, keyField: "supplierNumber", fields: [
            Field("name", "name"), Field("corporateIdentificationNumber", "cvr"), Field("address", "address"), Field("zip", "zip"),
            Field("city", "city"), Field("email", "email"), Field("phone", "phone"), Field("barred", "barred"),
        ]),
        KindMapping(kind: "product", module: "products", direction: .both, master: .mobilplan, keyField: "productNumber", fields: [
            Field("productNumber", "number"), Field("name", "name"), Field("salesPrice", "salesPrice"), Field("costPrice", "costPrice"),
            Field("unit.unitNumber", "unitId", .reference("unit")),
            Field("productGroup.productGroupNumber", "productGroupId", .reference("productGroup")), Field("barred", "barred"),
        ]),
        KindMapping(kind: "employee", module: "projects", direction: .importOnly, master: .economic, keyField: "number", fields: [
            Field("number", "number"), Field("name", "name"), Field("email", "email"), Field("phone", "phone"), Field("isBarred", "barred"),
        ]),
        KindMapping(kind: "hourType", module: "hourTypes", direction: .importOnly, master: .economic, keyField: "number", fields: [
            Field("name", "name"), Field("isBarred", "barred"),
        ]),
        KindMapping(kind: "project", module: "projects", direction: .both, master: .mobilplan, keyField: "number", fields: [
            Field("name", "name"), Field("customerNumber", "customerId", .reference("customer")),
            Field("mainProjectNumber", "parentId", .reference("project")), Field("projectGroupNumber", "projectGroup"),
            Field("description", "description"), Field("isBarred", "barred"),
        ]),
        KindMapping(kind: "timeEntry", module: "projectEntries", direction: .exportOnly, master: .mobilplan, keyField: "number", fields: [
            Field("projectNumber", "projectId", .reference("project")), Field("activityNumber", "hourTypeId", .activity),
            Field("employeeNumber", "employeeId", .reference("employee")), Field("date", "date", .dateTime),
            Field("text", "note"), Field("numberOfHours", "hours"),
        ]),
        KindMapping(kind: "order", module: "orders", direction: .exportOnly, master: .mobilplan, keyField: "orderNumber", fields: [
            Field("customer.customerNumber", "customerId", .reference("customer")), Field("date", "date"),
            Field("layout.layoutNumber", "layoutId", .reference("layout")), Field("project.projectNumber", "projectId", .reference("project")),
            Field("notes.heading", "heading"),
        ]),
    ]

    /// An import-only kind that is just a number and a name.
    static func nameOnly(_ kind: String, module: String, key: String) -> KindMapping {
        KindMapping(kind: kind, module: module, direction: .importOnly, master: .economic, keyField: key, fields: [Field("name", "name")])
    }
}
