import Foundation
import Snapshot

/// Projects API writes (REFERENCE §4.2, §5): POST → 201 `{"number": n}` with
/// `Location`; PUT by `objectVersion` (stale or missing → 409 `UpdateConflict`)
/// → 204 and a new version; DELETE → 204; approval of time entries, after
/// which they can be neither changed nor deleted.
enum ProjectsWrites {
    static func create(_ resource: ProjectsResource, base: String, env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        let body: [String: JSONValue]
        switch parseBody(env) {
        case .success(let fields): body = fields
        case .failure(let error): return error.response
        }
        if let refusal = schemaRefusal(resource, body: body, env: env) { return refusal }
        if resource.createdOpen, body["isClosed"]?.boolValue == true {
            return ProblemDetails.badRequest(env, "ProjectCannotBeCreatedAsClosed", "A project cannot be created as closed.", property: "isClosed")
        }
        var data = body.filter { !resource.readOnly.contains($0.key) }
        let number: Int64
        if let given = data["number"] {
            guard let value = given.intValue, value >= 0, value <= 999_999_999 else {
                return ProblemDetails.badRequest(env, "NumberIsInvalid", "number must be a whole number from 0 to 999999999.", property: "number")
            }
            guard !state.store.contains(resource.kind, .int(value)) else {
                return ProblemDetails.badRequest(env, resource.duplicateCode, "\(resource.name) number \(value) already exists.", property: "number")
            }
            number = value
        } else if resource.autoNumber {
            number = state.store.nextNumber(resource.kind)
        } else {
            return ProblemDetails.badRequest(env, "PropertyIsRequired", "The number property is required.", property: "number")
        }
        data["number"] = .int(number)
        if let problem = validate(resource, &data, number: number, env: env, state: state) { return problem }
        _ = state.userEdit(kind: resource.kind, key: .int(number), data: data)
        return .json(201, .object(["number": .int(number)]), headers: [("Location", "\(base)/\(number)")])
    }

    static func update(_ resource: ProjectsResource, env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        let body: [String: JSONValue]
        switch parseBody(env) {
        case .success(let fields): body = fields
        case .failure(let error): return error.response
        }
        if let refusal = schemaRefusal(resource, body: body, env: env) { return refusal }
        guard let number = body["number"]?.intValue else {
            return ProblemDetails.badRequest(env, "PropertyIsRequired", "The number property is required to update.", property: "number")
        }
        guard let existing = state.store.get(resource.kind, .int(number)) else { return ProblemDetails.notFound(env) }
        if resource.approvable, existing["isApproved"]?.boolValue == true {
            return ProblemDetails.badRequest(env, "TimeEntryCannotBeUpdatedAlreadyApproved", "The time entry is approved and cannot be updated.")
        }
        guard let sent = body["objectVersion"]?.stringValue, sent == ProjectsResource.version(of: existing) else {
            return ProblemDetails.conflict(env)
        }
        var data = body.filter { !resource.readOnly.contains($0.key) }
        for name in resource.readOnly where name != "objectVersion" {
            if let value = existing[name] { data[name] = value }
        }
        if let problem = validate(resource, &data, number: number, env: env, state: state) { return problem }
        _ = state.userEdit(kind: resource.kind, key: .int(number), data: data)
        return .empty(204)
    }

    static func delete(_ resource: ProjectsResource, number: Int64, env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        guard let existing = state.store.get(resource.kind, .int(number)) else { return ProblemDetails.notFound(env) }
        switch resource.kind {
        case .timeEntry where existing["isApproved"]?.boolValue == true:
            return ProblemDetails.badRequest(env, "TimeEntryCannotBeUpdatedAlreadyApproved", "The time entry is approved and cannot be deleted.")
        case .project:
            if state.store.all(.project).contains(where: { $0.data["mainProjectNumber"]?.intValue == number }) {
                return ProblemDetails.badRequest(env, "ProjectCannotBeDeletedHasSubProjects", "The project has sub-projects.")
            }
            if state.store.all(.timeEntry).contains(where: { $0.data["projectNumber"]?.intValue == number }) {
                return ProblemDetails.badRequest(env, "ProjectCannotBeDeletedHasTimeEntries", "The project has time entries.")
            }
            for stage in RecordKind.orderStages {
                if let order = state.store.all(stage).first(where: { $0.data["project"]?["projectNumber"]?.intValue == number }) {
                    return ProblemDetails.badRequest(env, "ProjectCannotBeDeletedHasSalesDocuments", "The project is on \(stage.orderName) \(order.key).")
                }
            }
        default:
            break
        }
        state.store.remove(resource.kind, .int(number))
        return .empty(204)
    }

    /// `POST /TimeEntries/approve` `{"numbers":[…],"bookOn":0|1}`: all or nothing.
    static func approve(env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        let body: [String: JSONValue]
        switch parseBody(env) {
        case .success(let fields): body = fields
        case .failure(let error): return error.response
        }
        if let refusal = WriteSchemaCheck.projects(.approveTimeEntries, body: body, env: env) { return refusal }
        guard case .array(let values)? = body["numbers"], !values.isEmpty else {
            return ProblemDetails.badRequest(env, "TimeEntryNumberListCannotBeEmpty", "The list of time entry numbers cannot be empty.", property: "numbers")
        }
        var numbers: [Int64] = []
        for value in values {
            guard let number = value.intValue, let entry = state.store.get(.timeEntry, .int(number)) else {
                return ProblemDetails.badRequest(env, "TimeEntryCannotBeApprovedNotFound", "Time entry \(value) does not exist.", property: "numbers")
            }
            if entry["isApproved"]?.boolValue == true {
                return ProblemDetails.badRequest(env, "TimeEntryIsApproved", "Time entry \(number) is already approved.", property: "numbers")
            }
            if let project = entry["projectNumber"]?.intValue, state.store.get(.project, .int(project))?["isBarred"]?.boolValue == true {
                return ProblemDetails.badRequest(env, "TimeEntryOnBarredProjectCannotBeApproved", "Time entry \(number) is on a barred project.")
            }
            numbers.append(number)
        }
        for number in numbers {
            var entry = state.store.get(.timeEntry, .int(number))!
            entry["isApproved"] = .bool(true)
            _ = state.userEdit(kind: .timeEntry, key: .int(number), data: entry)
        }
        state.approvals.append(.init(numbers: numbers, bookOn: body["bookOn"]?.intValue.map(Int.init)))
        return .empty(204)
    }

    /// The schema check of a create or update body of `resource` (its component in the published spec);
    /// a missing name keeps the resource's own code (`ActivityNameNullOrEmpty`).
    static func schemaRefusal(_ resource: ProjectsResource, body: [String: JSONValue], env: RequestEnvironment) -> EmulatorResponse? {
        guard let schema = ProjectsWriteSchema(rawValue: resource.name) else { return nil }
        return WriteSchemaCheck.projects(schema, body: body, env: env, missingCodes: ["name": resource.nameCode])
    }

    static func parseBody(_ env: RequestEnvironment) -> Result<[String: JSONValue], ResponseError> {
        let value: JSONValue?
        do {
            value = try env.request.json()
        } catch {
            return .failure(ResponseError(ProblemDetails.badRequest(env, "InvalidJson", "The body is not valid JSON: \(error)")))
        }
        guard case .object(let fields)? = value else {
            return .failure(ResponseError(ProblemDetails.badRequest(env, "InvalidJson", "The body must be a JSON object.")))
        }
        let nulls = fields.filter { if case .null = $0.value { return true } else { return false } }.keys.sorted()
        if !nulls.isEmpty {
            let errors = nulls.map { (message: "Null is not accepted for \($0); omit the property instead.", errorCode: "NullValueNotAllowed", property: Optional($0)) }
            return .failure(ResponseError(ProblemDetails.make(400, title: "Validation error.", detail: "null is not accepted on write.",
                                                              errorCode: "NullValueNotAllowed", env: env, errors: errors)))
        }
        return .success(fields)
    }

    /// The most hours one time entry may register (see the comment in ``validate``).
    static let maxHoursPerEntry: Decimal = 24

    /// Required properties and the kind's own rules; nil when `data` may be stored.
    static func validate(_ resource: ProjectsResource, _ data: inout [String: JSONValue], number: Int64, env: RequestEnvironment,
                         state: EmulatorState) -> EmulatorResponse? {
        for name in resource.required {
            let value = data[name]
            if value == nil || value?.stringValue == "" {
                let code = name == "name" ? resource.nameCode : "PropertyIsRequired"
                return ProblemDetails.badRequest(env, code, "The \(name) property is required.", property: name)
            }
        }
        let store = state.store
        func exists(_ kind: RecordKind, _ field: String) -> Bool {
            guard let key = data[field]?.intValue else { return false }
            return store.contains(kind, .int(key))
        }
        switch resource.kind {
        case .project:
            // The group must exist: always, as in e-conomic (a seeded emulator has an
            // agreement's standard groups, see StandardRecords).
            if !exists(.projectGroup, "projectGroupNumber") {
                return ProblemDetails.badRequest(env, "ProjectCannotBeCreatedUpdatedGroupDoesNotExist", "The project group does not exist.", property: "projectGroupNumber")
            }
            // customerNumber is "required unless the group type is Internal" (§5.3, §5.5: 1 Internal,
            // 2 External invoiceable, 3 External non-invoiceable).
            if data["customerNumber"] == nil, let group = data["projectGroupNumber"]?.intValue.flatMap({ store.get(.projectGroup, .int($0)) }),
               group["type"]?.intValue != ProjectGroupType.internal.rawValue {
                return ProblemDetails.badRequest(env, "ProjectCannotBeCreatedUpdatedCustomerNumberRequired",
                                                 "customerNumber is required: project group \(group["number"]?.intValue ?? 0) is not internal.",
                                                 property: "customerNumber")
            }
            if data["customerNumber"] != nil, store.count(.customer) > 0, !exists(.customer, "customerNumber") {
                return ProblemDetails.badRequest(env, "ProjectCannotBeCreatedUpdatedCustomerNotFound", "The customer does not exist.", property: "customerNumber")
            }
            if let main = data["mainProjectNumber"]?.intValue {
                guard main != number, store.get(.project, .int(main))?["isMainProject"]?.boolValue == true else {
                    return ProblemDetails.badRequest(env, "ProjectCannotBeCreatedUpdatedMainProjectNumberDoesNotExistOrInvalid",
                                                     "mainProjectNumber must name an existing main project.", property: "mainProjectNumber")
                }
            }
            if data["isMainProject"]?.boolValue == true, store.all(.timeEntry).contains(where: { $0.data["projectNumber"]?.intValue == number }) {
                return ProblemDetails.badRequest(env, "ProjectCannotBeMadeMainHasTimeEntries", "A project with time entries cannot become a main project.")
            }
        case .timeEntry:
            guard let date = data["date"]?.stringValue, let parsed = Timestamps.parse(date) else {
                return ProblemDetails.badRequest(env, "TimeEntryCannotBeCreatedUpdatedDateIsNotSet", "date must be a date.", property: "date")
            }
            data["date"] = .string(Timestamps.logTime(parsed))
            // e-conomic documents no range for numberOfHours (a nullable double in the
            // TimeEntry schema) and no error code for it: whether it refuses negative hours
            // or more than 24 in one entry is undocumented. The emulator refuses both (an
            // entry registers one day's work), with a code in the style of its neighbours.
            if let hours = data["numberOfHours"] {
                guard let value = hours.decimalValue, value >= 0, value <= maxHoursPerEntry else {
                    return ProblemDetails.badRequest(env, "TimeEntryCannotBeCreatedUpdatedNumberOfHoursIsInvalid",
                                                     "numberOfHours must be a number from 0 to 24, got \(hours).", property: "numberOfHours")
                }
            }
            guard let project = data["projectNumber"]?.intValue.flatMap({ store.get(.project, .int($0)) }) else {
                return ProblemDetails.badRequest(env, "EntriesNotAllowedProjectNotFound", "The project does not exist.", property: "projectNumber")
            }
            if project["isMainProject"]?.boolValue == true {
                return ProblemDetails.badRequest(env, "EntriesNotAllowedProjectIsMain", "Time cannot be registered on a main project.", property: "projectNumber")
            }
            if project["isClosed"]?.boolValue == true {
                return ProblemDetails.badRequest(env, "EntriesNotAllowedProjectIsClosed", "The project is closed.", property: "projectNumber")
            }
            if project["isBarred"]?.boolValue == true {
                return ProblemDetails.badRequest(env, "EntriesNotAllowedProjectIsBarred", "The project is barred.", property: "projectNumber")
            }
            guard let activity = data["activityNumber"]?.intValue.flatMap({ store.get(.hourType, .int($0)) }) else {
                return ProblemDetails.badRequest(env, "CannotCreateUpdateActivityNotFound", "The activity does not exist.", property: "activityNumber")
            }
            if activity["isBarred"]?.boolValue == true {
                return ProblemDetails.badRequest(env, "CannotCreateUpdateActivityIsBarred", "The activity is barred.", property: "activityNumber")
            }
            guard let employee = data["employeeNumber"]?.intValue.flatMap({ store.get(.employee, .int($0)) }) else {
                return ProblemDetails.badRequest(env, "EntriesNotAllowedEmployeeNotFound", "The employee does not exist.", property: "employeeNumber")
            }
            if employee["isBarred"]?.boolValue == true {
                return ProblemDetails.badRequest(env, "EntriesNotAllowedEmployeeIsBarred", "The employee is barred.", property: "employeeNumber")
            }
        case .projectGroup:
            guard let type = data["type"]?.intValue, ProjectGroupType(rawValue: type) != nil else {
                return ProblemDetails.badRequest(env, "ProjectGroupTypeIsInvalid", "type must be 1, 2 or 3.", property: "type")
            }
        default:
            break
        }
        return nil
    }
}
