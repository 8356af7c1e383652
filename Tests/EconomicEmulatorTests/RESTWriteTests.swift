import EconomicEmulator
import Foundation
import Snapshot
import Testing

@Suite("Legacy REST writes")
struct RESTWriteTests {
    static let minimalCustomer = #"{"name":"Mr. Anderson","currency":"DKK","customerGroup":{"customerGroupNumber":1},"paymentTerms":{"paymentTermsNumber":1},"vatZone":{"vatZoneNumber":1},"city":"Aarhus"}"#

    @Test("POST creates with the next number, Location and the whole entity; GET finds it")
    func createCustomer() async throws {
        try await Harness.with { harness in
            let base = "http://127.0.0.1:\(harness.port)"
            let created = try await harness.client.send("POST", "/customers", body: Self.minimalCustomer)
            #expect(created.status == 201)
            #expect(created.header("Location") == "\(base)/customers/1031")
            let body = try #require(created.json)
            #expect(body["customerNumber"]?.intValue == 1031)
            #expect(body["self"]?.stringValue == "\(base)/customers/1031")
            #expect(body["lastUpdated"]?.stringValue == "2026-11-02T08:00:00Z")
            #expect(body["paymentTerms"]?["self"]?.stringValue == "\(base)/payment-terms/1")
            let fetched = try await harness.client.get("/customers/1031")
            #expect(fetched.status == 200)
            #expect(fetched.json?["name"]?.stringValue == "Mr. Anderson")

            let given = try await harness.client.send("POST", "/customers", body: Self.minimalCustomer.replacingOccurrences(of: "{\"name\"", with: "{\"customerNumber\":5000,\"name\""))
            #expect(given.status == 201)
            #expect(given.json?["customerNumber"]?.intValue == 5000)
            let clash = try await harness.client.send("POST", "/customers", body: Self.minimalCustomer.replacingOccurrences(of: "{\"name\"", with: "{\"customerNumber\":5000,\"name\""))
            #expect(clash.status == 400)
        }
    }

    @Test("PUT replaces (omitted properties cleared, read-only kept) and creates when missing")
    func replaceCustomer() async throws {
        try await Harness.with { harness in
            let before = try #require(try await harness.client.get("/customers/1001").json)
            #expect(before["city"] != nil)
            harness.clock.advance(by: 60)
            var fields = before.objectValue ?? [:]
            fields.removeValue(forKey: "city")
            fields["name"] = .string("Sørensen VVS & Søn A/S")
            fields["balance"] = .int(1)
            let put = try await harness.client.send("PUT", "/customers/1001", json: .object(fields))
            #expect(put.status == 200)
            let after = try #require(try await harness.client.get("/customers/1001").json)
            #expect(after["city"] == nil)
            #expect(after["name"]?.stringValue == "Sørensen VVS & Søn A/S")
            #expect(after["balance"] == before["balance"])
            #expect(after["lastUpdated"]?.stringValue == "2026-11-02T08:01:00Z")

            let create = try await harness.client.send("PUT", "/customers/7777", body: Self.minimalCustomer)
            #expect(create.status == 201)
            #expect(create.header("Location")?.hasSuffix("/customers/7777") == true)
        }
    }

    @Test("explicit null, missing required properties, id 0 and unknown references are 400 in e-conomic's shape")
    func validation() async throws {
        try await Harness.with { harness in
            let null = try await harness.client.send("POST", "/customers", body: Self.minimalCustomer.replacingOccurrences(of: "\"city\":\"Aarhus\"", with: "\"city\":null"))
            #expect(null.status == 400)
            #expect(null.json?["message"]?.stringValue == "Validation error.")
            let message = null.json?["errors"]?["city"]?["errors"]?.items.first?["message"]?.stringValue
            #expect(message == "Expected String but got Null.")

            let empty = try await harness.client.send("POST", "/customers", body: "{}")
            #expect(empty.status == 400)
            let errors = try #require(empty.json?["errors"]?.objectValue)
            #expect(Set(errors.keys) == ["name", "currency", "customerGroup", "paymentTerms", "vatZone"])

            let zero = try await harness.client.send("POST", "/customers", body: Self.minimalCustomer.replacingOccurrences(of: "\"customerGroupNumber\":1", with: "\"customerGroupNumber\":0"))
            #expect(zero.status == 400)
            #expect(zero.json?["errors"]?["customerGroup"]?["customerGroupNumber"]?["errors"]?.items.first?["message"]?.stringValue
                    == "Integer 0 is less than minimum value of 1.")

            let unknown = try await harness.client.send("POST", "/customers", body: Self.minimalCustomer.replacingOccurrences(of: "\"customerGroupNumber\":1", with: "\"customerGroupNumber\":99"))
            #expect(unknown.json?["errors"]?["customerGroup"]?["customerGroupNumber"]?["errors"]?.items.first?["errorCode"]?.stringValue == "E06000")

            let badEnum = try await harness.client.send("POST", "/payment-terms", body: #"{"name":"Netto 60","paymentTermsType":"Net","daysOfCredit":60}"#)
            #expect(badEnum.status == 400)
            #expect(harness.emulator.records(kind: "customer").count == 30)
            #expect(try await harness.client.send("POST", "/customers", body: "not json").status == 400)
        }
    }

    @Test("DELETE is 204, a repeated DELETE 404 E06000, and the number is free again")
    func deleteCustomer() async throws {
        try await Harness.with { harness in
            let created = try await harness.client.send("POST", "/customers", body: Self.minimalCustomer)
            #expect(created.json?["customerNumber"]?.intValue == 1031)
            #expect(try await harness.client.send("DELETE", "/customers/1031").status == 204)
            let again = try await harness.client.send("DELETE", "/customers/1031")
            #expect(again.status == 404)
            #expect(again.json?["errorCode"]?.stringValue == "E06000")
            #expect(try await harness.client.get("/customers/1031").status == 404)
            let reused = try await harness.client.send("POST", "/customers", body: Self.minimalCustomer)
            #expect(reused.json?["customerNumber"]?.intValue == 1031)
        }
    }

    @Test("products are keyed by their number string; contacts live under their customer")
    func productsAndContacts() async throws {
        try await Harness.with { harness in
            let base = "http://127.0.0.1:\(harness.port)"
            let product = try await harness.client.send("POST", "/products", body: #"{"productNumber":"ZZ/TEST 1","name":"Test","salesPrice":100,"productGroup":{"self":"http://x/product-groups/1"},"unit":{"unitNumber":1}}"#)
            #expect(product.status == 201)
            #expect(product.json?["productGroup"]?["productGroupNumber"]?.intValue == 1)
            #expect(product.header("Location") == "\(base)/products/ZZ_6_TEST_9_1", "e-conomic's escaping of product numbers")
            #expect(try await harness.client.get("/products/ZZ_6_TEST_9_1").json?["name"]?.stringValue == "Test")
            #expect(try await harness.client.send("POST", "/products", body: #"{"name":"No number","productGroup":{"productGroupNumber":1}}"#).status == 400)

            let contact = try await harness.client.send("POST", "/customers/1001/contacts", body: #"{"name":"Ny Kontakt","email":"ny@example.dk"}"#)
            #expect(contact.status == 201)
            let number = try #require(contact.json?["customerContactNumber"]?.intValue)
            #expect(contact.json?["self"]?.stringValue == "\(base)/customers/1001/contacts/\(number)")
            #expect(contact.json?["customer"]?["customerNumber"]?.intValue == 1001)
            let list = try #require(try await harness.client.get("/customers/1001/contacts").json)
            #expect(list["collection"]?.items.allSatisfy { $0["customer"]?["customerNumber"]?.intValue == 1001 } == true)
            #expect(list["collection"]?.items.contains { $0["customerContactNumber"]?.intValue == number } == true)
            #expect(try await harness.client.get("/customers/1002/contacts/\(number)").status == 404)
            #expect(try await harness.client.get("/customers/424242/contacts").status == 404)
        }
    }

    @Test("a draft order's amounts are computed from its lines")
    func draftOrder() async throws {
        try await Harness.with { harness in
            let order = """
                {"date":"2026-11-02","currency":"DKK","customer":{"customerNumber":1001},"paymentTerms":{"paymentTermsNumber":1},
                 "layout":{"layoutNumber":19},"recipient":{"name":"Sørensen VVS A/S","vatZone":{"vatZoneNumber":1}},
                 "lines":[{"product":{"productNumber":"10001"},"quantity":2,"unitNetPrice":100.5,"discountPercentage":10},
                          {"product":{"productNumber":"10002"},"quantity":3,"unitNetPrice":20}]}
                """
            let created = try await harness.client.send("POST", "/orders/drafts", body: order)
            #expect(created.status == 201)
            let body = try #require(created.json)
            #expect(body["orderNumber"]?.intValue == 1)
            #expect(body["netAmount"]?.doubleValue == 240.9)
            #expect(body["vatAmount"]?.doubleValue == 60.23)
            #expect(body["grossAmount"]?.doubleValue == 301.13)
            #expect(body["lines"]?.items.first?["totalNetAmount"]?.doubleValue == 180.9)
            #expect(body["dueDate"]?.stringValue == "2026-11-10")
            let missingProduct = order.replacingOccurrences(of: "\"10002\"", with: "\"NOPE\"")
            let refused = try await harness.client.send("POST", "/orders/drafts", body: missingProduct)
            #expect(refused.status == 400)
            #expect(refused.json?["errors"]?["lines"]?.items.first?["arrayIndex"]?.intValue == 1)
            #expect(try await harness.client.get("/orders/drafts").json?["collection"]?.items.count == 1)
        }
    }
}
