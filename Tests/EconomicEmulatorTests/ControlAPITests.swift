import EconomicEmulator
import Snapshot
import Testing

@Suite("Control API and faults")
struct ControlAPITests {
    @Test("a control edit shows in the next GET with a newer lastUpdated")
    func controlEdit() async throws {
        try await Harness.with { harness in
            let before = try #require(try await harness.client.get("/customers/1002").json)
            let oldStamp = try #require(before["lastUpdated"]?.stringValue)
            harness.clock.advance(by: 3600)
            var data = harness.emulator.records(kind: "customer").first { $0.key == .int(1002) }!.data
            data["name"] = .string("Jakobsen El & Søn A/S")
            let edit = try await harness.client.send("PUT", "/_emulator/records/customer/1002", json: .object(data), headers: ["X-AppSecretToken": "", "X-AgreementGrantToken": ""])
            #expect(edit.status == 200)
            let after = try #require(try await harness.client.get("/customers/1002").json)
            #expect(after["name"]?.stringValue == "Jakobsen El & Søn A/S")
            let newStamp = try #require(after["lastUpdated"]?.stringValue)
            #expect(newStamp == "2026-11-02T09:00:00Z")
            #expect(newStamp > oldStamp)
            let changed = try await harness.client.get("/customers?filter=lastUpdated$gt:2026-11-02T08:30:00Z")
            #expect(changed.json?["collection"]?.items.compactMap { $0["customerNumber"]?.intValue } == [1002])

            let state = try #require(try await harness.client.get("/_emulator/state").json)
            #expect(state["counts"]?["customer"]?.intValue == 30)
            #expect(state["counts"]?["product"]?.intValue == 50)
            #expect(state["requests"]?.intValue == 3)
            let records = try #require(try await harness.client.get("/_emulator/records?kind=unit").json)
            #expect(records["records"]?.items.count == 3)
            #expect(try await harness.client.send("DELETE", "/_emulator/records/customer/1003").status == 204)
            #expect(try await harness.client.get("/customers/1003").status == 404)
            let product = try await harness.client.send("PUT", "/_emulator/records/product/P-NEW", body: #"{"productNumber":"P-NEW","name":"Ny vare","productGroup":{"productGroupNumber":1}}"#)
            #expect(product.status == 201)
            #expect(try await harness.client.get("/products/P-NEW").json?["lastUpdated"]?.stringValue == "2026-11-02T09:00:00Z")
        }
    }

    func outcomes(_ harness: Harness, count: Int) async throws -> [String] {
        var result: [String] = []
        for _ in 0..<count {
            do {
                let response = try await harness.client.get("/units")
                result.append(String(response.status))
            } catch HTTPTestClient.Failure.noResponse {
                result.append("drop")
            }
        }
        return result
    }

    @Test("faults are reproducible for a given seed: 5xx, dropped connections, 429 bursts")
    func reproducibleFaults() async throws {
        try await Harness.with { harness in
            let settings = #"{"seed":42,"errorRate":0.2,"dropRate":0.15,"throttleBurst":3,"throttleRate":0.1}"#
            #expect(try await harness.client.send("POST", "/_emulator/faults", body: settings).status == 200)
            let first = try await outcomes(harness, count: 40)
            #expect(try await harness.client.send("DELETE", "/_emulator/faults").status == 204)
            #expect(try await outcomes(harness, count: 5) == Array(repeating: "200", count: 5))
            #expect(try await harness.client.send("POST", "/_emulator/faults", body: settings).status == 200)
            let second = try await outcomes(harness, count: 40)
            #expect(first == second)
            #expect(first.contains("drop"))
            #expect(first.contains { ["500", "502", "503"].contains($0) })
            #expect(first.contains("429"))
            #expect(first.contains("200"))
            let other = settings.replacingOccurrences(of: "42", with: "43")
            #expect(try await harness.client.send("POST", "/_emulator/faults", body: other).status == 200)
            #expect(try await outcomes(harness, count: 40) != first)
            #expect(try await harness.client.send("POST", "/_emulator/faults", body: #"{"errorRate":2}"#).status == 400)
        }
    }
}
