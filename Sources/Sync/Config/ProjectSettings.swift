import Replica

/// The project module's settings (the wizard's step 4): what is transferred,
/// how employees are matched, auto-approval, employee rates and sub-projects.
/// Bi-directional sync is `projects.direction`; activity mapping is each hour
/// type's activity number.
public struct ProjectSettings: Sendable, Equatable {
    /// How Mobilplan's sub-projects reach e-conomic.
    public enum SubProjects: String, Sendable, CaseIterable {
        /// A main project with its sub-projects, linked as in Mobilplan.
        case linked
        /// A sub-project's hours are booked on its main project.
        case mergeIntoParent = "merge-into-parent"
        /// Every project stands alone; the link is not sent.
        case standalone
    }

    /// The date auto-approved entries are booked on (`bookOn` of `/TimeEntries/approve`).
    public enum BookOn: String, Sendable, CaseIterable {
        /// The registration date (e-conomic's 1).
        case registration
        /// The end of the registration's month, or today for this month's (e-conomic's 0).
        case endOfMonth
    }

    static let keys: [ConfigKey] = [
        .flag("projects.syncHours", "transfer approved time registrations to e-conomic projects", default: true),
        .flag("projects.syncMaterials", "transfer material registrations (on order export)", default: true),
        .flag("projects.syncEmployees", "match local employees to e-conomic's by number, then e-mail, then exact name", default: true),
        .flag("projects.autoApprove", "approve transferred time entries in e-conomic (/TimeEntries/approve)", default: false),
        .choice("projects.bookOn", "the date auto-approved entries are booked on", BookOn.self, default: .registration),
        .flag("projects.useEmployeeRates", "price hours at the employee's own hourly rate instead of the hour type's product price", default: false),
        .choice("projects.subProjects", "sub-project handling", SubProjects.self, default: .linked),
    ]

    public var syncHours = true
    public var syncMaterials = true
    public var syncEmployees = true
    public var autoApprove = false
    /// `bookOn` of `/TimeEntries/approve`: 1 (registration date) or 0 (end of month or current day).
    public var bookOn = 1
    public var useEmployeeRates = false
    public var subProjects = SubProjects.linked

    public init() {}

    /// The settings stored in `replica`.
    public init(replica: ReplicaStore) throws {
        self.init(try ConfigValues(replica: replica))
    }

    init(_ values: ConfigValues) {
        syncHours = values.bool("projects.syncHours")
        syncMaterials = values.bool("projects.syncMaterials")
        syncEmployees = values.bool("projects.syncEmployees")
        autoApprove = values.bool("projects.autoApprove")
        bookOn = values.string("projects.bookOn").flatMap(BookOn.init(rawValue:)) == .endOfMonth ? 0 : 1
        useEmployeeRates = values.bool("projects.useEmployeeRates")
        subProjects = values.string("projects.subProjects").flatMap(SubProjects.init(rawValue:)) ?? .linked
    }
}
