import Foundation

extension REST {
    /// `/units`.
    public struct Unit: Codable, Sendable, Equatable {
        public var unitNumber: Int?
        public var name: String?
        public init(unitNumber: Int? = nil, name: String?) { self.unitNumber = unitNumber; self.name = name }
    }

    /// `/product-groups`.
    public struct ProductGroup: Codable, Sendable, Equatable {
        public var productGroupNumber: Int?
        public var name: String?
        public var inventoryEnabled: Bool?
    }

    /// `/customer-groups`.
    public struct CustomerGroup: Codable, Sendable, Equatable {
        public var customerGroupNumber: Int?
        public var name: String?
        public var account: NumberReference?
        public var layout: NumberReference?
    }

    /// `/payment-terms`.
    public struct PaymentTerm: Codable, Sendable, Equatable {
        public var paymentTermsNumber: Int?
        public var name: String?
        public var paymentTermsType: String?
        public var daysOfCredit: Int?
        public var description: String?
    }

    /// `/vat-zones`.
    public struct VatZone: Codable, Sendable, Equatable {
        public var vatZoneNumber: Int?
        public var name: String?
        public var enabledForCustomer: Bool?
        public var enabledForSupplier: Bool?
    }

    /// `/layouts`.
    public struct Layout: Codable, Sendable, Equatable {
        public var layoutNumber: Int?
        public var name: String?
        public var deleted: Bool?
    }

    /// `/departments`.
    public struct Department: Codable, Sendable, Equatable {
        public var departmentNumber: Int?
        public var name: String?
        public var barred: Bool?
    }

    /// `/supplier-groups`.
    public struct SupplierGroup: Codable, Sendable, Equatable {
        public var supplierGroupNumber: Int?
        public var name: String?
        public var account: NumberReference?
    }

    /// `/payment-types`.
    public struct PaymentType: Codable, Sendable, Equatable {
        public var paymentTypeNumber: Int?
        public var name: String?
    }

    /// `/vat-types`.
    public struct VatType: Codable, Sendable, Equatable {
        public var vatTypeNumber: Int?
        public var name: String?
    }

    /// `/employees` (read-only in the legacy API).
    public struct Employee: Codable, Sendable, Equatable {
        public var employeeNumber: Int?
        public var name: String?
        public var email: String?
        public var phone: String?
        public var barred: Bool?
        public var employeeGroup: NumberReference?
    }
}
