import Snapshot

/// One collection of the Projects API (`projectsapi` v1.1.0): the record kind
/// behind it and its rules, from `openapi-Projects.json`.
struct ProjectsResource: Sendable {
    /// The path name, as e-conomic spells it (`TimeEntries`).
    var name: String
    var kind: RecordKind
    var required: [String]
    /// Whether POST assigns `number` when it is omitted.
    var autoNumber: Bool
    /// Properties a write may send but that are ignored.
    var readOnly: Set<String>
    /// Properties `filter=` accepts (`x-filterable`).
    var filterable: [String]
    /// The error code for a POST with a number already in use.
    var duplicateCode: String
    /// The error code for a missing or empty name.
    var nameCode = "PropertyIsRequired"
    /// Whether records are approved (`POST …/approve`), and locked once they are (time entries).
    var approvable = false
    /// Whether a record cannot be created closed (projects).
    var createdOpen = false

    /// The version a record has when it was never written through the emulator.
    static let initialVersion = "EMU00000000"

    static let catalog: [String: ProjectsResource] = {
        let all = [
            ProjectsResource(name: "Projects", kind: .project, required: ["name", "projectGroupNumber"], autoNumber: true,
                             readOnly: ["isClosed", "lastUpdated", "costPrice", "salesPrice", "invoicedTotal", "objectVersion"],
                             filterable: ["number", "name", "projectGroupNumber", "customerNumber", "isClosed", "mileage", "isBarred",
                                          "isMainProject", "isMileageInvoiced", "lastUpdated", "responsibleEmployeeNumber",
                                          "mainProjectNumber", "otherResponsibleEmployeeNumber", "status", "deliveryDate",
                                          "departmentNumber", "closedDate", "fixedPrice", "costPrice", "salesPrice", "invoicedTotal",
                                          "contactPersonId", "deliveryLocationNumber", "otherReference"],
                             duplicateCode: "ProjectCannotBeCreatedUpdatedNumberAlreadyExists", createdOpen: true),
            ProjectsResource(name: "Activities", kind: .hourType, required: ["number", "groupNumber", "name"], autoNumber: false,
                             readOnly: ["objectVersion"], filterable: ["number", "groupNumber", "name", "isBarred"],
                             duplicateCode: "ActivityNumberAlreadyExists", nameCode: "ActivityNameNullOrEmpty"),
            ProjectsResource(name: "TimeEntries", kind: .timeEntry, required: ["projectNumber", "activityNumber", "employeeNumber", "date"],
                             autoNumber: true, readOnly: ["isApproved", "isReconciled", "lastUpdated", "objectVersion"],
                             filterable: ["number", "projectNumber", "activityNumber", "employeeNumber", "date", "text", "numberOfHours",
                                          "isApproved", "isReconciled", "lastUpdated"],
                             duplicateCode: "TimeEntryNumberAlreadyExists", approvable: true),
            ProjectsResource(name: "Employees", kind: .employee, required: ["groupNumber", "name"], autoNumber: true,
                             readOnly: ["objectVersion"], filterable: ["number", "groupNumber", "name", "isBarred", "phone", "email"],
                             duplicateCode: "EmployeeCannotBeCreatedUpdatedNumberAlreadyExists",
                             nameCode: "EmployeeCannotBeCreatedUpdatedNameNullOrEmpty"),
            ProjectsResource(name: "ProjectGroups", kind: .projectGroup, required: ["name", "type"], autoNumber: true,
                             readOnly: ["objectVersion"],
                             filterable: ["number", "name", "type", "includeCostPriceInFinance", "includeSalesPriceInFinance",
                                          "costAccountOngoing", "costContraAccountOngoing", "costAccountClosed", "salesAccountOngoing",
                                          "salesContraAccountOngoing", "salesAccountClosed"],
                             duplicateCode: "ProjectGroupCannotBeCreatedUpdatedNumberAlreadyExists"),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.name.lowercased(), $0) })
    }()

    /// The record as served: stored data plus its `objectVersion`.
    static func present(_ data: [String: JSONValue]) -> JSONValue {
        var fields = data
        if fields["objectVersion"] == nil { fields["objectVersion"] = .string(initialVersion) }
        return .object(fields)
    }

    /// The version a client must send back to update the record.
    static func version(of data: [String: JSONValue]) -> String {
        data["objectVersion"]?.stringValue ?? initialVersion
    }
}
