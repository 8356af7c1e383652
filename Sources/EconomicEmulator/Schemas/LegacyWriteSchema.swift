/// The legacy REST collections the emulator writes, each with e-conomic's
/// published POST and PUT schema (files in `Schemas/Published`).
///
/// ```swift
/// LegacyWriteSchema(kind: .customer)?.file(.put)   // "customers.customerNo.put"
/// ```
enum LegacyWriteSchema: String, Sendable, CaseIterable {
    case customer, contact, product, unit, supplier, customerGroup, paymentTerm, order

    /// The schema for a record kind of ``RESTResource``; nil for kinds the emulator does not write.
    init?(kind: RecordKind) {
        switch kind {
        case .customer: self = .customer
        case .contact: self = .contact
        case .product: self = .product
        case .unit: self = .unit
        case .supplier: self = .supplier
        case .customerGroup: self = .customerGroup
        case .paymentTerm: self = .paymentTerm
        case .order: self = .order
        case .productGroup, .vatZone, .layout, .supplierGroup, .employee, .hourType, .project, .projectGroup, .timeEntry, .department,
             .sentOrder, .archivedOrder:
            return nil
        }
    }

    /// The schema file's name without `.schema.json`, as e-conomic published it.
    func file(_ method: WriteMethod) -> String {
        switch (self, method) {
        case (.customer, .post): "customers.post"
        case (.customer, .put): "customers.customerNo.put"
        case (.contact, .post): "customers.customerNumber.contacts.post"
        case (.contact, .put): "customers.customerNumber.contacts.contactNumber.put"
        case (.product, .post): "products.post"
        case (.product, .put): "products.productNumber.put"
        case (.unit, .post): "units.post"
        case (.unit, .put): "units.unitNumber.put"
        case (.supplier, .post): "suppliers.post"
        case (.supplier, .put): "suppliers.supplierNumber.put"
        case (.customerGroup, .post): "customer-groups.post"
        case (.customerGroup, .put): "customer-groups.customergroupnumber.put"
        case (.paymentTerm, .post): "payment-terms.post"
        case (.paymentTerm, .put): "payment-terms.paymentTermsNumber.put"
        case (.order, .post): "orders.drafts.post"
        case (.order, .put): "orders.drafts.orderNumber.put"
        }
    }
}
