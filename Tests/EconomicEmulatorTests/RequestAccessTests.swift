import EconomicEmulator
import Snapshot
import Testing

@Suite("Install flow (requestaccess.aspx)")
struct RequestAccessTests {
    @Test("a known app is redirected with a new grant token that then authenticates")
    func redirectWithToken() async throws {
        try await Harness.with { harness in
            let anonymous = harness.client.with(["X-AppSecretToken": nil, "X-AgreementGrantToken": nil])
            let path = "/secure/api1/requestaccess.aspx?appPublicToken=emulator-app-public&redirectUrl=http%3A%2F%2Flocalhost%3A9%2Fcallback%3Fstate%3Dx&locale=da-DK"
            let redirect = try await anonymous.get(path)
            #expect(redirect.status == 302)
            let location = try #require(redirect.header("Location"))
            #expect(location.hasPrefix("http://localhost:9/callback?state=x&token="))
            let token = String(location.split(separator: "=").last ?? "")
            #expect(token.count == 43)

            let withGrant = harness.client.with(["X-AgreementGrantToken": token])
            #expect(try await withGrant.get("/customers/1001").status == 200)
            #expect(try await withGrant.get("/projectsapi/v1.1.0/Projects/1").status == 200)
            let second = try #require(try await anonymous.get(path).header("Location"))
            #expect(second != location)

            #expect(try await anonymous.get("/secure/api1/requestaccess.aspx?appPublicToken=unknown&redirectUrl=http%3A%2F%2Flocalhost%2F").status == 400)
            let shown = try await anonymous.get("/secure/api1/requestaccess.aspx?appId=emulator-app-public")
            #expect(shown.status == 200)
            #expect(shown.text.contains("<code>"))
            #expect(try await harness.client.with(["X-AgreementGrantToken": "guessed"]).get("/customers").status == 401)
        }
    }
}
