import Foundation

extension REST {
    /// `/customers`.
    public struct Customer: Codable, Sendable, Equatable {
        public var customerNumber: Int?
        public var name: String?
        public var currency: String?
        public var customerGroup: NumberReference?
        public var paymentTerms: NumberReference?
        public var vatZone: NumberReference?
        public var layout: NumberReference?
        public var address: String?
        public var zip: String?
        public var city: String?
        public var country: String?
        public var email: String?
        public var telephoneAndFaxNumber: String?
        public var mobilePhone: String?
        public var website: String?
        /// The Danish CVR number.
        public var corporateIdentificationNumber: String?
        public var pNumber: String?
        public var vatNumber: String?
        public var ean: String?
        public var creditLimit: Decimal?
        public var balance: Decimal?
        public var dueAmount: Decimal?
        public var barred: Bool?
        public var eInvoicingDisabledByDefault: Bool?
        public var lastUpdated: String?

        public init(name: String, currency: String = "DKK", customerGroup: Int, paymentTerms: Int, vatZone: Int) {
            self.name = name
            self.currency = currency
            self.customerGroup = NumberReference(key: "customerGroupNumber", number: customerGroup)
            self.paymentTerms = NumberReference(key: "paymentTermsNumber", number: paymentTerms)
            self.vatZone = NumberReference(key: "vatZoneNumber", number: vatZone)
        }
    }

    /// `/customers/{n}/contacts`.
    public struct CustomerContact: Codable, Sendable, Equatable {
        public var customerContactNumber: Int?
        public var name: String?
        public var email: String?
        public var phone: String?
        public var notes: String?
        public var eInvoiceId: String?
        public var sortKey: Int?
        public var deleted: Bool?
        public var emailNotifications: [String]?
        public var customer: NumberReference?
    }

    /// `/suppliers`.
    public struct Supplier: Codable, Sendable, Equatable {
        public var supplierNumber: Int?
        public var name: String?
        public var currency: String?
        public var supplierGroup: NumberReference?
        public var paymentTerms: NumberReference?
        public var vatZone: NumberReference?
        public var address: String?
        public var zip: String?
        public var city: String?
        public var country: String?
        public var email: String?
        public var phone: String?
        public var bankAccount: String?
        public var corporateIdentificationNumber: String?
        public var barred: Bool?
    }

    /// `/products`.
    public struct Product: Codable, Sendable, Equatable {
        public var productNumber: String?
        public var name: String?
        public var description: String?
        public var costPrice: Decimal?
        public var salesPrice: Decimal?
        public var recommendedPrice: Decimal?
        public var barCode: String?
        public var barred: Bool?
        public var unit: NumberReference?
        public var productGroup: NumberReference?
        public var lastUpdated: String?

        public init(productNumber: String, name: String, productGroup: Int, unit: Int? = nil, salesPrice: Decimal? = nil,
                    costPrice: Decimal? = nil) {
            self.productNumber = productNumber
            self.name = name
            self.productGroup = NumberReference(key: "productGroupNumber", number: productGroup)
            self.unit = unit.map { NumberReference(key: "unitNumber", number: $0) }
            self.salesPrice = salesPrice
            self.costPrice = costPrice
        }
    }
}
