import Economic
import Foundation
import Snapshot
import Testing

/// The panel's "Forbindelse": reconnect through e-conomic's grant page (the
/// emulator's) back to the panel, and disconnect, from a real `econsync serve`.
@Suite("econsync serve: Forbindelse, reconnect and disconnect")
struct ServeConnectionTests {
    static func send(_ method: String, _ url: String, form: String? = nil, origin: String? = nil) async throws -> HTTPResponse {
        var headers: [(String, String)] = form == nil ? [] : [("Content-Type", "application/x-www-form-urlencoded")]
        if let origin { headers.append(("Origin", origin)) }
        return try await CurlTransport().send(HTTPRequest(method: method, url: url, headers: headers, body: form.map { Array($0.utf8) }))
    }

    /// The connection given the app's public token and e-conomic's grant page
    /// (as `connect` keeps them), then its grant revoked in e-conomic: the next
    /// sync stops with "Token expired". Returns the credentials file and e-conomic's address.
    static func tokenExpired(_ connected: ConnectedCLI) async throws -> (credentials: URL, rest: String) {
        let credentials = connected.cli.home.appendingPathComponent("credentials.json")
        let rest = try #require(try CanonicalJSON.parse(String(decoding: try Data(contentsOf: credentials), as: UTF8.self))["restBaseURL"]?.stringValue)
        try await connected.expect(["reconnect", "--grant-token-stdin", "--app-public-token", "emulator-app-public", "--auth-url", rest],
                                   input: "emulator-grant\n")
        connected.emulator.revokeGrant("emulator-grant")
        let refused = try await connected.run(["sync", "units"])
        #expect(refused.status == 4, "\(refused.stdout)")
        return (credentials, rest)
    }

    static func token(_ html: String) throws -> String {
        try #require(html.range(of: "name=\"csrf\" value=\"").map { String(html[$0.upperBound...].prefix { $0 != "\"" }) })
    }

    @Test("after \"Token udløbet\", \"Forbind igen\" goes through e-conomic's grant page and back to the panel, which stores the new grant (the modules run again, the link works once); \"Afbryd forbindelsen\" asks, then forgets it; no token on any page")
    func reconnect() async throws {
        try await ConnectedCLI.with { connected in
            let (credentials, rest) = try await Self.tokenExpired(connected)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }

            let page = try await ServeCommandTests.get(base + "/connection").text
            #expect(page.contains("<h1>Forbindelse</h1>") && page.contains("Forbundet til e-conomic-aftale 1118081") && page.contains("id=\"token-expired\">Token udløbet<"), "\(page)")
            #expect(!page.contains("emulator-app-secret") && !page.contains("emulator-grant"), "no token on the page")
            let csrf = try Self.token(page)
            #expect(try await Self.send("POST", base + "/connection/reconnect", form: "csrf=wrong", origin: base).status == 403)

            let pressed = try await Self.send("POST", base + "/connection/reconnect?lang=da", form: "csrf=\(csrf)", origin: base)
            let onward = try #require(pressed.header("location"), "\(pressed.status)")
            #expect(pressed.status == 303 && onward.hasPrefix("/connection/continue/"), "\(onward)")
            let (toEconomic, continuePage) = try await ServeCommandTests.get(base + onward)
            let grantPage = try #require(continuePage.range(of: "id=\"to-economic\" href=\"").map { String(continuePage[$0.upperBound...].prefix { $0 != "\"" }) }?
                .replacingOccurrences(of: "&amp;", with: "&"), "\(continuePage)")
            #expect(continuePage.contains("<meta http-equiv=\"refresh\" content=\"0; url="), "\(continuePage)")
            let redirect = try #require(URLComponents(string: grantPage)?.queryItems?.first { $0.name == "redirectUrl" }?.value, "\(grantPage)")
            #expect(toEconomic.status == 200 && grantPage.hasPrefix(rest + "/secure/api1/requestaccess.aspx?appPublicToken=emulator-app-public&redirectUrl=")
                    && redirect.hasPrefix(base + "/connection/grant/"), "\(grantPage)")
            let approved = try await Self.send("GET", grantPage)
            let back = try #require(approved.header("location"), "\(approved.status)")
            #expect(approved.status == 302 && back.hasPrefix(base + "/connection/grant/") && back.contains("token="), "\(back)")
            let stored = try await Self.send("GET", back)
            #expect(stored.status == 303 && stored.header("location") == "/connection?result=reconnected&lang=da", "\(stored.status)")
            let after = try await ServeCommandTests.get(base + "/connection?result=reconnected").text
            #expect(after.contains("Forbundet igen: modulerne kan køre.") && !after.contains("token-expired"), "\(after)")
            let grant = try #require(try CanonicalJSON.parse(String(decoding: try Data(contentsOf: credentials), as: UTF8.self))["grantToken"]?.stringValue)
            #expect(grant != "emulator-grant" && !after.contains(grant), "a new grant, never shown")
            let sync = try await connected.run(["sync", "units", "--force"])
            #expect(sync.status == 0, "\(sync.stdout)")
            // The way back is good once: a second trip with the same link stores nothing.
            let replayed = try await Self.send("GET", back)
            #expect(replayed.status == 400 && String(decoding: replayed.body, as: UTF8.self).contains("Linket er ukendt eller allerede brugt"))

            let question = try await ServeCommandTests.get(base + "/connection/disconnect").text
            #expect(question.contains("Vil du afbryde forbindelsen til e-conomic?"), "\(question)")
            #expect(try await Self.send("POST", base + "/connection/disconnect", form: "csrf=\(csrf)", origin: "http://evil.example").status == 403)
            #expect(FileManager.default.fileExists(atPath: credentials.path))
            let gone = try await Self.send("POST", base + "/connection/disconnect", form: "csrf=\(csrf)", origin: base)
            #expect(gone.status == 303 && !FileManager.default.fileExists(atPath: credentials.path))
            let disconnected = try await ServeCommandTests.get(base + "/connection?result=disconnected&lang=en").text
            #expect(disconnected.contains("Disconnected from e-conomic.") && disconnected.contains("Not connected to e-conomic."), "\(disconnected)")
            let afterwards = try await connected.run(["sync", "units", "--force"])
            #expect(afterwards.status != 0, "not connected any more: \(afterwards.stdout)")
        }
    }

    @Test("in a real headless Chromium: \"Forbind igen\" after \"Token udløbet\" goes to e-conomic's grant page and back, the grant stored; screenshot saved")
    func browser() async throws {
        try await ConnectedCLI.with { connected in
            _ = try await Self.tokenExpired(connected)
            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let shots = connected.cli.outside.path
            let (seen, output) = try await ServeCommandTests.browse(base, ["reconnect", shots])
            #expect(seen["heading"]?.stringValue == "Forbindelse" && seen["expired"] == .array([.string("Token udløbet")]), "\(output)")
            #expect(seen["notice"]?.stringValue == "Forbundet igen: modulerne kan køre." && seen["expiredAfter"]?.intValue == 0, "\(output)")
            #expect(seen["url"]?.stringValue?.hasPrefix(base + "/connection?result=reconnected") == true, "\(output)")
            #expect(try await connected.run(["sync", "units", "--force"]).status == 0, "the grant the browser brought back works")
            let png = try Data(contentsOf: URL(fileURLWithPath: shots + "/panel-connection.png"))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 5000, "\(png.count) bytes")
        }
    }

    @Test("with a password: \"Forbind igen\" needs the session, but the way back from e-conomic comes without its SameSite=Strict cookie and is let in by its one-time link alone")
    func reconnectBehindLogin() async throws {
        try await ConnectedCLI.with { connected in
            _ = try await Self.tokenExpired(connected)
            let file = try ServeLoginTests.passwordFile(connected.cli.outside)
            let (process, base) = try ServeCommandTests.start(connected, ["--password-file", file])
            defer { process.terminate(); process.waitUntilExit() }
            let form = try await ServeCommandTests.get(base + "/login").text
            let opened = try await ServeLoginTests.post(base + "/login", "csrf=\(try Self.token(form))&password=\(ServeLoginTests.password.replacingOccurrences(of: " ", with: "+"))",
                                                        origin: base)
            let session = String(try #require(opened.header("set-cookie")).prefix { $0 != ";" })
            #expect(try await ServeCommandTests.get(base + "/connection").response.status == 303, "the page needs the session")
            #expect(try await ServeCommandTests.get(base + "/connection/grant/made-up?token=x").response.status == 400, "an unknown link stores nothing")
            let page = try await ServeCommandTests.get(base + "/connection", headers: [("Cookie", session)]).text
            let pressed = try await ServeLoginTests.post(base + "/connection/reconnect", "csrf=\(try Self.token(page))", cookie: session, origin: base)
            let onward = try #require(pressed.header("location"), "\(pressed.status)")
            #expect(try await ServeCommandTests.get(base + onward).response.status == 303, "the way on needs the session too")
            let continuePage = try await ServeCommandTests.get(base + onward, headers: [("Cookie", session)]).text
            let grantPage = try #require(continuePage.range(of: "id=\"to-economic\" href=\"").map { String(continuePage[$0.upperBound...].prefix { $0 != "\"" }) }?
                .replacingOccurrences(of: "&amp;", with: "&"), "\(continuePage)")
            let back = try #require(try await Self.send("GET", grantPage).header("location"))
            let stored = try await Self.send("GET", back)  // no cookie: as a browser coming from e-conomic
            #expect(stored.status == 303 && stored.header("location") == "/connection?result=reconnected&lang=da", "\(stored.status)")
            #expect(try await connected.run(["sync", "units", "--force"]).status == 0, "the new grant was stored")
        }
    }
}
