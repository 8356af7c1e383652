import EconomicEmulator
import Snapshot
import Testing

/// Orders on their way in e-conomic: drafts, sent and archived, each its own
/// collection, listed and filtered like the others, one number sequence.
@Suite("Orders: drafts, sent, archived")
struct OrderStagesTests {
    static let order = """
        {"date":"2026-11-02","currency":"DKK","customer":{"customerNumber":1001},"paymentTerms":{"paymentTermsNumber":1},
         "layout":{"layoutNumber":19},"recipient":{"name":"Sørensen VVS A/S","vatZone":{"vatZoneNumber":1}},
         "lines":[{"product":{"productNumber":"10001"},"quantity":2,"unitNetPrice":100}]}
        """

    static func numbers(_ result: HTTPResult) -> [Int64] {
        result.json?["collection"]?.items.compactMap { $0["orderNumber"]?.intValue } ?? []
    }

    @Test("a draft sent and another archived move collections keeping their number; GET by number, paging and filters as elsewhere")
    func moves() async throws {
        try await Harness.with { harness in
            for _ in 0..<3 { #expect(try await harness.client.send("POST", "/orders/drafts", body: Self.order).status == 201) }
            #expect(try await harness.client.send("POST", "/_emulator/orders/1/send").status == 204)
            #expect(try await harness.client.send("POST", "/_emulator/orders/2/send").status == 204)
            #expect(try await harness.client.send("POST", "/_emulator/orders/2/archive").status == 204)
            #expect(Self.numbers(try await harness.client.get("/orders/drafts")) == [3])
            #expect(Self.numbers(try await harness.client.get("/orders/sent")) == [1])
            #expect(Self.numbers(try await harness.client.get("/orders/archived")) == [2])
            let sent = try await harness.client.get("/orders/sent/1")
            #expect(sent.status == 200 && sent.json?["self"]?.stringValue?.hasSuffix("/orders/sent/1") == true)
            #expect(sent.json?["netAmount"]?.doubleValue == 200)
            #expect(try await harness.client.get("/orders/drafts/1").status == 404)
            #expect(try await harness.client.get("/orders/sent/2").status == 404)

            let filtered = try await harness.client.get("/orders/sent?filter=orderNumber$in:[1,2,3]&pagesize=1")
            #expect(Self.numbers(filtered) == [1] && filtered.json?["pagination"]?["results"]?.intValue == 1)
            #expect(Self.numbers(try await harness.client.get("/orders/archived?filter=customer.customerNumber$eq:1001")) == [2])
            let paged = try await harness.client.get("/orders/drafts?filter=orderNumber$in:[1,2,3]&skippages=1&pagesize=1")
            #expect(Self.numbers(paged).isEmpty && paged.json?["pagination"]?["results"]?.intValue == 1)
            let archivedStamp = try await harness.client.get("/orders/archived?filter=lastUpdated$gt:2026-01-01")
            #expect(archivedStamp.status == 400, "archived orders' schema flags no lastUpdated filter")
            #expect(archivedStamp.json?["allowedFilteringFields"]?.items.contains(.string("lastUpdated")) == false)
            #expect(try await harness.client.get("/orders/sent?pagesize=1001").status == 400)

            let next = try await harness.client.send("POST", "/orders/drafts", body: Self.order)
            #expect(next.json?["orderNumber"]?.intValue == 4, "drafts, sent and archived orders share one number sequence")
            #expect(try await harness.client.send("DELETE", "/orders/drafts/4").status == 204)
            #expect(try await harness.client.send("DELETE", "/orders/drafts/4").status == 404)
            #expect(try await harness.client.send("PUT", "/orders/drafts/1", body: Self.order).status == 400, "a sent order is no draft")
            #expect(Self.numbers(try await harness.client.get("/orders/sent")) == [1], "the refused PUT made no draft 1")
            #expect(try await harness.client.send("DELETE", "/orders/sent/1").status == 405)
            #expect(try await harness.client.send("POST", "/orders/sent", body: Self.order).status == 405)
        }
    }

    @Test("a move of an order that is not where the move takes it from is refused and changes nothing")
    func badMoves() async throws {
        try await Harness.with { harness in
            #expect(try await harness.client.send("POST", "/orders/drafts", body: Self.order).status == 201)
            let before = harness.emulator.records()
            #expect(try await harness.client.send("POST", "/_emulator/orders/9/send").status == 404)
            #expect(try await harness.client.send("POST", "/_emulator/orders/1/ship").status == 404)
            #expect(try await harness.client.send("POST", "/_emulator/orders/1/archive").status == 204)
            let again = try await harness.client.send("POST", "/_emulator/orders/1/send")
            #expect(again.status == 404 && again.json?["error"]?.stringValue == "No order 1 in orders/drafts to send.")
            #expect(throws: EmulatorError.self) { try harness.emulator.moveOrder(1, .archive) }
            #expect(harness.emulator.records(kind: "archivedOrder").map(\.key) == [.int(1)])
            #expect(harness.emulator.records().count == before.count)
        }
    }
}
