import Foundation

extension REST {
    /// A sales document: a draft, sent or archived order, or a draft or booked
    /// invoice (they share a shape).
    public struct SalesDocument: Codable, Sendable, Equatable {
        /// A line of the document.
        public struct Line: Codable, Sendable, Equatable {
            public var lineNumber: Int?
            public var sortKey: Int?
            public var description: String?
            public var product: ProductReference?
            public var unit: NumberReference?
            public var quantity: Decimal?
            public var unitNetPrice: Decimal?
            public var discountPercentage: Decimal?
            public var unitCostPrice: Decimal?
            public var totalNetAmount: Decimal?

            public init(lineNumber: Int, description: String, product: String, unit: Int?, quantity: Decimal, unitNetPrice: Decimal) {
                self.lineNumber = lineNumber
                sortKey = lineNumber
                self.description = description
                self.product = ProductReference(productNumber: product)
                self.unit = unit.map { NumberReference(key: "unitNumber", number: $0) }
                self.quantity = quantity
                self.unitNetPrice = unitNetPrice
            }
        }

        /// A product on a line, by its (string) number.
        public struct ProductReference: Codable, Sendable, Equatable {
            public var productNumber: String?
        }

        /// Who the document goes to.
        public struct Recipient: Codable, Sendable, Equatable {
            public var name: String?
            public var address: String?
            public var zip: String?
            public var city: String?
            public var country: String?
            public var ean: String?
            public var vatZone: NumberReference?
            public var attention: NumberReference?
        }

        /// Heading and text lines.
        public struct Notes: Codable, Sendable, Equatable {
            public var heading: String?
            public var textLine1: String?
            public var textLine2: String?
        }

        public var orderNumber: Int?
        public var draftInvoiceNumber: Int?
        public var bookedInvoiceNumber: Int?
        public var date: String?
        public var dueDate: String?
        public var currency: String?
        public var exchangeRate: Decimal?
        public var netAmount: Decimal?
        public var vatAmount: Decimal?
        public var grossAmount: Decimal?
        public var customer: NumberReference?
        public var paymentTerms: NumberReference?
        public var layout: NumberReference?
        public var project: NumberReference?
        public var recipient: Recipient?
        public var notes: Notes?
        public var lines: [Line]?
        public var lastUpdated: String?
    }
}
