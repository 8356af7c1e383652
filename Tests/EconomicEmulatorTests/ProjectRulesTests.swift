import EconomicEmulator
import Snapshot
import Testing

/// The Projects API's rules the schema does not carry: a project's group must
/// exist and a non-internal group needs a customer; a time entry needs an
/// existing project, activity and employee and 0 to 24 hours.
@Suite("Projects API: project groups, customers and time entry hours")
struct ProjectRulesTests {
    static let api = "/projectsapi/v1.1.0"

    /// Checks `response` is a problem+json 400 with `errorCode` about `property`.
    static func expectProblem(_ response: HTTPResult, _ errorCode: String, property: String,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == 400, sourceLocation: sourceLocation)
        #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true, sourceLocation: sourceLocation)
        #expect(response.json?["errorCode"]?.stringValue == errorCode, "\(response.text)", sourceLocation: sourceLocation)
        let error = response.json?["errors"]?.items.first
        #expect(error?["errorCode"]?.stringValue == errorCode, sourceLocation: sourceLocation)
        #expect(error?["property"]?.stringValue == property, sourceLocation: sourceLocation)
    }

    /// Checks the seeded agreement's standard project groups: 1 internal, 2 and 3 external.
    static func addGroups(_ harness: Harness) async throws {
        for type in 1...3 {
            let group = try await harness.client.get("\(api)/ProjectGroups/\(type)")
            #expect(group.json?["type"]?.intValue == Int64(type), "\(group.text)")
        }
    }

    @Test("a project in an external group needs customerNumber; an internal one does not; the group must exist")
    func groupsAndCustomers() async throws {
        try await Harness.with { harness in
            try await Self.addGroups(harness)
            let before = harness.emulator.records(kind: "project")
            for group in [2, 3] {
                let refused = try await harness.client.send("POST", "\(Self.api)/Projects", body: #"{"name":"Uden kunde","projectGroupNumber":\#(group)}"#)
                Self.expectProblem(refused, "ProjectCannotBeCreatedUpdatedCustomerNumberRequired", property: "customerNumber")
                #expect(refused.json?["detail"]?.stringValue?.contains("project group \(group)") == true)
            }
            let unknown = try await harness.client.send("POST", "\(Self.api)/Projects", body: #"{"name":"X","projectGroupNumber":9,"customerNumber":1001}"#)
            Self.expectProblem(unknown, "ProjectCannotBeCreatedUpdatedGroupDoesNotExist", property: "projectGroupNumber")
            #expect(harness.emulator.records(kind: "project") == before)

            let internalProject = try await harness.client.send("POST", "\(Self.api)/Projects", body: #"{"name":"Intern","projectGroupNumber":1}"#)
            #expect(internalProject.status == 201)
            let external = try await harness.client.send("POST", "\(Self.api)/Projects", body: #"{"name":"Ekstern","projectGroupNumber":2,"customerNumber":1001}"#)
            #expect(external.status == 201)
            #expect(harness.emulator.records(kind: "project").count == before.count + 2)
        }
    }

    @Test("a PUT that drops the customer of a project in an external group is refused and changes nothing")
    func updateDroppingCustomer() async throws {
        try await Harness.with { harness in
            try await Self.addGroups(harness)
            var project = try #require(try await harness.client.get("\(Self.api)/Projects/2").json?.objectValue)
            project.removeValue(forKey: "customerNumber")
            let stored = harness.emulator.records(kind: "project").first { $0.key == .int(2) }
            let refused = try await harness.client.send("PUT", "\(Self.api)/Projects", json: .object(project))
            Self.expectProblem(refused, "ProjectCannotBeCreatedUpdatedCustomerNumberRequired", property: "customerNumber")
            #expect(harness.emulator.records(kind: "project").first { $0.key == .int(2) } == stored)
            project["projectGroupNumber"] = .int(1)
            #expect(try await harness.client.send("PUT", "\(Self.api)/Projects", json: .object(project)).status == 204,
                    "moved to the internal group it may be without a customer")
        }
    }

    /// A time entry body on sub-project 2, activity 1, employee 1 unless changed.
    static func entry(project: Int = 2, activity: Int = 1, employee: Int = 1, hours: String) -> String {
        #"{"projectNumber":\#(project),"activityNumber":\#(activity),"employeeNumber":\#(employee),"date":"2026-11-02","numberOfHours":\#(hours)}"#
    }

    @Test("a time entry needs an existing project, activity and employee, and 0 to 24 hours",
          arguments: [
              (ProjectRulesTests.entry(project: 999, hours: "1"), "EntriesNotAllowedProjectNotFound", "projectNumber"),
              (ProjectRulesTests.entry(activity: 999, hours: "1"), "CannotCreateUpdateActivityNotFound", "activityNumber"),
              (ProjectRulesTests.entry(employee: 999, hours: "1"), "EntriesNotAllowedEmployeeNotFound", "employeeNumber"),
              (ProjectRulesTests.entry(hours: "-0.5"), "TimeEntryCannotBeCreatedUpdatedNumberOfHoursIsInvalid", "numberOfHours"),
              (ProjectRulesTests.entry(hours: "24.25"), "TimeEntryCannotBeCreatedUpdatedNumberOfHoursIsInvalid", "numberOfHours"),
              (ProjectRulesTests.entry(hours: #""7""#), "PropertyTypeIsInvalid", "numberOfHours"),
          ])
    func refusedEntries(body: String, errorCode: String, property: String) async throws {
        try await Harness.with { harness in
            let before = harness.emulator.records(kind: "timeEntry")
            Self.expectProblem(try await harness.client.send("POST", "\(Self.api)/TimeEntries", body: body), errorCode, property: property)
            #expect(harness.emulator.records(kind: "timeEntry") == before)
        }
    }

    @Test("0 and 24 hours are taken; a PUT to 25 hours is refused and the entry keeps its hours")
    func hoursBounds() async throws {
        try await Harness.with { harness in
            for hours in ["0", "24"] {
                #expect(try await harness.client.send("POST", "\(Self.api)/TimeEntries", body: Self.entry(hours: hours)).status == 201)
            }
            let created = try await harness.client.send("POST", "\(Self.api)/TimeEntries", body: Self.entry(hours: "7.5"))
            let number = try #require(created.json?["number"]?.intValue)
            var entry = try #require(try await harness.client.get("\(Self.api)/TimeEntries/\(number)").json?.objectValue)
            entry["numberOfHours"] = .int(25)
            let refused = try await harness.client.send("PUT", "\(Self.api)/TimeEntries", json: .object(entry))
            Self.expectProblem(refused, "TimeEntryCannotBeCreatedUpdatedNumberOfHoursIsInvalid", property: "numberOfHours")
            #expect(try await harness.client.get("\(Self.api)/TimeEntries/\(number)").json?["numberOfHours"]?.doubleValue == 7.5)
        }
    }
}
