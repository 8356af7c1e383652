import Economic
import TestSupport
import Testing

@Suite("Filters: e-conomic's escaping of values")
struct EconomicFilterTests {
    @Test("$ ( ) * , are escaped with a $", arguments: [("$", "$$"), ("(", "$("), (")", "$)"), ("*", "$*"), (",", "$,")])
    func escapes(character: String, escaped: String) {
        #expect(EconomicFilter.escape(character) == escaped)
        #expect(EconomicFilter.equals("name", "a\(character)b").text == "name$eq:a\(escaped)b")
    }

    @Test("brackets and everything else are left as they are")
    func leftAlone() {
        #expect(EconomicFilter.escape("[VVS] 1/2 æøå:_.%#+&?") == "[VVS] 1/2 æøå:_.%#+&?")
        #expect(EconomicFilter.escape("") == "")
    }

    @Test("a project named Byg (Nord) $2, a doubled $, and clauses joined with $and:")
    func clauses() {
        #expect(EconomicFilter.equals("name", "Byg (Nord) $2").text == "name$eq:Byg $(Nord$) $$2")
        #expect(EconomicFilter.equals("name", "$$and:x").text == "name$eq:$$$$and:x", "a value cannot end the clause early")
        let filter = EconomicFilter.equals("customer.customerNumber", "7").and(.equals("date", "2026-11-02"))
        #expect(filter.text == "customer.customerNumber$eq:7$and:date$eq:2026-11-02")
        #expect(EconomicFilter("lastUpdated", .greaterThanOrEqual, "2026-01-02T03:04:05Z").description == "lastUpdated$gte:2026-01-02T03:04:05Z")
        #expect(EconomicFilter.Operator.allCases.map(\.rawValue) == ["$eq:", "$ne:", "$gt:", "$gte:", "$lt:", "$lte:"])
    }

    @Test("the client sends the filter percent-encoded in the query")
    func onTheWire() async throws {
        let transport = ScriptedTransport([.respond(.json(200, #"{"collection":[],"pagination":{"results":0}}"#))])
        try await client(transport).forEachPage("/customers", filter: .equals("name", "Byg (Nord) $2"), module: "customers") { _ in }
        #expect(transport.sent.first?.url.hasSuffix("&filter=name%24eq%3AByg%20%24%28Nord%24%29%20%24%242") == true)
    }
}
