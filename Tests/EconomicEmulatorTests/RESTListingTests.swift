import EconomicEmulator
import Snapshot
import Testing

@Suite("Legacy REST listing, pagination, filters and sort")
struct RESTListingTests {
    @Test("pagination envelope and links follow e-conomic")
    func pagination() async throws {
        try await Harness.with { harness in
            let base = "http://127.0.0.1:\(harness.port)"
            let page = try await harness.client.get("/customers?skippages=1&pagesize=7")
            #expect(page.status == 200)
            let json = try #require(page.json)
            let pagination = try #require(json["pagination"])
            #expect(pagination["results"]?.intValue == 30)
            #expect(pagination["resultsWithoutFilter"]?.intValue == 30)
            #expect(pagination["maxPageSizeAllowed"]?.intValue == 1000)
            #expect(pagination["skipPages"]?.intValue == 1)
            #expect(pagination["pageSize"]?.intValue == 7)
            #expect(pagination["firstPage"]?.stringValue == "\(base)/customers?skippages=0&pagesize=7")
            #expect(pagination["previousPage"]?.stringValue == "\(base)/customers?skippages=0&pagesize=7")
            #expect(pagination["nextPage"]?.stringValue == "\(base)/customers?skippages=2&pagesize=7")
            #expect(pagination["lastPage"]?.stringValue == "\(base)/customers?skippages=4&pagesize=7")
            #expect(json["self"]?.stringValue == "\(base)/customers?skippages=1&pagesize=7")
            let items = json["collection"]?.items ?? []
            #expect(items.count == 7)
            #expect(items.first?["customerNumber"]?.intValue == 1008)
            #expect(items.first?["self"]?.stringValue == "\(base)/customers/1008")
            let group = try #require(harness.emulator.records(kind: "customer")[7].data["customerGroup"]?["customerGroupNumber"]?.intValue)
            #expect(items.first?["customerGroup"]?["self"]?.stringValue == "\(base)/customer-groups/\(group)")

            let first = try #require(try await harness.client.get("/customers").json)
            #expect(first["collection"]?.items.count == 20)
            #expect(first["pagination"]?["previousPage"] == nil)
            let last = try #require(try await harness.client.get("/customers?skippages=4&pagesize=7").json)
            #expect(last["collection"]?.items.count == 2)
            #expect(last["pagination"]?["nextPage"] == nil)
            let past = try await harness.client.get("/customers?skippages=99&pagesize=7")
            #expect(past.status == 200)
            #expect(past.json?["collection"]?.items.isEmpty == true)
            #expect(past.json?["pagination"]?["results"]?.intValue == 30)
        }
    }

    @Test("pagesize outside 1…1000 is 400 E04810")
    func pageSizeLimits() async throws {
        try await Harness.with { harness in
            for size in ["1001", "0", "-3", "abc"] {
                let response = try await harness.client.get("/products?pagesize=\(size)")
                #expect(response.status == 400, "pagesize=\(size)")
                #expect(response.json?["errorCode"]?.stringValue == "E04810")
            }
            #expect(try await harness.client.get("/products?pagesize=1000").json?["collection"]?.items.count == 50)
        }
    }

    func numbers(_ result: HTTPResult, _ field: String = "customerNumber") -> [Int64] {
        (result.json?["collection"]?.items ?? []).compactMap { $0[field]?.intValue }
    }

    func expected(_ harness: Harness, _ kind: String = "customer", where predicate: ([String: JSONValue]) -> Bool) -> [Int64] {
        harness.emulator.records(kind: kind).filter { predicate($0.data) }.compactMap { record in
            if case .int(let number) = record.key { return number }
            return nil
        }
    }

    @Test("filters: operators, nesting, $in, $null:, nested paths, case-insensitive $like")
    func customerFilters() async throws {
        try await Harness.with { harness in
            let like = try await harness.client.get("/customers?pagesize=1000&filter=name%24like%3AVVS")
            let vvs = expected(harness) { $0["name"]?.stringValue?.lowercased().contains("vvs") == true }
            #expect(!vvs.isEmpty)
            #expect(numbers(like) == vvs)
            #expect(like.json?["pagination"]?["results"]?.intValue == Int64(vvs.count))
            #expect(like.json?["pagination"]?["firstPage"]?.stringValue?.hasSuffix("&filter=name%24like%3avvs") == false)
            #expect(like.json?["pagination"]?["firstPage"]?.stringValue?.hasSuffix("&filter=name%24like%3aVVS") == true)

            let group = try await harness.client.get("/customers?pagesize=1000&filter=customerGroup.customerGroupNumber$eq:2")
            #expect(numbers(group) == expected(harness) { $0["customerGroup"]?["customerGroupNumber"]?.intValue == 2 })

            let list = try await harness.client.get("/customers?filter=customerNumber$in:[1001,1003,9999]")
            #expect(numbers(list) == [1001, 1003])
            let notIn = try await harness.client.get("/customers?pagesize=1000&filter=customerNumber$nin:[1001,1003]")
            #expect(numbers(notIn).count == 28)

            let nested = try await harness.client.get("/customers?pagesize=1000&filter=(city$eq:kolding$or:city$eq:AALBORG)$and:customerNumber$gt:1001")
            #expect(numbers(nested) == expected(harness) {
                let city = $0["city"]?.stringValue
                return (city == "Kolding" || city == "Aalborg") && ($0["customerNumber"]?.intValue ?? 0) > 1001
            })
            #expect(!numbers(nested).isEmpty)

            let noEan = try await harness.client.get("/customers?pagesize=1000&filter=ean$eq:$null:")
            #expect(numbers(noEan).count == 30)
            let withEan = try await harness.client.get("/customers?pagesize=1000&filter=ean$ne:$null:")
            #expect(numbers(withEan).isEmpty)

            let star = try await harness.client.get("/customers?pagesize=1000&filter=name$like:*A/S")
            #expect(numbers(star) == expected(harness) { $0["name"]?.stringValue?.hasSuffix("A/S") == true })
        }
    }

    @Test("lastUpdated$gt: takes a date or a timestamp")
    func lastUpdatedFilter() async throws {
        try await Harness.with { harness in
            let byDate = try await harness.client.get("/customers?pagesize=1000&filter=lastUpdated$gt:2026-06-01")
            let expectedNumbers = expected(harness) { ($0["lastUpdated"]?.stringValue ?? "") > "2026-06-01T00:00:00Z" }
            #expect(!expectedNumbers.isEmpty && expectedNumbers.count < 30)
            #expect(numbers(byDate) == expectedNumbers)
            let byTime = try await harness.client.get("/customers?pagesize=1000&filter=lastUpdated$gte:2026-06-01T00:00:00Z")
            #expect(numbers(byTime) == expectedNumbers)
            let products = try await harness.client.get("/products?pagesize=1000&filter=lastUpdated$lt:2026-03-01")
            let productNumbers = (products.json?["collection"]?.items ?? []).compactMap { $0["productNumber"]?.stringValue }
            let expectedProducts = harness.emulator.records(kind: "product")
                .filter { ($0.data["lastUpdated"]?.stringValue ?? "9") < "2026-03-01" }.map(\.key.description)
            #expect(productNumbers == expectedProducts)
        }
    }

    @Test("an unknown filter property is 400 with allowedFilteringFields")
    func unknownFilterProperty() async throws {
        try await Harness.with { harness in
            let response = try await harness.client.get("/customers?filter=bogusProp$eq:1")
            #expect(response.status == 400)
            #expect(response.json?["message"]?.stringValue == "Could not parse query string filter.")
            let allowed = (response.json?["allowedFilteringFields"]?.items ?? []).compactMap(\.stringValue)
            #expect(allowed.contains("customerGroup.customerGroupNumber"))
            #expect(allowed.contains("lastUpdated"))
            #expect(response.json?["errors"]?.items.first?.stringValue == "Filtering is not allowed on property 'bogusProp'.")
            #expect(try await harness.client.get("/customers?filter=name$zz:1").status == 400)
            #expect(try await harness.client.get("/customers?filter=(name$eq:x").status == 400)
        }
    }

    @Test("sort by one or more properties, descending with -")
    func sorting() async throws {
        try await Harness.with { harness in
            let byName = try await harness.client.get("/customers?pagesize=1000&sort=name")
            let names = (byName.json?["collection"]?.items ?? []).compactMap { $0["name"]?.stringValue }
            #expect(names.count == 30)
            #expect(names == names.sorted { $0.lowercased() < $1.lowercased() })
            let descending = try await harness.client.get("/customers?pagesize=1000&sort=-name")
            #expect((descending.json?["collection"]?.items ?? []).compactMap { $0["name"]?.stringValue } == names.reversed())

            let mixed = try await harness.client.get("/customers?pagesize=1000&sort=customerGroup.customerGroupNumber,-customerNumber")
            let pairs: [[Int64]] = (mixed.json?["collection"]?.items ?? []).map { item -> [Int64] in
                [item["customerGroup"]?["customerGroupNumber"]?.intValue ?? 0, item["customerNumber"]?.intValue ?? 0]
            }
            let sortedPairs = pairs.sorted { (a: [Int64], b: [Int64]) -> Bool in a[0] != b[0] ? a[0] < b[0] : a[1] > b[1] }
            #expect(pairs.count == 30)
            #expect(pairs == sortedPairs)

            let prices = try await harness.client.get("/products?pagesize=1000&filter=salesPrice$gte:100&sort=-salesPrice")
            let values = (prices.json?["collection"]?.items ?? []).compactMap { $0["salesPrice"]?.doubleValue }
            #expect(!values.isEmpty && values.allSatisfy { $0 >= 100 })
            #expect(values == values.sorted(by: >))
            #expect(try await harness.client.get("/customers?sort=bogus").status == 400)
        }
    }

    @Test("read-only collections, employees derived from the Projects records, /self")
    func otherResources() async throws {
        try await Harness.with { harness in
            let employee = try #require(try await harness.client.get("/employees/1").json)
            #expect(employee["employeeNumber"]?.intValue == 1)
            #expect(employee["employeeGroup"]?["employeeGroupNumber"]?.intValue == 1)
            #expect(employee["name"]?.stringValue == "Karina Jørgensen")
            #expect(try await harness.client.get("/vat-zones").json?["collection"]?.items.count == 4)
            #expect(try await harness.client.send("POST", "/vat-zones", body: #"{"name":"x"}"#).status == 405)
            #expect(try await harness.client.get("/supplier-groups").status == 200)
            let me = try #require(try await harness.client.get("/self").json)
            #expect(me["agreementNumber"]?.intValue == 1_118_081)
            #expect(me["modules"]?.items.contains { $0["moduleNumber"]?.intValue == 4 && $0["name"]?.stringValue == "Projektstyring" } == true)
            let product = try await harness.client.get("/products/10001")
            #expect(product.json?["productGroup"]?["self"]?.stringValue == "http://127.0.0.1:\(harness.port)/product-groups/3")
            #expect(try await harness.client.get("/customers/4242").json?["errorCode"]?.stringValue == "E06000")
        }
    }
}
