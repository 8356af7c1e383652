import Foundation

/// How registrations are merged into order lines.
///
/// Registrations share a line only when they also share kind, product, unit
/// price, unit and project: two employee rates, or metres and pieces, never
/// end up on one line.
public enum OrderGrouping: String, CaseIterable, Sendable {
    /// One line per registration.
    case none
    /// One line per hour type or material product (and price).
    case type
    /// One line per hour type or material product and employee.
    case typeEmployee = "type-employee"
    /// One line per hour type or material product and day; the employees of a day share it.
    case date
    /// One line per e-conomic product, so different hour types booked on the same product merge.
    case product

    /// What registrations on one line have in common.
    struct Key: Hashable {
        var kind: OrderRegistration.Kind
        var productNumber: String
        var unitPrice: Decimal
        var unitName: String
        var unitNumber: Int?
        var projectName: String
        var typeName: String?
        var employee: String?
        var employeeNumber: Int?
        var day: String?
        var id: Int64?
    }

    /// The key under which `registration` is grouped.
    func key(_ registration: OrderRegistration) -> Key {
        var key = Key(kind: registration.kind, productNumber: registration.productNumber, unitPrice: registration.unitPrice,
                      unitName: registration.unitName, unitNumber: registration.unitNumber, projectName: registration.projectName)
        switch self {
        case .none:
            key.id = registration.id
        case .type:
            key.typeName = registration.typeName
        case .typeEmployee:
            key.typeName = registration.typeName
            key.employee = registration.employeeName
            key.employeeNumber = registration.employeeNumber
        case .date:
            key.typeName = registration.typeName
            key.day = registration.day
        case .product:
            break
        }
        return key
    }
}
