import Economic
import Foundation
import TestSupport
import Testing

/// `econsync connect` end to end: the real binary, the emulator's requestaccess.aspx, a loopback redirect.
@Suite("econsync connect against the emulator")
struct ConnectCommandTests {
    /// Starts `econsync emulator --port 0` (from `seed`, or with none what the binary builds in; with `extra`
    /// arguments; in `directory` when given) and returns it with its base URL.
    static func startEmulator(_ cli: CLI, _ extra: [String] = [], seed: String? = SnapshotCommandTests.demo,
                              in directory: URL? = nil) throws -> (Process, String) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["emulator", "--port", "0"] + (seed.map { ["--seed-snapshot", $0] } ?? []) + extra
        process.currentDirectoryURL = directory
        process.environment = cli.environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = try #require(Self.readLine(out.fileHandleForReading))
        #expect(line.hasPrefix("listening on http://127.0.0.1:"))
        return (process, String(line.dropFirst("listening on ".count)))
    }

    static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            let data = handle.readData(ofLength: 1)
            guard let byte = data.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    /// Runs `arguments` (a connect or reconnect without a browser), approves the address it prints as
    /// e-conomic's page would, follows the redirect home, and returns the address, the output, the grant and the exit status;
    /// standard error goes to `errors` when given.
    static func approveInBrowser(_ cli: CLI, _ arguments: [String], errors: Pipe? = nil) async throws
        -> (url: String, output: String, grant: String, status: Int32) {
        let connect = Process()
        connect.executableURL = CLI.binary
        connect.arguments = arguments
        connect.environment = cli.environment
        let out = Pipe()
        connect.standardOutput = out
        connect.standardError = errors ?? FileHandle.nullDevice
        try connect.run()
        // A loaded machine (the whole suite on two cores) has taken over a minute between the
        // address and the redirect: the wait is long, and the process is ended whatever happens.
        defer { if connect.isRunning { connect.terminate() } }
        var printed: [String] = []
        var address: String?
        while address == nil, let line = Self.readLine(out.fileHandleForReading) {
            printed.append(line)
            if line.hasPrefix("http://") { address = line }
        }
        let url = try #require(address, "\(printed)")
        let transport = CurlTransport()
        let redirect = try await transport.send(HTTPRequest(method: "GET", url: url))
        #expect(redirect.status == 302)
        let location = try #require(redirect.header("location"))
        let grant = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "token" }?.value)
        let landing = try await transport.send(HTTPRequest(method: "GET", url: location))
        #expect(landing.status == 200)
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        connect.waitUntilExit()
        return (url, printed.joined(separator: "\n") + rest, grant, connect.terminationStatus)
    }

    @Test("connect, take a snapshot, refuse a credentials file others can read, reconnect as connected")
    func connectEndToEnd() async throws {
        let cli = try CLI()
        let (emulator, base) = try Self.startEmulator(cli)
        defer { emulator.terminate() }
        cli.environment["ECONSYNC_APP_SECRET_TOKEN"] = "emulator-app-secret"
        #expect(try cli.run(["init"]).status == 0)

        let arguments = ["connect", "--app-public-token", "emulator-app-public", "--auth-url", base, "--rest-url", base,
                         "--projects-url", base + "/projectsapi/v1.1.0", "--no-browser", "--timeout", "900"]
        let errors = Pipe()
        let (url, output, grant, status) = try await Self.approveInBrowser(cli, arguments, errors: errors)
        let waiting = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(waiting == "waiting for approval in the browser… Ctrl-C cancels\n", "said on standard error while it waits: \(waiting)")
        #expect(!output.contains("waiting for approval"), "standard output keeps the address and the result only")
        #expect(url.hasPrefix(base + "/secure/api1/requestaccess.aspx?appPublicToken=emulator-app-public&redirectUrl=http%3A%2F%2F127.0.0.1%3A"))
        #expect(status == 0)
        #expect(output.contains("connected to e-conomic agreement 1118081"))
        #expect(!output.contains(grant) && !output.contains("emulator-app-secret"), "no token is printed")

        let credentials = cli.home.appendingPathComponent("credentials.json").path
        var info = stat()
        #expect(stat(credentials, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let take = try cli.run(["snapshot", "take"])
        #expect(take.status == 0 && take.stdout.contains("stored snapshots/1118081/"), "\(take.stderr)")
        #expect(!take.stdout.contains(grant) && !take.stderr.contains(grant))
        #expect(try cli.run(["snapshot", "list", "--json"]).stdout.contains(#""agreement" : 1118081"#))

        chmod(credentials, 0o644)
        let refused = try cli.run(["snapshot", "take"])
        #expect(refused.status == 1 && refused.stderr.contains("readable by others"))
        chmod(credentials, 0o600)
        // A reconnect with no options asks the same app at the same place: the public token and every address were kept.
        let reconnect = try await Self.approveInBrowser(cli, ["reconnect", "--no-browser", "--timeout", "900"])
        #expect(reconnect.url.hasPrefix(base + "/secure/api1/requestaccess.aspx?appPublicToken=emulator-app-public&redirectUrl="), "\(reconnect.url)")
        #expect(reconnect.status == 0 && reconnect.output.contains("reconnected to e-conomic agreement 1118081"), "\(reconnect.output)")
        #expect(try cli.run(["snapshot", "take", "--kind", "unit"]).status == 0, "the new grant works against the kept REST address")
        let again = try cli.run(["connect", "--app-public-token", "x", "--no-browser"])
        #expect(again.status == 1 && again.stderr.contains("already connected"))
        #expect(try cli.run(["disconnect"]).stdout.contains("disconnected from e-conomic agreement 1118081"))
        #expect(!FileManager.default.fileExists(atPath: credentials))
    }

    @Test("a grant refused on the first connect is not \"Token expired\": check the token, or the approval; nothing stored")
    func refusedGrant() async throws {
        let cli = try CLI()
        let (emulator, base) = try Self.startEmulator(cli)
        defer { emulator.terminate() }
        cli.environment["ECONSYNC_APP_SECRET_TOKEN"] = "emulator-app-secret"
        #expect(try cli.run(["init"]).status == 0)
        let connect = ["connect", "--grant-token-stdin", "--rest-url", base, "--projects-url", base + "/projectsapi/v1.1.0"]

        let refused = try cli.run(connect, input: "emulator-grant-cut\n")
        #expect(refused.status == 1, "a failure, not exit 4 (needs reconnect): nothing was ever connected")
        #expect(refused.stderr.hasPrefix("error: e-conomic refused the agreement grant token (GET \(base)/self answered 401: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("check that you copied the whole token from e-conomic's grant page and that the app's access was "
                                        + "approved there, then run `econsync connect` (or `econsync reconnect`) again"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("Token expired") && !refused.stderr.contains("reconnect with"))
        #expect(!refused.stderr.contains("emulator-grant-cut") && !refused.stderr.contains("emulator-app-secret"), "no token is printed")
        #expect(!FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("credentials.json").path), "nothing stored")

        let danish = try cli.run(connect + ["--lang", "da"], input: "emulator-grant-cut\n")
        #expect(danish.status == 1 && danish.stderr.hasPrefix("fejl: e-conomic afviste aftalens adgangsnøgle (grant token) (GET \(base)/self svarede 401: ")
                && !danish.stderr.contains("refused") && !danish.stderr.contains("emulator-grant-cut"), "\(danish.stderr)")

        let json = try cli.run(connect + ["--json"], input: "emulator-grant-cut\n")
        #expect(json.status == 1 && json.stdout.contains(#""code" : "economic.grant-not-accepted""#), "\(json.stdout)")
        let jsonDanish = try cli.run(connect + ["--json", "--lang", "da"], input: "emulator-grant-cut\n")
        #expect(jsonDanish.stdout == json.stdout, "scripts read the English words in every language: \(jsonDanish.stdout)")
        #expect(json.stdout.contains(#""action" : "checkGrantToken""#) && !json.stdout.contains("Token expired"), "\(json.stdout)")

        let right = try cli.run(connect, input: "emulator-grant\n")
        #expect(right.status == 0 && right.stdout.contains("connected to e-conomic agreement 1118081"), "\(right.stderr)")
    }
}

@Suite("econsync reconnect after a revoked grant")
struct ReconnectCommandTests {
    /// Calls the emulator's control API.
    static func control(_ base: String, _ method: String, _ path: String) async throws -> Int {
        try await CurlTransport().send(HTTPRequest(method: method, url: base + "/_emulator/" + path)).status
    }

    @Test("headless connect, token expired (exit 4, nothing stored), reconnect with a new grant, pull again")
    func reconnectFlow() async throws {
        let cli = try CLI()
        let (emulator, base) = try ConnectCommandTests.startEmulator(cli)
        defer { emulator.terminate() }
        cli.environment["ECONSYNC_APP_SECRET_TOKEN"] = "emulator-app-secret"
        let urls = ["--rest-url", base, "--projects-url", base + "/projectsapi/v1.1.0"]
        #expect(try cli.run(["init"]).status == 0)
        let connect = try cli.run(["connect", "--grant-token-stdin"] + urls, input: "emulator-grant\n")
        #expect(connect.status == 0 && connect.stdout.contains("connected to e-conomic agreement 1118081"), "\(connect.stderr)")
        #expect((200...299).contains(try await Self.control(base, "POST", "grants/emulator-grant/revoke")))
        let expired = try cli.run(["snapshot", "take", "--kind", "customer"])
        #expect(expired.status == 4 && expired.stderr.contains("Token expired: reconnect with `econsync reconnect`"), "\(expired.stderr)")
        #expect(!expired.stderr.contains("emulator-grant"))
        #expect(!(try cli.run(["snapshot", "list", "--json"]).stdout.contains(#""file""#)), "no partial snapshot is stored")
        #expect((200...299).contains(try await Self.control(base, "PUT", "grants/second-grant")))
        let reconnect = try cli.run(["reconnect", "--grant-token-stdin"], input: "second-grant\n")
        #expect(reconnect.status == 0 && reconnect.stdout.contains("reconnected to e-conomic agreement 1118081"), "\(reconnect.stderr)")
        let take = try cli.run(["snapshot", "take", "--kind", "customer", "--json"])
        #expect(take.status == 0 && take.stdout.contains(#""records" : 30"#), "\(take.stderr)")
    }
}
