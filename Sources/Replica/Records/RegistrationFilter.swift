internal import GRDB

/// Which registrations a listing shows: of the replica's department, on a
/// project, by an employee, in a status, between two days; deleted ones only
/// when asked. The filter runs in SQL, not over every registration in memory.
///
/// ```swift
/// let hours = try replica.registrations(TimeEntry.self, matching: RegistrationFilter(project: 4, status: .approved))
/// ```
public struct RegistrationFilter: Sendable, Equatable {
    public var project: Int64?
    /// The employee who recorded them.
    public var employee: Int64?
    public var status: RegistrationStatus?
    /// The first day, `YYYY-MM-DD`.
    public var from: String?
    /// The last day, `YYYY-MM-DD`.
    public var to: String?
    public var includeDeleted: Bool

    public init(project: Int64? = nil, employee: Int64? = nil, status: RegistrationStatus? = nil, from: String? = nil, to: String? = nil,
                includeDeleted: Bool = false) {
        self.project = project
        self.employee = employee
        self.status = status
        self.from = from
        self.to = to
        self.includeDeleted = includeDeleted
    }
}

extension ReplicaStore {
    /// The registrations of the replica's department that `filter` lets through, by local id.
    public func registrations<R: Registration>(_ type: R.Type, matching filter: RegistrationFilter) throws -> [R] {
        try read { db in try Self.registrationsRequest(R.self, matching: filter, department: department).fetchValues(db) }
    }

    /// How many registrations of the replica's department `filter` lets through.
    public func countRegistrations<R: Registration>(_ type: R.Type, matching filter: RegistrationFilter) throws -> Int {
        try read { db in try Self.registrationsRequest(R.self, matching: filter, department: department).fetchCount(db) }
    }

    static func registrationsRequest<R: Registration>(_ type: R.Type, matching filter: RegistrationFilter,
                                                     department: Int?) -> QueryInterfaceRequest<StoredRecord<R>> {
        typealias C = TimeEntry.Columns
        var request = StoredRecord<R>.all().filter(C.department.column == department)
        if let project = filter.project { request = request.forProject(project) }
        if let employee = filter.employee { request = request.filter(C.employeeId.column == employee) }
        if let from = filter.from { request = request.filter(C.date.column >= from) }
        if let to = filter.to { request = request.filter(C.date.column <= to) }
        // Deleted ones are listed when asked for by status, or with every status.
        let showsDeleted = filter.status == .deleted || (filter.includeDeleted && filter.status == nil)
        if !showsDeleted { request = request.live() }
        switch filter.status {
        case nil: break
        case .open: request = request.filter(C.approvedAt.column == nil)
        case .approved: request = request.approved().filter(C.transferredAt.column == nil).notOnOrder()
        case .transferred: request = request.filter(C.transferredAt.column != nil).notOnOrder()
        case .exported: request = request.filter(C.orderId.column != nil)
        case .deleted: request = request.filter(C.tombstone.column == true)
        }
        return request.order(C.id.column)
    }
}
