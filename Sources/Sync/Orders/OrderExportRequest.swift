import Reconcile

/// What `econsync order export` is asked to export: one project's approved,
/// not yet exported registrations, narrowed by kind, ids and dates, grouped
/// into lines.
public struct OrderExportRequest: Sendable, Equatable {
    public var projectID: Int64
    /// Include hours; nil: the `orders.exportHours` setting (unless only materials were asked for).
    public var hours: Bool?
    /// Include materials; nil: the `orders.exportMaterials` setting.
    public var materials: Bool?
    /// Only these time entries (local ids); nil: every one that qualifies.
    public var hourIDs: [Int64]?
    /// Only these material registrations (local ids); nil: every one that qualifies.
    public var materialIDs: [Int64]?
    /// Registrations from this date (YYYY-MM-DD), inclusive.
    public var from: String?
    /// Registrations up to this date, inclusive.
    public var to: String?
    /// How lines are grouped; nil: the `orders.grouping` setting.
    public var grouping: OrderGrouping?
    /// The order's date (YYYY-MM-DD).
    public var date: String

    public init(projectID: Int64, date: String) {
        self.projectID = projectID
        self.date = date
    }
}
