import EconomicEmulator
import Foundation
import Snapshot
import Testing

/// Bodies that are not what e-conomic takes get e-conomic's answer in the
/// right API family's shape, and the emulator goes on serving.
@Suite("Bad request bodies")
struct BadInputTests {
    static let api = "/projectsapi/v1.1.0"

    @Test("malformed JSON, JSON nested too deep and a non-object body are 400, and nothing is written", arguments: [
        #"{"name":"#, "{\"name\":\"x\",}", String(repeating: "[", count: 100_000), "[1,2]", "\"just text\"",
    ])
    func malformed(body: String) async throws {
        try await Harness.with { harness in
            let customers = harness.emulator.records(kind: "customer").count
            let rest = try await harness.client.send("POST", "/customers", body: body)
            #expect(rest.status == 400)
            #expect(rest.json?["errorCode"]?.stringValue == "E00300")
            #expect(rest.json?["httpStatusCode"]?.intValue == 400)
            let projects = harness.emulator.records(kind: "project").count
            let problem = try await harness.client.send("POST", "\(Self.api)/Projects", body: body)
            #expect(problem.status == 400)
            #expect(problem.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect(problem.json?["errorCode"]?.stringValue == "InvalidJson")
            #expect(harness.emulator.records(kind: "customer").count == customers)
            #expect(harness.emulator.records(kind: "project").count == projects)
        }
    }

    @Test("a text/plain body is 415 in each family's shape; application/json with a charset and +json types pass")
    func wrongContentType() async throws {
        try await Harness.with { harness in
            let before = try await harness.client.get("/customers?pagesize=1000").json
            let rest = try await harness.client.send("POST", "/customers", body: RESTWriteTests.minimalCustomer, headers: ["Content-Type": "text/plain"])
            #expect(rest.status == 415)
            #expect(rest.json?["httpStatusCode"]?.intValue == 415)
            #expect(rest.json?["message"]?.stringValue == "Unsupported media type.")
            #expect(try await harness.client.get("/customers?pagesize=1000").json == before)

            let projects = try await harness.client.send("POST", "\(Self.api)/ProjectGroups", body: #"{"name":"X","type":1}"#,
                                                         headers: ["Content-Type": "text/plain; charset=utf-8"])
            #expect(projects.status == 415)
            #expect(projects.json?["errorCode"]?.stringValue == "UnsupportedMediaType")
            #expect(projects.header("Content-Type")?.hasPrefix("application/problem+json") == true)

            let charset = try await harness.client.send("POST", "/units", body: #"{"name":"kasse"}"#, headers: ["Content-Type": "application/json; charset=utf-8"])
            #expect(charset.status == 201)
            let vendor = try await harness.client.send("POST", "/units", body: #"{"name":"palle"}"#, headers: ["Content-Type": "application/vnd.api+json"])
            #expect(vendor.status == 201)
        }
    }

    @Test("a body said to be gzip that is not is 400 in each family's shape, not a plain-text answer")
    func notGzip() async throws {
        try await Harness.with { harness in
            let rest = try await harness.client.send("POST", "/units", body: #"{"name":"kasse"}"#, headers: ["Content-Encoding": "gzip"])
            #expect(rest.status == 400)
            #expect(rest.json?["errorCode"]?.stringValue == "E00300")
            let projects = try await harness.client.send("POST", "\(Self.api)/ProjectGroups", body: #"{"name":"X","type":1}"#, headers: ["Content-Encoding": "gzip"])
            #expect(projects.status == 400)
            #expect(projects.json?["errorCode"]?.stringValue == "InvalidJson")
        }
    }

    @Test("a 10 MB body is 413 in each family's shape, nothing is written, and the emulator answers the next request")
    func tooLarge() async throws {
        try await Harness.with { harness in
            let padding = String(repeating: "x", count: 10 * 1024 * 1024)
            let body = "{\"name\":\"\(padding)\",\"currency\":\"DKK\"}"
            let customers = harness.emulator.records(kind: "customer").count
            let rest = try await harness.client.send("POST", "/customers", body: body)
            #expect(rest.status == 413)
            #expect(rest.json?["httpStatusCode"]?.intValue == 413)
            #expect(rest.json?["message"]?.stringValue == "Request entity too large.")
            let projects = try await harness.client.send("POST", "\(Self.api)/Projects", body: body)
            #expect(projects.status == 413)
            #expect(projects.json?["errorCode"]?.stringValue == "PayloadTooLarge")
            #expect(harness.emulator.records(kind: "customer").count == customers)
            #expect(try await harness.client.get("/customers/1001").status == 200)
            let justBelow = "{\"name\":\"\(String(repeating: "x", count: 4 * 1024 * 1024 - 100))\"}"
            let allowed = try await harness.client.send("POST", "/units", body: justBelow)
            #expect(allowed.status == 400)
            #expect(allowed.json?["errors"]?["name"]?["errors"]?.items.first?["errorCode"]?.stringValue == "E04200")
        }
    }
}
