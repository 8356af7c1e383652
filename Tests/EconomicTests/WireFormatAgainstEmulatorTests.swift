import Economic
import EconomicWire
import Foundation
import Snapshot
import Sync
import Testing

/// Product paths and filter values as e-conomic expects them, through the
/// production client and the emulator over loopback.
@Suite("Wire format against the emulator: product paths and filter escapes")
struct WireFormatAgainstEmulatorTests {
    typealias Session = ClientAgainstEmulatorTests.Session

    static let products = EconomicKind.all.first { $0.kind == .product }!

    static func json(_ body: [UInt8]) throws -> JSONValue { try CanonicalJSON.parse(body) }

    /// The array under `key` in a page's body (`collection`, `items`).
    static func items(_ page: EconomicClient.Page, _ key: String) throws -> [JSONValue] {
        guard case .array(let items)? = try json(page.body)[key] else { return [] }
        return items
    }

    @Test("a product numbered with space _ : / . % # + is created, read and replaced at its escaped path; its self link matches",
          arguments: ["VVS 1/2_x:y.z%#+", "Rør 3.5 mm", "_8_", "100%"])
    func oddProductNumber(number: String) async throws {
        try await Session.with { session in
            let base = session.client.configuration.restBaseURL
            let path = Self.products.recordPath(number)
            #expect(path == "/products/" + ProductNumberEncoding.encode(number))
            let body = JSONValue.object(["productNumber": .string(number), "name": .string("Ventil"),
                                         "productGroup": .object(["productGroupNumber": .int(1)])])
            let created = try await session.client.send(.post, .rest, "/products", body: Array(CanonicalJSON.string(body).utf8), module: "products")
            #expect(created.status == 201 && created.location == base + path)

            let read = try Self.json(try await session.client.send(.get, .rest, path, module: "products").body)
            #expect(read["productNumber"]?.stringValue == number)
            #expect(read["self"]?.stringValue == base + path)

            guard case .object(var record) = read else { Issue.record("not an object"); return }
            record["name"] = .string("Ventil, ny")
            record.removeValue(forKey: "self")
            let replaced = try await session.client.send(.put, .rest, path, body: Array(CanonicalJSON.string(.object(record)).utf8), module: "products")
            #expect(replaced.status == 200, "replaced, not created under another key")
            let stored = session.emulator.records(kind: "product").filter { $0.key == .string(number) }
            #expect(stored.count == 1 && stored.first?.data["name"]?.stringValue == "Ventil, ny")

            var listed: [JSONValue] = []
            try await session.client.forEachPage("/products", filter: .equals("productNumber", number), module: "products") { page in
                listed += try Self.items(page, "collection")
            }
            #expect(listed.count == 1 && listed.first?["self"]?.stringValue == base + path)
        }
    }

    @Test("the emulator is as strict as e-conomic: a product path not in its escaping is not found")
    func strictPaths() async throws {
        try await Session.with { session in
            let body = #"{"productNumber":"A 1.5","name":"Ventil","productGroup":{"productGroupNumber":1}}"#
            _ = try await session.client.send(.post, .rest, "/products", body: Array(body.utf8), module: "products")
            #expect(try await session.client.send(.get, .rest, "/products/A_9_1_11_5", module: "products").status == 200)
            for wrong in ["/products/A%201.5", "/products/A%201%2E5", "/products/A_9_1_11_5_", "/products/A_9_1_14_5", "/products/A_09_1_11_5"] {
                let error = try await #require(throws: EconomicError.self, "\(wrong)") {
                    try await session.client.send(.get, .rest, wrong, module: "products")
                }
                #expect(error.code == .notFound, "\(wrong)")
            }
        }
    }

    @Test("filter lookups find a project named Byg (Nord) $2 and a customer named with * , ( and [ ]; unescaped values are refused")
    func filterLookups() async throws {
        try await Session.with { session in
            let name = "Byg (Nord) $2"
            let project = #"{"name":"Byg (Nord) $2","projectGroupNumber":1}"#
            _ = try await session.client.send(.post, .projects, "/Projects", body: Array(project.utf8), module: "projects")
            _ = try await session.client.send(.post, .projects, "/Projects", body: Array(#"{"name":"Byg (Nord) 2","projectGroupNumber":1}"#.utf8),
                                              module: "projects")
            var found: [JSONValue] = []
            try await session.client.forEachCursorPage("Projects", filter: .equals("name", name), module: "projects") { page in
                found += try Self.items(page, "items")
            }
            #expect(found.compactMap { $0["name"]?.stringValue } == [name])

            for odd in ["Hansen * Co, [Nord] (VVS)", "A$$B)"] {
                let customer = REST.Customer(name: odd, customerGroup: 1, paymentTerms: 1, vatZone: 1)
                _ = try await session.client.send(.post, .rest, "/customers", body: Array(try JSONEncoder().encode(customer)), module: "customers")
                var names: [String] = []
                try await session.client.forEachPage("/customers", filter: .equals("name", odd), module: "customers") { page in
                    names += try Self.items(page, "collection").compactMap { $0["name"]?.stringValue }
                }
                #expect(names == [odd])
            }

            for unescaped in ["name$eq:Byg (Nord) $2", "name$eq:A)"] {
                let error = try await #require(throws: EconomicError.self, "\(unescaped)") {
                    try await session.client.send(.get, .rest, "/customers", query: [("filter", unescaped)], module: "customers")
                }
                #expect(error.code == .validation, "\(unescaped)")
            }
            // e-conomic takes the documented bracket escapes but matches nothing with them (REFERENCE §2.3, S5).
            let bracketed = try await session.client.send(.get, .rest, "/customers", query: [("filter", "name$eq:$[Nord$]")], module: "customers")
            guard case .array(let matched)? = try Self.json(bracketed.body)["collection"] else {
                Issue.record("no collection in \(bracketed)")
                return
            }
            #expect(bracketed.status == 200 && matched.isEmpty)
        }
    }
}
