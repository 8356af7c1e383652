import Economic
import Foundation
@testable import Panel
import Snapshot
import Testing

/// `econsync serve --password-file`: the panel's login, over HTTP from a real
/// `econsync serve`, and the refusals before anything starts.
@Suite("econsync serve: the login a password file turns on, and the binds refused without one")
struct ServeLoginTests {
    static let password = "Kaffe og 7 kanelsnegle"

    /// A password file in `directory` with `mode`, holding `text`.
    static func passwordFile(_ directory: URL, mode: Int16 = 0o600, text: String = password + "\n") throws -> String {
        let path = directory.appendingPathComponent("panel-password").path
        try? FileManager.default.removeItem(atPath: path)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode]))
        return path
    }

    /// Starts `econsync serve --password-file` on `connected`'s data directory; returns the process, its address and the file.
    static func start(_ connected: ConnectedCLI) throws -> (Process, String, String) {
        let file = try passwordFile(connected.cli.outside)
        let (process, base) = try ServeCommandTests.start(connected, ["--password-file", file])
        return (process, base, file)
    }

    static func post(_ url: String, _ body: String, cookie: String? = nil, origin: String? = nil) async throws -> HTTPResponse {
        var headers = [("Content-Type", "application/x-www-form-urlencoded")]
        if let cookie { headers.append(("Cookie", cookie)) }
        if let origin { headers.append(("Origin", origin)) }
        return try await CurlTransport().send(HTTPRequest(method: "POST", url: url, headers: headers, body: Array(body.utf8)))
    }

    static func token(_ html: String) throws -> String {
        try #require(html.range(of: "name=\"csrf\" value=\"").map { String(html[$0.upperBound...].prefix { $0 != "\"" }) }, "\(html)")
    }

    @Test("with a password file (on loopback too): pages send to the login, a wrong password is refused and the next try waits (Retry-After), the right one opens a session cookie (HttpOnly, SameSite=Strict), CSRF stays, logout ends it; the password shown nowhere")
    func login() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base, _) = try Self.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            var seen: [String] = []

            let first = try await ServeCommandTests.get(base + "/")
            #expect(first.response.status == 303 && first.response.header("location") == "/login?lang=da", "\(first.response.status)")
            #expect(try await ServeCommandTests.get(base + "/api/status").response.status == 303)
            #expect(try await ServeCommandTests.get(base + "/healthz").response.status == 200, "a monitor needs no login")
            #expect(try await Self.post(base + "/sync/units", "").status == 403)
            let form = try await ServeCommandTests.get(base + "/login")
            #expect(form.response.status == 200 && form.text.contains("<h1>Log ind</h1>") && form.text.contains("type=\"password\""), "\(form.text)")
            #expect(try await ServeCommandTests.get(base + "/login?lang=en").text.contains("<h1>Log in</h1>"))
            let loginToken = try Self.token(form.text)
            let encoded = Self.password.replacingOccurrences(of: " ", with: "+")

            #expect(try await Self.post(base + "/login", "password=\(encoded)").status == 403, "the login form carries the token too")
            let opened = try await Self.post(base + "/login", "csrf=\(loginToken)&password=\(encoded)", origin: base)
            let cookie = try #require(opened.header("set-cookie"))
            #expect(opened.status == 303 && opened.header("location") == "/?lang=da", "\(opened.status)")
            #expect(cookie.hasPrefix("econsync_session=") && cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict")
                    && cookie.contains("; Path=/") && !cookie.contains("Secure"), "\(cookie)")
            let session = String(cookie.prefix { $0 != ";" })

            let overview = try await ServeCommandTests.get(base + "/", headers: [("Cookie", session)])
            #expect(overview.response.status == 200 && overview.text.contains("<h1>Oversigt</h1>") && overview.text.contains("id=\"log-out\">Log ud</button>"))
            seen += [overview.text, try await ServeCommandTests.get(base + "/log", headers: [("Cookie", session)]).text]
            let pageToken = try Self.token(overview.text)
            #expect(pageToken != loginToken, "a session has its own token")
            // "Log ud" in the navigation of every page, leading to a page that asks, its form carrying the session's token.
            for path in ["/log", "/pending", "/conflicts", "/audit", "/orders", "/settings", "/connection"] {
                let page = try await ServeCommandTests.get(base + path, headers: [("Cookie", session)]).text
                #expect(page.contains("<a href=\"/logout?lang=da\" id=\"log-out-link\">Log ud</a></nav>"), "\(path): \(page)")
            }
            let question = try await ServeCommandTests.get(base + "/logout", headers: [("Cookie", session)]).text
            let questionToken = try Self.token(question)
            #expect(question.contains("id=\"log-out\">Log ud</button>") && questionToken == pageToken, "\(question)")
            // CSRF still: the session alone, or the login form's token, runs nothing.
            #expect(try await Self.post(base + "/sync/units", "", cookie: session).status == 403)
            #expect(try await Self.post(base + "/sync/units", "csrf=\(loginToken)", cookie: session).status == 403)
            #expect(try await Self.post(base + "/sync/units", "csrf=\(pageToken)", cookie: session, origin: "http://evil.example").status == 403)
            #expect(try await Self.post(base + "/sync/units", "csrf=\(pageToken)", cookie: session, origin: base).status == 303)

            // A wrong password: refused, and the next try from this address waits (the panel's clock is pinned, so it still waits).
            let wrong = try await Self.post(base + "/login?lang=en", "csrf=\(loginToken)&password=kaffe", origin: base)
            #expect(wrong.status == 401 && wrong.header("retry-after") == "1" && wrong.header("set-cookie") == nil)
            let wrongText = String(decoding: wrong.body, as: UTF8.self)
            #expect(wrongText.contains("Wrong password. Try again in 1 second."), "\(wrongText)")
            let again = try await Self.post(base + "/login", "csrf=\(loginToken)&password=\(encoded)", origin: base)
            #expect(again.status == 429 && again.header("retry-after") == "1" && again.header("set-cookie") == nil,
                    "even the right password waits: \(again.status)")
            seen += [wrongText, String(decoding: again.body, as: UTF8.self)]

            // Logout: the session ends, its cookie is forgotten and opens nothing any more.
            #expect(try await Self.post(base + "/logout", "csrf=\(loginToken)", cookie: session, origin: base).status == 403)
            let out = try await Self.post(base + "/logout", "csrf=\(pageToken)", cookie: session, origin: base)
            #expect(out.status == 303 && out.header("location") == "/login?lang=da" && out.header("set-cookie")?.contains("Max-Age=0") == true)
            #expect(try await ServeCommandTests.get(base + "/", headers: [("Cookie", session)]).response.status == 303)
            for text in seen { #expect(!text.contains(Self.password) && !text.contains("kanelsnegle")) }
        }
    }

    @Test("in a real headless Chromium: the overview asks for the password, the form logs in, the cookie is HttpOnly and SameSite=Strict; screenshots saved")
    func browser() async throws {
        try await ConnectedCLI.with { connected in
            let (process, base, file) = try Self.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let shots = connected.cli.outside.path
            let (seen, output) = try await ServeCommandTests.browse(base, ["login", shots, file])
            #expect(seen["before"]?.stringValue == "Log ind" && seen["after"]?.stringValue == "Oversigt", "\(output)")
            #expect(seen["httpOnly"] == .bool(true) && seen["sameSite"]?.stringValue == "Strict", "\(output)")
            #expect(seen["afterLogout"]?.stringValue == "Log ind", "\(output)")
            for page in ["login", "overview-logged-in"] {
                let png = try Data(contentsOf: URL(fileURLWithPath: shots + "/panel-\(page).png"))
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 3000, "\(page): \(png.count) bytes")
            }
        }
    }

    @Test("refused before anything starts (status 2): another address than loopback without --password-file, a password file others may read, an empty one; the password never printed")
    func refusals() throws {
        let cli = try CLI()
        _ = try cli.run(["init"])
        let bare = try cli.run(["serve", "--host", "0.0.0.0"], timeout: 60)
        #expect(bare.status == 2 && bare.stderr.contains("--host 0.0.0.0 is not a loopback address") && bare.stderr.contains("--password-file"), "\(bare.stderr)")
        for mode: Int16 in [0o644, 0o640, 0o604] {
            let file = try Self.passwordFile(cli.outside, mode: mode)
            let open = try cli.run(["serve", "--host", "0.0.0.0", "--password-file", file], timeout: 60)
            #expect(open.status == 2 && open.stderr.contains("may be read by others (mode \(String(mode, radix: 8)))")
                    && open.stderr.contains("chmod 600"), "\(open.stderr)")
            #expect(!(open.stdout + open.stderr).contains("kanelsnegle"))
        }
        let empty = try Self.passwordFile(cli.outside, text: "\n")
        let refused = try cli.run(["serve", "--password-file", empty], timeout: 60)
        #expect(refused.status == 2 && refused.stderr.contains("is empty"), "\(refused.stderr)")
        let missing = try cli.run(["serve", "--host", "0.0.0.0", "--password-file", cli.outside.path + "/none"], timeout: 60)
        #expect(missing.status == 2 && missing.stderr.contains("cannot be read"), "\(missing.stderr)")
    }

    @Test("failed logins are slowed down per address: 1 s, 2 s, 4 s … up to 60 s on an injected clock; a success starts afresh; another address is not slowed")
    func throttle() {
        let clock = TestClock()
        let throttle = LoginThrottle(now: { clock.now })
        #expect(throttle.wait("10.0.0.7") == 0)
        #expect(throttle.failed("10.0.0.7") == 1 && throttle.wait("10.0.0.7") == 1)
        clock.advance(0.5)
        #expect(throttle.wait("10.0.0.7") == 1 && throttle.wait("10.0.0.8") == 0)
        clock.advance(0.5)
        #expect(throttle.wait("10.0.0.7") == 0)
        #expect((2...9).map { _ in throttle.failed("10.0.0.7") } == [2, 4, 8, 16, 32, 60, 60, 60])
        clock.advance(59)
        #expect(throttle.wait("10.0.0.7") == 1)
        throttle.succeeded("10.0.0.7")
        #expect(throttle.wait("10.0.0.7") == 0 && throttle.failed("10.0.0.7") == 1)
    }

    @Test("a session ends after 8 hours without a request, and 24 hours after its login even when used; a new login opens a new one; on an injected clock")
    func sessionsExpire() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = TestClock()
        let login = PanelLogin(password: try PanelPassword(file: try Self.passwordFile(directory)), now: { clock.now })
        func open() throws -> String {
            guard case .opened(let id) = login.attempt(client: "10.0.0.7", password: Self.password) else { throw ConnectedCLI.Failure(description: "no session") }
            return id
        }
        let idle = try open()
        let token = try #require(login.csrf(session: idle))
        clock.advance(8 * 3600 - 1)
        #expect(login.csrf(session: idle) == token, "used just in time: the idle time starts again")
        clock.advance(8 * 3600 - 1)
        #expect(login.csrf(session: idle) == token)
        clock.advance(8 * 3600)
        #expect(login.csrf(session: idle) == nil, "eight idle hours")
        clock.advance(1)
        #expect(login.csrf(session: idle) == nil, "forgotten, not revived")

        let busy = try open()
        for _ in 0..<23 {
            clock.advance(3600)
            #expect(login.csrf(session: busy) != nil)
        }
        clock.advance(3600)
        #expect(login.csrf(session: busy) == nil, "24 hours after the login, however busy")
        let again = try open()
        #expect(again != busy && login.csrf(session: again) != nil)
    }

    @Test("the password matches only itself (the comparison's time depends on the guess's length alone) and is never in its description")
    func password() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let password = try PanelPassword(file: try Self.passwordFile(directory))
        #expect(password.matches(Self.password))
        for guess in ["", "Kaffe", Self.password + " ", "kaffe og 7 kanelsnegle", String(Self.password.dropLast()) + "E"] { #expect(!password.matches(guess), "\(guess)") }
        #expect(!"\(password)".contains("Kaffe") && !String(reflecting: password).contains("Kaffe"))
    }
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Date(timeIntervalSince1970: 1_793_606_400)
    var now: Date { lock.withLock { time } }
    func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
}
