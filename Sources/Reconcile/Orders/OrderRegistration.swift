import Foundation

/// One approved registration of a project, hours or material, ready to become (part of) an order line.
///
/// The caller resolves names, products and prices from the replica; this type
/// only carries them, so line building stays pure.
public struct OrderRegistration: Sendable, Equatable {
    /// Whether a registration records hours or material.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// Hours an employee worked, of one hour type.
        case hours
        /// Material used, of one product.
        case material

        /// Hours come before materials on an order.
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs == .hours && rhs == .material }
    }

    /// Hours or material.
    public var kind: Kind
    /// The registration's local id: a time entry's or a material's.
    public var id: Int64
    /// The day it was registered for, `YYYY-MM-DD`.
    public var date: String
    /// Hours worked, or the material's quantity.
    public var quantity: Double
    /// The unit's name, e.g. `timer`, `m`, `stk`.
    public var unitName: String
    /// The craftsman's note, if any.
    public var note: String?
    /// The employee's name, for hours.
    public var employeeName: String?
    /// The employee's number, for hours.
    public var employeeNumber: Int?
    /// The hour type's name, or the product's name for a material.
    public var typeName: String
    /// The e-conomic product the line is booked on: the hour type's product, or the material's.
    public var productNumber: String
    /// The e-conomic unit number, if the unit is known there.
    public var unitNumber: Int?
    /// The price per unit, already chosen by the caller (hour-type product price or employee rate).
    public var unitPrice: Decimal
    /// The project's name.
    public var projectName: String

    /// Creates a registration from values the caller has resolved.
    public init(kind: Kind, id: Int64, date: String, quantity: Double, unitName: String, note: String? = nil,
                employeeName: String? = nil, employeeNumber: Int? = nil, typeName: String, productNumber: String,
                unitNumber: Int? = nil, unitPrice: Decimal, projectName: String) {
        self.kind = kind
        self.id = id
        self.date = date
        self.quantity = quantity
        self.unitName = unitName
        self.note = note
        self.employeeName = employeeName
        self.employeeNumber = employeeNumber
        self.typeName = typeName
        self.productNumber = productNumber
        self.unitNumber = unitNumber
        self.unitPrice = unitPrice
        self.projectName = projectName
    }

    /// The day without any time part: the first ten characters of ``date``.
    var day: String { String(date.prefix(10)) }
}
