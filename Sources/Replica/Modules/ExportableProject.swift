internal import GRDB
import Vocabulary

/// A project with approved registrations not yet exported on an order: what
/// the order export (module 7) can take from it now.
///
/// ```swift
/// for project in try replica.exportableProjects() { print(project.name, project.hours, project.materials) }
/// ```
public struct ExportableProject: Sendable, Equatable {
    /// The project's local id.
    public var id: Int64
    public var name: String
    /// Its e-conomic project number, once e-conomic has it.
    public var number: Int?
    /// Its customer's name, when it has a customer.
    public var customerName: String?
    /// Approved time entries not on an order.
    public var hours: Int
    /// Approved material registrations not on an order.
    public var materials: Int
}

extension ExportableProject {
    init(row: Row) {
        (id, name, number, customerName, hours, materials) = (row["id"], row["name"], row["number"], row["customer"], row["hours"], row["materials"])
    }
}

extension ReplicaStore {
    /// The live projects of this replica's department that have approved
    /// registrations not yet exported, by name (the `…_exportable` indexes:
    /// only such registrations are read).
    public func exportableProjects() throws -> [ExportableProject] {
        try read { db in try Self.exportableProjectsRequest(department: department).fetchAll(db).map(ExportableProject.init(row:)) }
    }

    static func exportableProjectsRequest(department: Int?) -> SQLRequest<Row> {
        let (entries, materials, projects, customers) = (Kind.timeEntry.table, Kind.material.table, Kind.project.table, Kind.customer.table)
        return SQLRequest(literal: """
            WITH exportable(project_id, hours, materials) AS (
                SELECT project_id, COUNT(*), 0 FROM \(sql: entries) WHERE \(sql: ReplicaSchema.exportable) GROUP BY project_id
                UNION ALL
                SELECT project_id, 0, COUNT(*) FROM \(sql: materials) WHERE \(sql: ReplicaSchema.exportable) GROUP BY project_id)
            SELECT p.id, p.name, p.foreign_key AS number, c.name AS customer, SUM(e.hours) AS hours, SUM(e.materials) AS materials
            FROM exportable e JOIN \(sql: projects) p ON p.id = e.project_id LEFT JOIN \(sql: customers) c ON c.id = p.customer_id
            WHERE p.tombstone = 0 AND ifnull(p.department, -1) = \(department ?? -1)
            GROUP BY p.id ORDER BY p.name, p.id
            """)
    }
}
