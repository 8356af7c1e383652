import EconomicEmulator
import Snapshot
import Testing

@Suite("Projects API")
struct ProjectsAPITests {
    let api = "/projectsapi/v1.1.0"

    @Test("cursor listing pages through every item; paged, count and filters")
    func listings() async throws {
        try await Harness.with(configure: { $0.cursorPageSize = 5 }) { harness in
            var numbers: [Int64] = []
            var cursor: String?
            var pages = 0
            repeat {
                let path = "\(api)/Projects" + (cursor.map { "?cursor=\($0)" } ?? "")
                let page = try #require(try await harness.client.get(path).json)
                let items = page["items"]?.items ?? []
                #expect(items.count <= 5)
                numbers += items.compactMap { $0["number"]?.intValue }
                cursor = page["cursor"]?.stringValue
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(numbers.count == 14)
            #expect(numbers == numbers.sorted() && Set(numbers).count == 14)

            let open = try #require(try await harness.client.get("\(api)/TimeEntries?filter=isApproved$eq:true").json)
            let approved = harness.emulator.records(kind: "timeEntry").filter { $0.data["isApproved"] == .bool(true) }.count
            #expect(open["items"]?.items.count == min(5, approved))
            #expect(open["items"]?.items.allSatisfy { $0["isApproved"] == .bool(true) } == true)
            #expect(try await harness.client.get("\(api)/TimeEntries/count?filter=isApproved$eq:true").json?.intValue == Int64(approved))
            #expect(try await harness.client.get("\(api)/Projects/count").json?.intValue == 14)
            let paged = try await harness.client.get("\(api)/Activities/paged?pageSize=2&skipPages=1")
            #expect(paged.json?.items.compactMap { $0["number"]?.intValue } == [3, 4])
            #expect(try await harness.client.get("\(api)/Activities/paged?pageSize=101").status == 400)
            let badFilter = try await harness.client.get("\(api)/Projects?filter=bogus$eq:1")
            #expect(badFilter.status == 400)
            #expect(badFilter.json?["errorCode"]?.stringValue == "BadFilterRequest")
            let missing = try await harness.client.get("\(api)/Projects/999")
            #expect(missing.status == 404)
            #expect(missing.json?["errorCode"]?.stringValue == "ResourceNotFound")
        }
    }

    @Test("POST answers 201 {number}; PUT needs the current objectVersion (409 otherwise); DELETE 204")
    func createUpdateDelete() async throws {
        try await Harness.with { harness in
            let created = try await harness.client.send("POST", "\(api)/Projects", body: #"{"name":"Nyt badeværelse","projectGroupNumber":2,"customerNumber":1001}"#)
            #expect(created.status == 201)
            #expect(created.json == .object(["number": .int(15)]))
            #expect(created.header("Location") == "http://127.0.0.1:\(harness.port)\(api)/Projects/15")
            let project = try #require(try await harness.client.get("\(api)/Projects/15").json?.objectValue)
            let version = try #require(project["objectVersion"]?.stringValue)

            var update = project
            update["name"] = .string("Nyt badeværelse, etape 2")
            update.removeValue(forKey: "objectVersion")
            let missingVersion = try await harness.client.send("PUT", "\(api)/Projects", json: .object(update))
            #expect(missingVersion.status == 409)
            #expect(missingVersion.json?["errorCode"]?.stringValue == "UpdateConflict")
            #expect(missingVersion.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            update["objectVersion"] = .string("stale")
            #expect(try await harness.client.send("PUT", "\(api)/Projects", json: .object(update)).status == 409)
            update["objectVersion"] = .string(version)
            #expect(try await harness.client.send("PUT", "\(api)/Projects", json: .object(update)).status == 204)
            let after = try #require(try await harness.client.get("\(api)/Projects/15").json)
            #expect(after["name"]?.stringValue == "Nyt badeværelse, etape 2")
            #expect(after["objectVersion"]?.stringValue != version)
            #expect(try await harness.client.send("PUT", "\(api)/Projects", json: .object(update)).status == 409)

            #expect(try await harness.client.send("DELETE", "\(api)/Projects/15").status == 204)
            #expect(try await harness.client.send("DELETE", "\(api)/Projects/15").status == 404)
            let unknownCustomer = try await harness.client.send("POST", "\(api)/Projects", body: #"{"name":"X","projectGroupNumber":2,"customerNumber":99}"#)
            #expect(unknownCustomer.json?["errorCode"]?.stringValue == "ProjectCannotBeCreatedUpdatedCustomerNotFound")
            let nullName = try await harness.client.send("POST", "\(api)/Activities", body: #"{"number":9,"groupNumber":1,"name":null}"#)
            #expect(nullName.status == 400)
        }
    }

    @Test("approved time entries refuse PUT and DELETE; approving twice is TimeEntryIsApproved")
    func approval() async throws {
        try await Harness.with { harness in
            let main = try #require(harness.emulator.records(kind: "project").first { $0.data["isMainProject"] == .bool(true) })
            let sub = try #require(harness.emulator.records(kind: "project").first { $0.data["mainProjectNumber"] != nil })
            let onMain = try await harness.client.send("POST", "\(api)/TimeEntries",
                                                      body: #"{"projectNumber":\#(main.key),"activityNumber":1,"employeeNumber":1,"date":"2026-11-02","numberOfHours":7.5}"#)
            #expect(onMain.json?["errorCode"]?.stringValue == "EntriesNotAllowedProjectIsMain")

            let created = try await harness.client.send("POST", "\(api)/TimeEntries",
                                                       body: #"{"projectNumber":\#(sub.key),"activityNumber":1,"employeeNumber":1,"date":"2026-11-02","numberOfHours":7.5,"text":"Montage"}"#)
            #expect(created.status == 201)
            let number = try #require(created.json?["number"]?.intValue)
            let entry = try #require(try await harness.client.get("\(api)/TimeEntries/\(number)").json?.objectValue)
            #expect(entry["date"]?.stringValue == "2026-11-02T00:00:00")
            #expect(entry["isApproved"] == nil)

            let approve = try await harness.client.send("POST", "\(api)/TimeEntries/approve", body: #"{"numbers":[\#(number)],"bookOn":1}"#)
            #expect(approve.status == 204)
            #expect(try await harness.client.get("\(api)/TimeEntries/\(number)").json?["isApproved"] == .bool(true))

            var update = entry
            update["numberOfHours"] = .int(8)
            update["objectVersion"] = try await harness.client.get("\(api)/TimeEntries/\(number)").json?["objectVersion"]
            let put = try await harness.client.send("PUT", "\(api)/TimeEntries", json: .object(update))
            #expect(put.status == 400)
            #expect(put.json?["errorCode"]?.stringValue == "TimeEntryCannotBeUpdatedAlreadyApproved")
            let delete = try await harness.client.send("DELETE", "\(api)/TimeEntries/\(number)")
            #expect(delete.json?["errorCode"]?.stringValue == "TimeEntryCannotBeUpdatedAlreadyApproved")
            let twice = try await harness.client.send("POST", "\(api)/TimeEntries/approve", body: #"{"numbers":[\#(number)]}"#)
            #expect(twice.status == 400)
            #expect(twice.json?["errorCode"]?.stringValue == "TimeEntryIsApproved")
            let empty = try await harness.client.send("POST", "\(api)/TimeEntries/approve", body: #"{"numbers":[]}"#)
            #expect(empty.json?["errorCode"]?.stringValue == "TimeEntryNumberListCannotBeEmpty")
        }
    }
}
