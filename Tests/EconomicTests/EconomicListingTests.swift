import Economic
import TestSupport
import Foundation
import Testing

@Suite("e-conomic client: listing")
struct EconomicListingTests {
    /// A REST collection of `total` customers served in pages, later pages answered sooner.
    static func collection(total: Int) -> ScriptedTransport {
        ScriptedTransport { request in
            let query = URLComponents(string: request.url)!.queryItems ?? []
            let skip = Int(query.first { $0.name == "skippages" }!.value!)!
            let size = Int(query.first { $0.name == "pagesize" }!.value!)!
            try? await Task.sleep(nanoseconds: UInt64(max(0, 6 - skip)) * 2_000_000)
            let numbers = (skip * size..<min(total, (skip + 1) * size)).map { $0 + 1 }
            let items = numbers.map { #"{"customerNumber":\#($0),"name":"Kunde \#($0)"}"# }.joined(separator: ",")
            return .json(200, #"{"collection":[\#(items)],"pagination":{"results":\#(total),"pageSize":\#(size),"skipPages":\#(skip)}}"#)
        }
    }

    @Test("REST pages come in order with one call per page, each with the collection's count", arguments: [(0, 1), (1, 1), (1000, 1), (2500, 3)] as [(Int, Int)])
    func restPages(total: Int, calls: Int) async throws {
        let transport = Self.collection(total: total)
        var seen: [Int] = []
        var counts: [Int?] = []
        let pages = try await client(transport).forEachPage("/customers", module: "customers") { page in
            let decoded = try JSONDecoder().decode(REST.Collection<REST.Customer>.self, from: Data(page.body))
            seen += decoded.collection.compactMap(\.customerNumber)
            counts.append(page.results)
        }
        #expect(pages == calls && transport.sent.count == calls)
        #expect(counts == Array(repeating: total, count: calls))
        #expect(seen == Array(stride(from: 1, through: total, by: 1)))
    }

    @Test("many small pages fetched concurrently still arrive in order, with the filter and sort passed on")
    func concurrentPages() async throws {
        let transport = Self.collection(total: 95)
        var order: [Int] = []
        try await client(transport, pageSize: 10).forEachPage("/customers", filter: EconomicClient.changedSince("2026-11-01T00:00:00Z"),
                                                               sort: "customerNumber", module: "customers") { order.append($0.index) }
        #expect(order == Array(0..<10) && transport.sent.count == 10)
        #expect(transport.sent.allSatisfy { $0.url.contains("filter=lastUpdated%24gt%3A2026-11-01T00%3A00%3A00Z") && $0.url.contains("sort=customerNumber") })
    }

    @Test("Projects API cursors are followed until the last page")
    func cursors() async throws {
        let transport = ScriptedTransport { request in
            let cursor = URLComponents(string: request.url)!.queryItems?.first { $0.name == "cursor" }?.value
            switch cursor {
            case nil: return .json(200, #"{"cursor":"1001","items":[{"number":1,"name":"A"}]}"#)
            case "1001": return .json(200, #"{"cursor":"2001","items":[{"number":1001,"name":"B"}]}"#)
            default: return .json(200, #"{"items":[{"number":2001,"name":"C","isBarred":true}]}"#)
            }
        }
        var names: [String] = []
        let pages = try await client(transport).forEachCursorPage("Projects", module: "projects") { page in
            names += try JSONDecoder().decode(Projects.CursorPage<Projects.Project>.self, from: Data(page.body)).items.compactMap(\.name)
        }
        #expect(pages == 3 && names == ["A", "B", "C"])
        #expect(transport.sent.first?.url == "https://projects.example/projectsapi/v1.1.0/Projects")
    }
}

@Suite("e-conomic models")
struct EconomicModelTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/economic/fixtures/recorded-rest")

    /// Which model each recorded response decodes with.
    static func decode(_ name: String, _ data: Data) throws {
        let decoder = JSONDecoder()
        switch name {
        case "404": _ = try decoder.decode(REST.ErrorBody.self, from: data)
        case "self": _ = try decoder.decode(REST.Agreement.self, from: data)
        case "pagination": _ = try decoder.decode(REST.Pagination.self, from: data)
        case "customer", "create_customer", "update_customer": _ = try decoder.decode(REST.Customer.self, from: data)
        case "customer_contact", "customer_contact_send": _ = try decoder.decode(REST.CustomerContact.self, from: data)
        case "customer_contact_0", "customer_contact_filter", "customer_contacts":
            _ = try decoder.decode(REST.Collection<REST.CustomerContact>.self, from: data)
        case "customer_groups": _ = try decoder.decode(REST.Collection<REST.CustomerGroup>.self, from: data)
        case "department": _ = try decoder.decode(REST.Department.self, from: data)
        case "departments": _ = try decoder.decode(REST.Collection<REST.Department>.self, from: data)
        case "layouts": _ = try decoder.decode(REST.Collection<REST.Layout>.self, from: data)
        case "payment_terms": _ = try decoder.decode(REST.Collection<REST.PaymentTerm>.self, from: data)
        case "payment_type": _ = try decoder.decode(REST.PaymentType.self, from: data)
        case "payment_types": _ = try decoder.decode(REST.Collection<REST.PaymentType>.self, from: data)
        case "product": _ = try decoder.decode(REST.Product.self, from: data)
        case "product_groups": _ = try decoder.decode(REST.Collection<REST.ProductGroup>.self, from: data)
        case "supplier", "create_supplier": _ = try decoder.decode(REST.Supplier.self, from: data)
        case "suppliers": _ = try decoder.decode(REST.Collection<REST.Supplier>.self, from: data)
        case "supplier_group": _ = try decoder.decode(REST.SupplierGroup.self, from: data)
        case "supplier_groups": _ = try decoder.decode(REST.Collection<REST.SupplierGroup>.self, from: data)
        case "vat_zones": _ = try decoder.decode(REST.Collection<REST.VatZone>.self, from: data)
        case "vat_types": _ = try decoder.decode(REST.Collection<REST.VatType>.self, from: data)
        case "invoice_delete": _ = try decoder.decode(REST.DeleteResult.self, from: data)
        case "orders_archived", "orders_drafts", "orders_sent", "invoices_0":
            _ = try decoder.decode(REST.Collection<REST.SalesDocument>.self, from: data)
        case let name where name.hasPrefix("orders_") || name.contains("invoice"):
            _ = try decoder.decode(REST.SalesDocument.self, from: data)
        case "accounting_years", "filtered_accounting_years", "journals_0", "pricings", "departmental_distributions",
             "departmental_distributions_multiple_departments", "departmental_distributions_single_department":
            _ = try decoder.decode(REST.Collection<REST.Document>.self, from: data)
        default: _ = try decoder.decode(REST.Document.self, from: data)
        }
    }

    @Test("every recorded e-conomic response (but the corrupted units.json) decodes with the client's models")
    func recordedResponses() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count == 56)
        for file in files where file != "units.json" {
            let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(file))
            #expect(throws: Never.self, "\(file)") { try Self.decode(String(file.dropLast(5)), data) }
        }
    }

    @Test("models keep e-conomic's values: amounts exact, booleans absent as nil, no nulls written")
    func values() throws {
        let product = try JSONDecoder().decode(REST.Product.self, from: Data(#"{"productNumber":"P-1","name":"Rør","salesPrice":100.000000,"costPrice":0.10,"productGroup":{"productGroupNumber":1,"self":"x"}}"#.utf8))
        #expect(product.salesPrice == Decimal(100) && product.costPrice == Decimal(string: "0.1") && product.barred == nil)
        #expect(product.productGroup?.number == 1)
        let encoded = String(decoding: try JSONEncoder().encode(REST.Product(productNumber: "P-2", name: "Ventil", productGroup: 3)), as: UTF8.self)
        #expect(!encoded.contains("null") && encoded.contains(#""productGroup":{"productGroupNumber":3}"#))
        let entry = String(decoding: try JSONEncoder().encode(Projects.TimeEntry(projectNumber: 4, activityNumber: 1, employeeNumber: 7,
                                                                                date: "2026-11-02T00:00:00", text: nil, numberOfHours: 7.5)), as: UTF8.self)
        #expect(!entry.contains("null") && !entry.contains("text"))
    }
}
