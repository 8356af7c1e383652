import EconomicEmulator
import Foundation
import Snapshot
import Testing

/// The emulator's side of e-conomic's product path escaping and filter
/// escapes, checked with hand-written URLs (not the client's encoder).
@Suite("Legacy REST: product numbers in paths and escaped filter values")
struct ProductPathTests {
    static let product = #"{"productNumber":"A 1/2_b.c%#+:","name":"Ventil","productGroup":{"productGroupNumber":1}}"#
    static let segment = "A_9_1_6_2_8_b_11_c_3__12__13__4_"

    @Test("the self link, Location and reference links write the number _N_-escaped; GET and PUT read it back")
    func escapedPaths() async throws {
        try await Harness.with { harness in
            let link = "http://127.0.0.1:\(harness.port)/products/\(Self.segment)"
            let created = try await harness.client.send("POST", "/products", body: Self.product)
            #expect(created.status == 201 && created.header("Location") == link && created.json?["self"]?.stringValue == link)
            let fetched = try await harness.client.get("/products/\(Self.segment)")
            #expect(fetched.status == 200 && fetched.json?["productNumber"]?.stringValue == "A 1/2_b.c%#+:")
            let encoded = try await harness.client.get("/products/A%5F9%5F1_6_2_8_b_11_c_3__12__13__4_")
            #expect(encoded.status == 200, "percent-encoding over the escapes is undone first, as an HTTP server does")
            let replaced = try await harness.client.send("PUT", "/products/\(Self.segment)", body: Self.product.replacingOccurrences(of: "Ventil", with: "Ny"))
            #expect(replaced.status == 200 && replaced.json?["name"]?.stringValue == "Ny")
            #expect(harness.emulator.records(kind: "product").count { $0.key == .string("A 1/2_b.c%#+:") } == 1)
            let listed = try await harness.client.get("/products?pagesize=1000&filter=productNumber$eq:A%201/2_b.c%25%23%2B:")
            #expect(listed.json?["collection"]?.items.map { $0["self"]?.stringValue } == [link])
        }
    }

    @Test("a path not in e-conomic's escaping is 404, never another product",
          arguments: ["A%201%2F2_8_b_11_c_3__12__13__4_", "A_9_1_6_2_8_b.c_3__12__13__4_", "A_9_1_6_2_8_b_11_c_3__12__13__4",
                      "A_9_1_6_2_8_b_11_c_3__12__13__14_", "A_09_1_6_2_8_b_11_c_3__12__13__4_", "A_9_1_6_2_8_b_11_c_3__12__13__4__"])
    func strictPaths(path: String) async throws {
        try await Harness.with { harness in
            _ = try await harness.client.send("POST", "/products", body: Self.product)
            #expect(try await harness.client.get("/products/\(path)").status == 404)
            #expect(try await harness.client.send("PUT", "/products/\(path)", body: Self.product).status == 404)
        }
    }

    /// The names of the customers `filter` (as it stands in the URL) selects; nil when it is refused.
    static func names(_ harness: Harness, _ filter: String) async throws -> [String]? {
        let response = try await harness.client.get("/customers?pagesize=1000&filter=\(filter)")
        guard response.status == 200 else { return nil }
        return response.json?["collection"]?.items.compactMap { $0["name"]?.stringValue }
    }

    @Test("filter values unescape $$ $( $) $* $, and take brackets as they are; an unescaped $ or ), or an escaped bracket, is 400")
    func filterEscapes() async throws {
        try await Harness.with { harness in
            for name in ["Byg (Nord) $2", "A*B, [C]"] {
                let body = RESTWriteTests.minimalCustomer.replacingOccurrences(of: "Mr. Anderson", with: name)
                let created = try await harness.client.send("POST", "/customers", body: body)
                #expect(created.status == 201)
            }
            #expect(try await Self.names(harness, "name$eq:Byg%20$(Nord$)%20$$2") == ["Byg (Nord) $2"])
            #expect(try await Self.names(harness, "name$eq:A$*B$,%20[C]") == ["A*B, [C]"])
            #expect(try await Self.names(harness, "name$like:$*B$,") == ["A*B, [C]"], "an escaped * is no wildcard")
            #expect(try await Self.names(harness, "(name$eq:Byg%20$(Nord$)%20$$2$or:name$eq:x)") == ["Byg (Nord) $2"])
            for refused in ["name$eq:Byg%20(Nord)%20$2", "name$eq:A)", "name$eq:A*B,%20$[C$]", "name$eq:$"] {
                let response = try await harness.client.get("/customers?filter=\(refused)")
                #expect(response.status == 400, "\(refused)")
            }
        }
    }
}
