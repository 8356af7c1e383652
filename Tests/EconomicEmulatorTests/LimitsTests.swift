import EconomicEmulator
import Foundation
import Snapshot
import TestSupport
import Testing

@Suite("Idempotency, rate limiting and gzip")
struct LimitsTests {
    @Test("a replayed Idempotency-Key returns the cached response and creates nothing twice")
    func idempotencyReplay() async throws {
        try await Harness.with { harness in
            let headers = ["Idempotency-Key": "push-42"]
            let first = try await harness.client.send("POST", "/customers", body: RESTWriteTests.minimalCustomer, headers: headers)
            #expect(first.status == 201)
            #expect(first.header("X-ResultFromCache") == nil)
            harness.clock.advance(by: 1800)
            let second = try await harness.client.send("POST", "/customers", body: RESTWriteTests.minimalCustomer, headers: headers)
            #expect(second.status == 201)
            #expect(second.header("X-ResultFromCache") == "true")
            #expect(second.body == first.body)
            #expect(second.header("Location") == first.header("Location"))
            #expect(harness.emulator.records(kind: "customer").count == 31)

            let deleteHeaders = ["Idempotency-Key": "delete-1031"]
            #expect(try await harness.client.send("DELETE", "/customers/1031", headers: deleteHeaders).status == 204)
            let replayedDelete = try await harness.client.send("DELETE", "/customers/1031", headers: deleteHeaders)
            #expect(replayedDelete.status == 204)
            #expect(replayedDelete.header("X-ResultFromCache") == "true")

            harness.clock.advance(by: 1801)
            let expired = try await harness.client.send("POST", "/customers", body: RESTWriteTests.minimalCustomer, headers: headers)
            #expect(expired.status == 201)
            #expect(expired.header("X-ResultFromCache") == nil)
            #expect(harness.emulator.records(kind: "customer").count == 31)
            #expect(try await harness.client.send("POST", "/customers", body: RESTWriteTests.minimalCustomer).status == 201)
            #expect(harness.emulator.records(kind: "customer").count == 32)
        }
    }

    @Test("an Idempotency-Key replays only for the same method and path; reused elsewhere it runs as a new call")
    func idempotencyScope() async throws {
        try await Harness.with { harness in
            let key = ["Idempotency-Key": "reused"]
            let created = try await harness.client.send("POST", "/customers", body: RESTWriteTests.minimalCustomer, headers: key)
            #expect(created.status == 201 && created.json?["customerNumber"]?.intValue == 1031)

            let unit = try await harness.client.send("POST", "/units", body: #"{"name":"kasse"}"#, headers: key)
            #expect(unit.status == 201 && unit.header("X-ResultFromCache") == nil, "another path: executed, not the customer's answer")
            #expect(unit.json?["unitNumber"] != nil && unit.json?["customerNumber"] == nil)

            let deleted = try await harness.client.send("DELETE", "/customers/1031", headers: key)
            #expect(deleted.status == 204 && deleted.header("X-ResultFromCache") == nil, "another method: executed")
            #expect(try await harness.client.get("/customers/1031").status == 404)

            let deletedAgain = try await harness.client.send("DELETE", "/customers/1031", headers: key)
            #expect(deletedAgain.status == 204 && deletedAgain.header("X-ResultFromCache") == "true", "its own entry replays")
            let posted = try await harness.client.send("POST", "/customers", body: RESTWriteTests.minimalCustomer, headers: key)
            #expect(posted.header("X-ResultFromCache") == "true" && posted.body == created.body)
            #expect(harness.emulator.records(kind: "customer").count == 30, "the replayed POST created nothing")
        }
    }

    @Test("an empty token bucket answers 429 with Retry-After until it refills")
    func rateLimit() async throws {
        try await Harness.with(configure: { $0.rateLimit = 3; $0.rateWindow = 60 }) { harness in
            for used in 1...3 {
                let response = try await harness.client.get("/units/1")
                #expect(response.status == 200)
                #expect(response.header("X-CallCost") == "1")
                #expect(response.header("X-RateLimiting") == "token-limit-3-per-60-seconds: \(used)/3")
            }
            let limited = try await harness.client.get("/units/1")
            #expect(limited.status == 429)
            let retry = try #require(limited.header("Retry-After").flatMap(Int.init))
            #expect(retry >= 1 && retry <= 21)
            let projects = try await harness.client.get("/projectsapi/v1.1.0/Projects")
            #expect(projects.status == 429)
            #expect(projects.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            harness.clock.advance(by: 20)
            #expect(try await harness.client.get("/units/1").status == 200)
            #expect(try await harness.client.get("/units/1").status == 429)
            harness.clock.advance(by: 60)
            #expect(try await harness.client.get("/units/1").status == 200)
        }
    }

    @Test("Accept-Encoding: gzip gives a gzip body that decodes to the same JSON")
    func gzip() async throws {
        try await Harness.with { harness in
            let plain = try await harness.client.get("/products?pagesize=1000")
            #expect(plain.header("Content-Encoding") == nil)
            let compressed = try await harness.client.get("/products?pagesize=1000", headers: ["Accept-Encoding": "gzip, deflate"])
            #expect(compressed.status == 200)
            #expect(compressed.header("Content-Encoding") == "gzip")
            #expect(compressed.body.count < plain.body.count / 2)
            #expect(Array(compressed.body.prefix(2)) == [0x1F, 0x8B])

            let directory = try TemporaryDirectory()
            let file = directory.path("body.gz")
            try Data(compressed.body).write(to: URL(fileURLWithPath: file))
            let reader = try GzipReader(path: file)
            var inflated: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
                if count == 0 { break }
                inflated += buffer[0..<count]
            }
            #expect(try CanonicalJSON.parse(inflated) == plain.json)
            #expect(try await harness.client.get("/units", headers: ["Accept-Encoding": "gzip;q=0"]).header("Content-Encoding") == nil)
        }
    }
}
