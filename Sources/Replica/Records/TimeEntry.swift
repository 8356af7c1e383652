import Vocabulary
internal import GRDB
import Foundation

/// Hours an employee worked on a project: e-conomic Projects API `/TimeEntries`.
///
/// Only approved hours are transferred; once transferred, an entry can no longer change.
///
/// ```swift
/// let entry = TimeEntry(employeeId: 1, projectId: 4, hourTypeId: 2, date: "2026-11-02", hours: 7.5)
/// ```
public struct TimeEntry: Registration, Equatable {
    public static let kind = Kind.timeEntry
    public static let mappedColumns = names(.employeeId, .projectId, .hourTypeId, .date, .hours, .note, .approvedAt)
    public static let references = [
        Reference(Columns.employeeId.rawValue, .employee, required: true),
        Reference(Columns.projectId.rawValue, .project, required: true),
        Reference(Columns.hourTypeId.rawValue, .hourType, required: true),
        Reference(Columns.orderId.rawValue, .order),
    ]

    public var id: Int64?
    /// The e-conomic time entry number once transferred.
    public var foreignKey: Int?
    public var department: Int?
    public var employeeId: Int64
    public var projectId: Int64
    public var hourTypeId: Int64
    /// The day worked, `YYYY-MM-DD`.
    public var date: String
    /// Hours worked: more than 0, at most 24.
    public var hours: Double
    public var note: String?
    public var approvedAt: String?
    public var approvedBy: String?
    public var transferredAt: String?
    public var orderId: Int64?
    public var syncedHash: String?
    public var tombstone: Bool

    public init(id: Int64? = nil, foreignKey: Int? = nil, department: Int? = nil, employeeId: Int64,
                projectId: Int64, hourTypeId: Int64, date: String, hours: Double, note: String? = nil,
                approvedAt: String? = nil, approvedBy: String? = nil, transferredAt: String? = nil,
                orderId: Int64? = nil, tombstone: Bool = false) {
        self.id = id
        self.foreignKey = foreignKey
        self.department = department
        self.employeeId = employeeId
        self.projectId = projectId
        self.hourTypeId = hourTypeId
        self.date = date
        self.hours = hours
        self.note = note
        self.approvedAt = approvedAt
        self.approvedBy = approvedBy
        self.transferredAt = transferredAt
        self.orderId = orderId
        self.tombstone = tombstone
    }

    public var content: [String?] {
        [String(employeeId), String(projectId), String(hourTypeId), date, String(hours), note]
    }

    public func validate(_ check: Validation, previous: TimeEntry?) throws {
        try check.references([
            "employee_id": employeeId, "project_id": projectId, "hour_type_id": hourTypeId, "order_id": orderId,
        ])
        try check.date(date)
        guard hours.isFinite, hours > 0, hours <= 24 else {
            throw check.error(field: "hours", .hoursOutOfRange(Validation.format(hours)))
        }
        try check.optionalText(note, "note", max: 2500)
        if check.origin == .local && previous?.projectId != projectId {
            try validateSubProject(check)
        }
        try validateLifecycle(check, previous: previous)
    }

    /// e-conomic takes hours only on projects without sub-projects: a main
    /// project groups its sub-projects, and refuses every time entry.
    private func validateSubProject(_ check: Validation) throws {
        let subProjects = try check.fetchCount("SELECT count(*) FROM projects WHERE parent_id = ? AND tombstone = 0", [projectId])
        if subProjects > 0 {
            throw check.error(field: "project", .onMainProject(projectId, subProjects: subProjects))
        }
    }
}

extension TimeEntry: BulkInsertable, RowDecodable {
    static let insertColumns = names(
        .foreignKey, .department, .employeeId, .projectId, .hourTypeId, .date, .hours,
        .note, .approvedAt, .approvedBy, .transferredAt, .orderId, .syncedHash, .tombstone
    )

    func bind(to row: inout RowBinder) {
        row.bind(foreignKey)
        row.bind(department)
        row.bind(employeeId)
        row.bind(projectId)
        row.bind(hourTypeId)
        row.bind(date)
        row.bind(hours)
        row.bind(note)
        row.bind(approvedAt)
        row.bind(approvedBy)
        row.bind(transferredAt)
        row.bind(orderId)
        row.bind(syncedHash)
        row.bind(tombstone)
    }

    /// Decoded by hand rather than through `Codable`: listings of hours and
    /// materials run to many thousands of rows.
    init(row: Row) throws {
        self.init(id: row[Columns.id.rawValue], foreignKey: row[Columns.foreignKey.rawValue], department: row[Columns.department.rawValue],
                  employeeId: row[Columns.employeeId.rawValue], projectId: row[Columns.projectId.rawValue], hourTypeId: row[Columns.hourTypeId.rawValue],
                  date: row[Columns.date.rawValue], hours: row[Columns.hours.rawValue], note: row[Columns.note.rawValue],
                  approvedAt: row[Columns.approvedAt.rawValue], approvedBy: row[Columns.approvedBy.rawValue], transferredAt: row[Columns.transferredAt.rawValue],
                  orderId: row[Columns.orderId.rawValue], tombstone: row[Columns.tombstone.rawValue])
        syncedHash = row[Columns.syncedHash.rawValue]
    }
}

extension TimeEntry {
    /// The columns of `time_entries`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case foreignKey = "foreign_key"
        case department
        case employeeId = "employee_id"
        case projectId = "project_id"
        case hourTypeId = "hour_type_id"
        case date
        case hours
        case note
        case approvedAt = "approved_at"
        case approvedBy = "approved_by"
        case transferredAt = "transferred_at"
        case orderId = "order_id"
        case syncedHash = "synced_hash"
        case tombstone
    }
}

extension TimeEntry: ColumnNaming {}
