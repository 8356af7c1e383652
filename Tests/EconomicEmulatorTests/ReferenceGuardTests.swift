import EconomicEmulator
import Snapshot
import Testing

/// A record still referenced cannot be deleted: the refusal names what refers
/// to it, leaves everything as it was, and the delete works once the
/// reference is gone.
@Suite("Legacy REST: deleting a referenced record")
struct ReferenceGuardTests {
    static let api = "/projectsapi/v1.1.0"

    /// A draft order for `customer` with one line of `product`.
    static func order(customer: Int64, product: String) -> String {
        """
        {"date":"2026-11-02","currency":"DKK","customer":{"customerNumber":\(customer)},"paymentTerms":{"paymentTermsNumber":1},
         "layout":{"layoutNumber":19},"recipient":{"name":"Sørensen VVS A/S","vatZone":{"vatZoneNumber":1}},
         "lines":[{"product":{"productNumber":"\(product)"},"quantity":2,"unitNetPrice":100}]}
        """
    }

    /// Creates product "Fleece Tracksuit", a customer and a draft order for it
    /// with a line of the product; returns the customer's and the order's numbers.
    static func orderedFleece(_ harness: Harness) async throws -> (customer: Int64, order: Int64) {
        let product = #"{"productNumber":"Fleece Tracksuit","name":"Fleece","productGroup":{"productGroupNumber":1}}"#
        #expect(try await harness.client.send("POST", "/products", body: product).status == 201)
        let created = try await harness.client.send("POST", "/customers", body: RESTWriteTests.minimalCustomer)
        let customer = try #require(created.json?["customerNumber"]?.intValue)
        let order = try await harness.client.send("POST", "/orders/drafts", body: Self.order(customer: customer, product: "Fleece Tracksuit"))
        return (customer, try #require(order.json?["orderNumber"]?.intValue))
    }

    /// Checks `response` is e-conomic's legacy refusal naming `named`.
    static func expectRefusal(_ response: HTTPResult, naming named: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == 400, sourceLocation: sourceLocation)
        #expect(response.json?["httpStatusCode"]?.intValue == 400, sourceLocation: sourceLocation)
        #expect(response.json?["errorCode"]?.stringValue == "E06100", sourceLocation: sourceLocation)
        #expect(response.json?["logId"]?.stringValue?.hasSuffix("-CPH") == true, sourceLocation: sourceLocation)
        #expect(response.json?["developerHint"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
        let message = response.json?["message"]?.stringValue ?? ""
        #expect(message.contains(named) && message.hasSuffix("cannot be deleted."), "\(message)", sourceLocation: sourceLocation)
    }

    @Test("a customer on a project (Projects API customerNumber) is refused, contacts kept; deletable once the project is gone")
    func customerOnProject() async throws {
        try await Harness.with { harness in
            let created = try await harness.client.send("POST", "/customers", body: RESTWriteTests.minimalCustomer)
            let customer = try #require(created.json?["customerNumber"]?.intValue)
            #expect(try await harness.client.send("POST", "/customers/\(customer)/contacts", body: #"{"name":"Kontakt"}"#).status == 201)
            let project = try await harness.client.send("POST", "\(Self.api)/Projects",
                                                        body: #"{"name":"Tag","projectGroupNumber":2,"customerNumber":\#(customer)}"#)
            let projectNumber = try #require(project.json?["number"]?.intValue)
            let before = harness.emulator.records()

            let refused = try await harness.client.send("DELETE", "/customers/\(customer)")
            Self.expectRefusal(refused, naming: "customerNumber \(customer) is used by project \(projectNumber)")
            #expect(harness.emulator.records() == before, "the customer and its contact are still there")

            #expect(try await harness.client.send("DELETE", "\(Self.api)/Projects/\(projectNumber)").status == 204)
            #expect(try await harness.client.send("DELETE", "/customers/\(customer)").status == 204)
            #expect(try await harness.client.get("/customers/\(customer)").status == 404)
        }
    }

    @Test("a demo customer with several projects names the first three and how many more")
    func manyReferences() async throws {
        try await Harness.with { harness in
            let projects = harness.emulator.records(kind: "project").filter { $0.data["customerNumber"]?.intValue == 1024 }
            #expect(projects.count == 6)
            let refused = try await harness.client.send("DELETE", "/customers/1024")
            Self.expectRefusal(refused, naming: "used by project 1, project 2, project 3 and 3 more")
            #expect(try await harness.client.get("/customers/1024").status == 200)
        }
    }

    @Test("a customer and a product stay referenced by an order sent or archived: refused, naming the sent or archived order")
    func sentOrderReferences() async throws {
        try await Harness.with { harness in
            let (customer, orderNumber) = try await Self.orderedFleece(harness)
            try harness.emulator.moveOrder(orderNumber, .send)
            Self.expectRefusal(try await harness.client.send("DELETE", "/customers/\(customer)"),
                               naming: "customerNumber \(customer) is used by sent order \(orderNumber)")
            try harness.emulator.moveOrder(orderNumber, .archive)
            let before = harness.emulator.records()
            Self.expectRefusal(try await harness.client.send("DELETE", "/products/Fleece_9_Tracksuit"),
                               naming: "productNumber 'Fleece Tracksuit' is used by a line of archived order \(orderNumber)")
            #expect(harness.emulator.records() == before)
        }
    }

    @Test("a customer on a draft order and a product on its line are refused until the order is deleted")
    func orderReferences() async throws {
        try await Harness.with { harness in
            let (customer, orderNumber) = try await Self.orderedFleece(harness)
            let before = harness.emulator.records()

            Self.expectRefusal(try await harness.client.send("DELETE", "/customers/\(customer)"),
                               naming: "customerNumber \(customer) is used by draft order \(orderNumber)")
            Self.expectRefusal(try await harness.client.send("DELETE", "/products/Fleece_9_Tracksuit"),
                               naming: "productNumber 'Fleece Tracksuit' is used by a line of draft order \(orderNumber)")
            #expect(harness.emulator.records() == before)

            #expect(try await harness.client.send("DELETE", "/orders/drafts/\(orderNumber)").status == 204)
            #expect(try await harness.client.send("DELETE", "/products/Fleece_9_Tracksuit").status == 204)
            #expect(try await harness.client.send("DELETE", "/customers/\(customer)").status == 204)
        }
    }

    @Test("a draft order's project must exist; a project on a draft order cannot be deleted (ProjectCannotBeDeletedHasSalesDocuments)")
    func projectOnOrder() async throws {
        try await Harness.with { harness in
            let project = try await harness.client.send("POST", "\(Self.api)/Projects", body: #"{"name":"Tag","projectGroupNumber":2,"customerNumber":1001}"#)
            let projectNumber = try #require(project.json?["number"]?.intValue)
            let body = Self.order(customer: 1001, product: "10001").replacingOccurrences(of: #""lines":"#, with: #""project":{"projectNumber":\#(projectNumber)},"lines":"#)
            let unknown = try await harness.client.send("POST", "/orders/drafts", body: body.replacingOccurrences(of: "\(projectNumber)}", with: "999}"))
            #expect(unknown.status == 400)
            #expect(unknown.json?["errors"]?["project"]?["projectNumber"]?["errors"]?.items.first?["errorCode"]?.stringValue == "E06000")
            let order = try await harness.client.send("POST", "/orders/drafts", body: body)
            #expect(order.json?["project"]?["projectNumber"]?.intValue == projectNumber)
            let orderNumber = try #require(order.json?["orderNumber"]?.intValue)
            let before = harness.emulator.records(kind: "project")
            let refused = try await harness.client.send("DELETE", "\(Self.api)/Projects/\(projectNumber)")
            #expect(refused.status == 400 && refused.json?["errorCode"]?.stringValue == "ProjectCannotBeDeletedHasSalesDocuments")
            #expect(refused.json?["detail"]?.stringValue?.contains("draft order \(orderNumber)") == true)
            #expect(harness.emulator.records(kind: "project") == before)
            #expect(try await harness.client.send("DELETE", "/orders/drafts/\(orderNumber)").status == 204)
            #expect(try await harness.client.send("DELETE", "\(Self.api)/Projects/\(projectNumber)").status == 204)
        }
    }

    @Test("a unit used by a product is refused, naming the product; an unused unit goes")
    func unitOnProduct() async throws {
        try await Harness.with { harness in
            let product = #"{"productNumber":"U-1","name":"Rør","productGroup":{"productGroupNumber":1},"unit":{"unitNumber":1}}"#
            #expect(try await harness.client.send("POST", "/products", body: product).status == 201)
            let before = harness.emulator.records(kind: "unit")
            Self.expectRefusal(try await harness.client.send("DELETE", "/units/1"), naming: "unitNumber 1 is used by product")
            #expect(harness.emulator.records(kind: "unit") == before)
            let unused = try await harness.client.send("POST", "/units", body: #"{"name":"kasse"}"#)
            let number = try #require(unused.json?["unitNumber"]?.intValue)
            #expect(try await harness.client.send("DELETE", "/units/\(number)").status == 204)
        }
    }
}
