import EconomicEmulator
import Foundation
import Snapshot
import Testing

/// The emulator refuses what e-conomic's published schemas refuse, over real
/// HTTP, and a refused write changes nothing.
@Suite("Writes refused by e-conomic's schemas")
struct SchemaRefusalTests {
    static let api = "/projectsapi/v1.1.0"

    /// ``RESTWriteTests/minimalCustomer`` with one property set to `value` (JSON text).
    static func customer(_ field: String, _ value: String) -> String {
        var fields = (try? CanonicalJSON.parse(RESTWriteTests.minimalCustomer).objectValue) ?? [:]
        fields[field] = try? CanonicalJSON.parse(value)
        return CanonicalJSON.string(.object(fields))
    }

    /// The issue's examples: property, value, e-conomic error code.
    static let customerExamples: [(field: String, value: String, code: String)] = [
        ("name", "\"\(String(repeating: "N", count: 300))\"", "E04200"),
        ("corporateIdentificationNumber", "\"\(String(repeating: "1", count: 41))\"", "E04200"),
        ("currency", #""DKKX""#, "E04200"),
        ("customerNumber", "1000000000", "E04810"),
        ("barred", #""yes""#, "E04300"),
        ("creditLimit", #""abc""#, "E04300"),
        ("ean", "\"\(String(repeating: "5", count: 20))\"", "E04200"),
    ]

    @Test("each example of the issue is 400 naming the property, and no customer is added", arguments: 0..<customerExamples.count)
    func customerExample(index: Int) async throws {
        let example = Self.customerExamples[index]
        try await Harness.with { harness in
            let before = try await harness.client.get("/customers?pagesize=1000")
            let refused = try await harness.client.send("POST", "/customers", body: Self.customer(example.field, example.value))
            #expect(refused.status == 400)
            let body = try #require(refused.json)
            #expect(body["message"]?.stringValue == "Validation error.")
            #expect(body["httpStatusCode"]?.intValue == 400)
            #expect(body["logId"]?.stringValue?.hasSuffix("-CPH") == true)
            let errors = try #require(body["errors"]?.objectValue)
            #expect(Array(errors.keys) == [example.field])
            let error = try #require(errors[example.field]?["errors"]?.items.first)
            #expect(error["errorCode"]?.stringValue == example.code)
            #expect(error["value"] == (try CanonicalJSON.parse(example.value)))
            #expect(error["message"]?.stringValue?.isEmpty == false)
            let after = try await harness.client.get("/customers?pagesize=1000")
            #expect(after.json?["collection"]?.items.count == before.json?["collection"]?.items.count)
            #expect(after.json?["collection"] == before.json?["collection"])
        }
    }

    @Test("messages name the property where e-conomic's wording does not already say it")
    func messagesNameTheField() async throws {
        try await Harness.with { harness in
            let long = try await harness.client.send("POST", "/customers", body: Self.customer("name", "\"\(String(repeating: "N", count: 300))\""))
            #expect(long.json?["errors"]?["name"]?["errors"]?.items.first?["message"]?.stringValue == "name is 300 characters long; at most 255 are allowed.")
            let typed = try await harness.client.send("POST", "/customers", body: Self.customer("barred", #""yes""#))
            #expect(typed.json?["errors"]?["barred"]?["errors"]?.items.first?["message"]?.stringValue == "Expected Boolean but got String.")
        }
    }

    @Test("a contact's e-mail notifications are listed once each, from e-conomic's list, as arrayIndex entries")
    func contactNotifications() async throws {
        try await Harness.with { harness in
            let contacts = harness.emulator.records(kind: "contact").count
            let twice = try await harness.client.send("POST", "/customers/1001/contacts", body: #"{"name":"Ida","emailNotifications":["invoices","invoices"]}"#)
            #expect(twice.status == 400)
            #expect(twice.json?["errors"]?["emailNotifications"]?["errors"]?.items.first?["errorCode"]?.stringValue == "E04300")
            let unknown = try await harness.client.send("POST", "/customers/1001/contacts", body: #"{"name":"Ida","emailNotifications":["invoices","Orders"]}"#)
            #expect(unknown.status == 400)
            let item = try #require(unknown.json?["errors"]?["emailNotifications"]?.items.first)
            #expect(item["arrayIndex"]?.intValue == 1)
            #expect(item["errors"]?.items.first?["errorCode"]?.stringValue == "E04450")
            #expect(harness.emulator.records(kind: "contact").count == contacts)
            let fine = try await harness.client.send("POST", "/customers/1001/contacts", body: #"{"name":"Ida","emailNotifications":["invoices","orders"]}"#)
            #expect(fine.status == 201)
        }
    }

    @Test("a PUT that breaks the PUT schema leaves the customer as it was")
    func replaceRefused() async throws {
        try await Harness.with { harness in
            let before = try #require(try await harness.client.get("/customers/1001").json)
            var fields = try #require(before.objectValue)
            fields["ean"] = .string(String(repeating: "5", count: 20))
            fields["name"] = .string("Changed")
            let refused = try await harness.client.send("PUT", "/customers/1001", json: .object(fields))
            #expect(refused.status == 400)
            #expect(refused.json?["errors"]?["ean"]?["errors"]?.items.first?["errorCode"]?.stringValue == "E04200")
            #expect(try await harness.client.get("/customers/1001").json == before)
            #expect(try await harness.client.send("PUT", "/customers/424242", body: Self.customer("currency", #""DKKX""#)).status == 400)
            #expect(try await harness.client.get("/customers/424242").status == 404)
        }
    }

    /// A draft order for customer 1001 with one line, `line`.
    static func draftOrder(line: String) -> String {
        #"{"date":"2026-11-02","currency":"DKK","customer":{"customerNumber":1001},"layout":{"layoutNumber":19},"#
            + #""paymentTerms":{"paymentTermsNumber":1},"recipient":{"name":"Kunde","vatZone":{"vatZoneNumber":1}},"lines":["# + line + "]}"
    }

    @Test("nested properties and array items are refused at their place: a draft order line's quantity")
    func nestedRefusal() async throws {
        try await Harness.with { harness in
            let before = harness.emulator.records(kind: "order").count
            let order = Self.draftOrder(line: #"{"product":{"productNumber":"10001"},"quantity":"two"}"#)
            let refused = try await harness.client.send("POST", "/orders/drafts", body: order)
            #expect(refused.status == 400)
            let line = try #require(refused.json?["errors"]?["lines"]?.items.first)
            #expect(line["arrayIndex"]?.intValue == 0)
            #expect(line["quantity"]?["errors"]?.items.first?["errorCode"]?.stringValue == "E04300")
            #expect(harness.emulator.records(kind: "order").count == before)
        }
    }

    @Test("an order line's price with more than two decimals is E04740 in e-conomic's words (REFERENCE §2.6)")
    func scale() async throws {
        try await Harness.with { harness in
            let before = harness.emulator.records(kind: "order").count
            let order = Self.draftOrder(line: #"{"product":{"productNumber":"10001"},"quantity":1,"unitNetPrice":10.12345}"#)
            let refused = try await harness.client.send("POST", "/orders/drafts", body: order)
            #expect(refused.status == 400)
            let error = try #require(refused.json?["errors"]?["lines"]?.items.first?["unitNetPrice"]?["errors"]?.items.first)
            #expect(error["errorCode"]?.stringValue == "E04740")
            #expect(error["message"]?.stringValue == "unitNetPrice scale cannot be greater then two decimal places.")
            #expect(error["value"] == .number("10.12345"))
            #expect(harness.emulator.records(kind: "order").count == before)
        }
    }

    @Test("valid writes still pass; an unknown property is ignored, neither refused nor stored")
    func validWritesPass() async throws {
        try await Harness.with { harness in
            let customer = try await harness.client.send("POST", "/customers", body: Self.customer("favouriteColour", #""blue""#))
            #expect(customer.status == 201)
            #expect(customer.json?["name"]?.stringValue == "Mr. Anderson")
            #expect(customer.json?["favouriteColour"] == nil)
            let number = try #require(customer.json?["customerNumber"]?.intValue)
            #expect(try await harness.client.get("/customers/\(number)").json?["favouriteColour"] == nil)
            let longest = try await harness.client.send("POST", "/customers", body: Self.customer("name", "\"\(String(repeating: "N", count: 255))\""))
            #expect(longest.status == 201)
            #expect(try await harness.client.send("POST", "/units", body: #"{"name":"kasse"}"#).status == 201)
            let order = #"{"date":"2026-11-02","currency":"DKK","customer":{"customerNumber":1001},"layout":{"layoutNumber":19},"paymentTerms":{"paymentTermsNumber":1},"recipient":{"name":"Kunde","vatZone":{"vatZoneNumber":1}},"lines":[{"product":{"productNumber":"10001"},"quantity":2}],"favouriteColour":"blue"}"#
            let created = try await harness.client.send("POST", "/orders/drafts", body: order)
            #expect(created.status == 201)
            #expect(created.json?["favouriteColour"] == nil)
            let numbered = try await harness.client.send("POST", "/units", body: #"{"unitNumber":77,"name":"palle"}"#)
            #expect(numbered.json?["unitNumber"]?.intValue == 77)
            let project = try await harness.client.send("POST", "\(Self.api)/Projects", body: "{\"name\":\"\(String(repeating: "P", count: 100))\",\"projectGroupNumber\":2,\"customerNumber\":1001}")
            #expect(project.status == 201)
        }
    }

    @Test("a 150-character project name is a problem naming the property; no project is added")
    func projectNameTooLong() async throws {
        try await Harness.with { harness in
            let count = try await harness.client.get("\(Self.api)/Projects/count").json
            let before = try await harness.client.get("\(Self.api)/Projects").json
            let refused = try await harness.client.send("POST", "\(Self.api)/Projects",
                                                        body: "{\"name\":\"\(String(repeating: "P", count: 150))\",\"projectGroupNumber\":2}")
            #expect(refused.status == 400)
            #expect(refused.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            let body = try #require(refused.json)
            #expect(body["status"]?.intValue == 400)
            #expect(body["errorCode"]?.stringValue == "PropertyLengthIsInvalid")
            let error = try #require(body["errors"]?.items.first)
            #expect(error["property"]?.stringValue == "name")
            #expect(error["errorCode"]?.stringValue == "PropertyLengthIsInvalid")
            #expect(error["message"]?.stringValue == "name is 150 characters long; at most 100 are allowed.")
            #expect(try await harness.client.get("\(Self.api)/Projects/count").json == count)
            #expect(try await harness.client.get("\(Self.api)/Projects").json == before)
        }
    }

    @Test("enum values are case-sensitive, and a missing Projects name keeps the resource's own code")
    func enumsAndNames() async throws {
        try await Harness.with { harness in
            let terms = harness.emulator.records(kind: "paymentTerm").count
            let net = try await harness.client.send("POST", "/payment-terms", body: #"{"name":"Netto 60","paymentTermsType":"Net","daysOfCredit":60}"#)
            #expect(net.status == 400)
            #expect(net.json?["errors"]?["paymentTermsType"]?["errors"]?.items.first?["errorCode"]?.stringValue == "E04450")
            #expect(harness.emulator.records(kind: "paymentTerm").count == terms)
            #expect(try await harness.client.send("POST", "/payment-terms", body: #"{"name":"Netto 60","paymentTermsType":"net","daysOfCredit":60}"#).status == 201)

            let activity = try await harness.client.send("POST", "\(Self.api)/Activities", body: #"{"number":90,"groupNumber":1}"#)
            #expect(activity.status == 400)
            #expect(activity.json?["errors"]?.items.first?["errorCode"]?.stringValue == "ActivityNameNullOrEmpty")
            #expect(activity.json?["errors"]?.items.first?["property"]?.stringValue == "name")
            let employee = try await harness.client.send("POST", "\(Self.api)/Employees", body: #"{"number":90,"groupNumber":1,"name":"Ny"}"#)
            #expect(employee.status == 400)
            #expect(employee.json?["errors"]?.items.first?["property"]?.stringValue == "isBarred")
            #expect(employee.json?["errors"]?.items.first?["errorCode"]?.stringValue == "PropertyIsRequired")
        }
    }

    @Test("an approval's body is checked too: bookOn is 0 or 1, numbers are integers; nothing is approved")
    func approvalBody() async throws {
        try await Harness.with { harness in
            let sub = try #require(harness.emulator.records(kind: "project").first { $0.data["mainProjectNumber"] != nil })
            let created = try await harness.client.send("POST", "\(Self.api)/TimeEntries",
                                                       body: #"{"projectNumber":\#(sub.key),"activityNumber":1,"employeeNumber":1,"date":"2026-11-02","numberOfHours":7.5}"#)
            let open = try #require(created.json?["number"]?.intValue)
            let approved = harness.emulator.records(kind: "timeEntry").filter { $0.data["isApproved"] == .bool(true) }.count
            let bookOn = try await harness.client.send("POST", "\(Self.api)/TimeEntries/approve", body: "{\"numbers\":[\(open)],\"bookOn\":2}")
            #expect(bookOn.status == 400)
            #expect(bookOn.json?["errors"]?.items.first?["property"]?.stringValue == "bookOn")
            #expect(bookOn.json?["errors"]?.items.first?["errorCode"]?.stringValue == "PropertyValueIsNotAllowed")
            let numbers = try await harness.client.send("POST", "\(Self.api)/TimeEntries/approve", body: "{\"numbers\":[\(open),\"x\"]}")
            #expect(numbers.status == 400)
            #expect(numbers.json?["errors"]?.items.first?["property"]?.stringValue == "numbers[1]")
            #expect(harness.emulator.records(kind: "timeEntry").filter { $0.data["isApproved"] == .bool(true) }.count == approved)
        }
    }

    @Test("Projects bodies are checked by type and range too, on PUT as on POST")
    func projectsTypesAndRanges() async throws {
        try await Harness.with { harness in
            let typed = try await harness.client.send("POST", "\(Self.api)/Projects", body: #"{"name":"X","projectGroupNumber":"two"}"#)
            #expect(typed.status == 400)
            #expect(typed.json?["errors"]?.items.first?["property"]?.stringValue == "projectGroupNumber")
            #expect(typed.json?["errors"]?.items.first?["errorCode"]?.stringValue == "PropertyTypeIsInvalid")
            let project = try #require(try await harness.client.get("\(Self.api)/Projects/1").json?.objectValue)
            var update = project
            update["customerNumber"] = .int(1_000_000_000)
            let refused = try await harness.client.send("PUT", "\(Self.api)/Projects", json: .object(update))
            #expect(refused.status == 400)
            #expect(refused.json?["errors"]?.items.first?["property"]?.stringValue == "customerNumber")
            #expect(refused.json?["errors"]?.items.first?["errorCode"]?.stringValue == "PropertyValueIsOutOfRange")
            #expect(try await harness.client.get("\(Self.api)/Projects/1").json?.objectValue == project)
        }
    }
}
