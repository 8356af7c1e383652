internal import GRDB
/// What hours (``TimeEntry``) and materials (``Material``) share: they are
/// recorded in the field, approved, then transferred to e-conomic or exported
/// on an order, after which they can no longer change.
public protocol Registration: ReplicaRecord {
    /// When the registration was approved, nil while unapproved.
    var approvedAt: String? { get set }
    /// Who approved it.
    var approvedBy: String? { get set }
    /// When it was transferred to e-conomic, nil until then.
    var transferredAt: String? { get set }
    /// The local order it was exported on, if any.
    var orderId: Int64? { get set }
    /// The project it was recorded on.
    var projectId: Int64 { get }
    /// The day of the registration, `YYYY-MM-DD`.
    var date: String { get }
    /// The registration's own fields, for comparing two versions (approval and
    /// transfer state excluded).
    var content: [String?] { get }
}

extension Registration {
    /// Whether the registration has been approved.
    public var isApproved: Bool { approvedAt != nil }
    /// Whether the registration has left the replica (transferred or exported).
    public var isSent: Bool { transferredAt != nil || orderId != nil }

    /// Checks the life-cycle rules: edits only while unapproved, approval
    /// changes only until sent, nothing at all once sent.
    func validateLifecycle(_ check: Validation, previous: Self?) throws {
        try validateTimes(check, previous: previous)
        let contentChanged = previous.map { $0.content != content || $0.tombstone != tombstone } ?? true
        let approvalChanged = previous.map { $0.approvedAt != approvedAt || $0.approvedBy != approvedBy } ?? true
        if let previous, previous.isSent && (contentChanged || approvalChanged) {
            throw check.error(.locked, field: nil, .transferredLocked)
        }
        if isSent && !isApproved {
            throw check.error(.locked, field: "approvedAt", .sentUnapproved)
        }
        guard let previous else {
            try validateProjectOpen(check)
            return
        }
        if previous.isApproved && isApproved && contentChanged {
            throw check.error(.locked, field: nil, .approvedLocked)
        }
        if previous.projectId != projectId {
            try validateProjectOpen(check)
        }
    }

    /// Approval and transfer times typed or imported must be times (e-conomic's own are taken as they come).
    private func validateTimes(_ check: Validation, previous: Self?) throws {
        guard check.origin == .local else { return }
        if approvedAt != previous?.approvedAt { try check.timestamp(approvedAt, "approvedAt") }
        if transferredAt != previous?.transferredAt { try check.timestamp(transferredAt, "transferredAt") }
    }

    private func validateProjectOpen(_ check: Validation) throws {
        let state = try check.fetchCount("SELECT barred + 2 * closed FROM projects WHERE id = ?", [projectId])
        if state & 1 != 0 {
            throw check.error(field: "project", .projectBarred(projectId))
        }
        if state & 2 != 0 {
            throw check.error(field: "project", .projectClosed(projectId))
        }
    }
}

/// The requests on hours and materials, read as sentences:
/// `StoredRecord<TimeEntry>.all().forProject(id).approved().notOnOrder().live().byDate()`.
/// The columns hours and materials share are named once, by ``TimeEntry``
/// (``Material``'s are the same, which `ColumnsTests` checks).
extension QueryInterfaceRequest {
    /// The registrations recorded on project `id` (the `<table>_project` index).
    func forProject<R: Registration>(_ id: Int64) -> Self where RowDecoder == StoredRecord<R> {
        filter(TimeEntry.Columns.projectId.column == id)
    }
    /// The approved registrations.
    func approved<R: Registration>() -> Self where RowDecoder == StoredRecord<R> { filter(TimeEntry.Columns.approvedAt.column != nil) }
    /// The registrations not exported on an order.
    func notOnOrder<R: Registration>() -> Self where RowDecoder == StoredRecord<R> { filter(TimeEntry.Columns.orderId.column == nil) }
    /// The registrations exported on local order `id`.
    func onOrder<R: Registration>(_ id: Int64) -> Self where RowDecoder == StoredRecord<R> { filter(TimeEntry.Columns.orderId.column == id) }
    /// The registrations not deleted.
    func live<R: Registration>() -> Self where RowDecoder == StoredRecord<R> { filter(TimeEntry.Columns.tombstone.column == false) }
    /// By day, then local id.
    func byDate<R: Registration>() -> Self where RowDecoder == StoredRecord<R> {
        order(TimeEntry.Columns.date.column, TimeEntry.Columns.id.column)
    }
}
