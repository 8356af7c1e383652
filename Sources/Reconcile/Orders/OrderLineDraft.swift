import Foundation

/// One line of a draft order, built from one or more registrations.
public struct OrderLineDraft: Sendable, Equatable {
    /// The line's position on the order, from 1.
    public var lineNumber: Int
    /// The e-conomic product the line is booked on.
    public var productNumber: String
    /// The rendered line text, at most 2500 characters (e-conomic's limit).
    public var description: String
    /// The summed quantity of the line's registrations.
    public var quantity: Double
    /// The price per unit, shared by all the line's registrations.
    public var unitPrice: Decimal
    /// The e-conomic unit number, if known.
    public var unitNumber: Int?
    /// The ids of the registrations the line stands for, in date order.
    public var registrationIDs: [Int64]

    /// Creates a line.
    public init(lineNumber: Int, productNumber: String, description: String, quantity: Double, unitPrice: Decimal,
                unitNumber: Int?, registrationIDs: [Int64]) {
        self.lineNumber = lineNumber
        self.productNumber = productNumber
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.unitNumber = unitNumber
        self.registrationIDs = registrationIDs
    }

    /// The line amount: quantity × unit price, rounded half away from zero to two decimals, as e-conomic does.
    public var total: Decimal {
        Self.roundedToCents(DanishFormat.decimal(quantity) * unitPrice)
    }

    /// Rounds half away from zero to two decimals.
    static func roundedToCents(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return output
    }
}
