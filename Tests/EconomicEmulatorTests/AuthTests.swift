import EconomicEmulator
import Snapshot
import Testing

@Suite("Authentication")
struct AuthTests {
    @Test("missing or wrong tokens are 401 in each family's error shape")
    func missingAndWrongTokens() async throws {
        try await Harness.with { harness in
            let anonymous = harness.client.with(["X-AppSecretToken": nil, "X-AgreementGrantToken": nil])
            let rest = try await anonymous.get("/customers")
            #expect(rest.status == 401)
            #expect(rest.json?["httpStatusCode"]?.intValue == 401)
            #expect(rest.json?["logId"]?.stringValue?.hasSuffix("-CPH") == true)
            #expect(rest.header("X-CallCost") == "1")

            let projects = try await anonymous.get("/projectsapi/v1.1.0/Projects")
            #expect(projects.status == 401)
            #expect(projects.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect(projects.json?["status"]?.intValue == 401)

            let onlySecret = harness.client.with(["X-AgreementGrantToken": nil])
            #expect(try await onlySecret.get("/customers").status == 401)
            let wrongSecret = harness.client.with(["X-AppSecretToken": "not-our-app"])
            #expect(try await wrongSecret.get("/customers").status == 401)
            let wrongGrant = harness.client.with(["X-AgreementGrantToken": "not-a-grant"])
            #expect(try await wrongGrant.get("/customers").status == 401)
            #expect(try await harness.client.get("/customers").status == 200)
        }
    }

    @Test("demo/demo reads but writes are 403")
    func demoIsReadOnly() async throws {
        try await Harness.with { harness in
            let demo = harness.client.with(["X-AppSecretToken": "demo", "X-AgreementGrantToken": "demo"])
            #expect(try await demo.get("/units").status == 200)
            #expect(try await demo.get("/projectsapi/v1.1.0/Projects").status == 200)
            let write = try await demo.send("POST", "/units", body: #"{"name":"kasse"}"#)
            #expect(write.status == 403)
            #expect(write.json?["httpStatusCode"]?.intValue == 403)
            let projectWrite = try await demo.send("POST", "/projectsapi/v1.1.0/ProjectGroups", body: #"{"name":"X","type":1}"#)
            #expect(projectWrite.status == 403)
            #expect(projectWrite.header("Content-Type")?.hasPrefix("application/problem+json") == true)
            #expect(harness.emulator.records(kind: "unit").count == 3)
            let queryDemo = harness.client.with(["X-AppSecretToken": nil, "X-AgreementGrantToken": nil])
            #expect(try await queryDemo.get("/units?demo=true").status == 200)
        }
    }

    @Test("a revoked grant is 401 from then on")
    func revokedGrant() async throws {
        try await Harness.with { harness in
            #expect(try await harness.client.get("/customers/1001").status == 200)
            let revoke = try await harness.client.send("POST", "/_emulator/grants/emulator-grant/revoke")
            #expect(revoke.status == 204)
            let after = try await harness.client.get("/customers/1001")
            #expect(after.status == 401)
            #expect(after.json?["message"]?.stringValue?.contains("revoked") == true)
            let projects = try await harness.client.get("/projectsapi/v1.1.0/Projects/1")
            #expect(projects.status == 401)
            #expect(projects.json?["errorCode"]?.stringValue == "Unauthorized")
        }
    }
}
