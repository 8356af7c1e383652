/// The Projects API bodies the emulator checks, by path name, each with its
/// component in `openapi-Projects.json`.
enum ProjectsWriteSchema: String, Sendable, CaseIterable {
    case projects = "Projects", activities = "Activities", timeEntries = "TimeEntries", employees = "Employees"
    case projectGroups = "ProjectGroups"
    /// The body of `POST /TimeEntries/approve`.
    case approveTimeEntries = "TimeEntries/approve"

    var component: String {
        switch self {
        case .projects: "Project"
        case .activities: "Activity"
        case .timeEntries: "TimeEntry"
        case .employees: "Employee"
        case .projectGroups: "ProjectGroup"
        case .approveTimeEntries: "TimeEntryNumbersCollection"
        }
    }
}
