import Replica

/// An approved registration of a project not yet exported on an order, as
/// the office picks it for an export: when, who, what and how much.
///
/// ```swift
/// for registration in try OrderExporter.exportable(replica: replica, project: 4) { print(registration.ref, registration.what) }
/// ```
public struct ExportableRegistration: Sendable, Equatable {
    /// The registration, as `order export --entries` names it.
    public var ref: RegistrationRef
    /// The day it was registered for, `YYYY-MM-DD`.
    public var date: String
    /// The employee's name, when one is recorded.
    public var employee: String?
    /// The hour type's name, or the material's product's.
    public var what: String
    /// Hours worked, or the material's quantity.
    public var quantity: Double
    public var note: String?
}

extension OrderExporter {
    /// The approved registrations of `project` not yet exported, hours first,
    /// each by date (what an export of the project can take, before any is picked).
    /// Needs no connection, and no customer or product to be in e-conomic.
    public static func exportable(replica: ReplicaStore, project: Int64) throws -> [ExportableRegistration] {
        var names = OrderDraftBuilder.Names(replica: replica)
        let hours = try replica.approvedUnexported(TimeEntry.self, project: project).map { entry in
            ExportableRegistration(ref: .timeEntry(entry.id!), date: entry.date, employee: try names.record(Employee.self, entry.employeeId).name,
                                   what: try names.record(HourType.self, entry.hourTypeId).name, quantity: entry.hours, note: entry.note)
        }
        let materials = try replica.approvedUnexported(Material.self, project: project).map { material in
            ExportableRegistration(ref: .material(material.id!), date: material.date,
                                   employee: try material.employeeId.map { try names.record(Employee.self, $0).name },
                                   what: try names.record(Product.self, material.productId).name, quantity: material.quantity, note: material.note)
        }
        return hours + materials
    }
}
