import Economic
import Foundation
import Synchronization
import TestSupport
import Testing
import Vocabulary

@Suite("Connect: credentials file, loopback listener, flow")
struct ConnectTests {
    static let connection = CredentialsFile.Connection(
        appSecretToken: "app-secret-XYZZY", grantToken: "grant-token-PLUGH", agreementNumber: 1_118_081, companyName: "Demo ApS",
        restBaseURL: "https://rest.example", projectsBaseURL: "https://projects.example", connectedAt: "2026-11-02T08:00:00Z")

    @Test("the credentials file is written with mode 0600 and refused once others can read it")
    func credentialsFileMode() throws {
        let directory = try TemporaryDirectory()
        let file = CredentialsFile(path: directory.path("credentials.json"))
        try file.save(Self.connection)
        var info = stat()
        #expect(stat(file.path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try file.load() == Self.connection)
        chmod(file.path, 0o644)
        let problem = try #require(throws: CredentialsFile.Problem.self) { try file.load() }
        #expect(problem.message.contains("readable by others (mode 644)") && problem.remedy == .restrictCredentials(path: file.path))
        #expect(!problem.message.contains("XYZZY") && !problem.message.contains("PLUGH"))
        #expect(!String(describing: Self.connection).contains("PLUGH"))
        chmod(file.path, 0o600)
        #expect(try file.remove() && !file.exists)
        #expect(try #require(throws: CredentialsFile.Problem.self) { try file.load() }.remedy == .connect)
    }

    @Test("the loopback listener hands over the token of e-conomic's redirect, over real HTTP through libcurl")
    func listener() async throws {
        let listener = try LoopbackListener()
        #expect(listener.redirectURL == "http://127.0.0.1:\(listener.port)/callback")
        // The accept loop on a thread of its own from the start: a task could wait for a free thread of the
        // cooperative pool (two on this machine, busy with the rest of the suite) past curl's timeout. The
        // wait is a guard against a hang, not a speed target: under the whole suite a 20-second wait ran out
        // before curl's second request arrived.
        let handed = HandedToken()
        Thread { handed.set(Result { try listener.waitForToken(timeout: 600) }) }.start()
        let transport = CurlTransport()
        let stray = try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(listener.port)/favicon.ico"))
        #expect(stray.status == 400)
        let answer = try await transport.send(HTTPRequest(method: "GET", url: listener.redirectURL + "?token=grant-123%2Babc"))
        #expect(answer.status == 200 && String(decoding: answer.body, as: UTF8.self).contains("connected"))
        #expect(answer.header("content-type") == "text/html; charset=utf-8")
        #expect(try await handed.value() == "grant-123+abc")
    }

    /// The listener's answer, handed from its thread to the test.
    final class HandedToken: Sendable {
        private let result = Mutex<Result<String, any Error>?>(nil)

        func set(_ value: Result<String, any Error>) { result.withLock { $0 = value } }

        /// The token once the listener has it (or its error), waiting up to 600 seconds.
        func value() async throws -> String? {
            let deadline = Date().addingTimeInterval(600)
            while Date() < deadline {
                if let value = result.withLock({ $0 }) { return try value.get() }
                try await Task.sleep(for: .milliseconds(10))
            }
            return nil
        }
    }

    @Test("the installation address carries the public token, the loopback redirect and the locale")
    func requestAccessURL() {
        var flow = ConnectFlow(appPublicToken: "PUB LIC", appSecretToken: "app-secret-XYZZY")
        flow.authBaseURL = "http://127.0.0.1:9999/"
        let url = flow.requestAccessURL(redirectURL: "http://127.0.0.1:5555/callback")
        #expect(url == "http://127.0.0.1:9999/secure/api1/requestaccess.aspx?appPublicToken=PUB%20LIC"
            + "&redirectUrl=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback&locale=da-DK")
        #expect(!url.contains("XYZZY"))
    }

    @Test("connect checks the grant with GET /self and keeps the agreement")
    func connect() async throws {
        let transport = ScriptedTransport([.respond(.json(200, #"{"agreementNumber":1118081,"company":{"name":"Demo ApS"},"userName":"x"}"#))])
        var flow = ConnectFlow(appPublicToken: "pub", appSecretToken: "app-secret-XYZZY")
        flow.restBaseURL = "https://rest.example"
        flow.transport = transport
        let connection = try await flow.connect(grantToken: "grant-token-PLUGH", now: "2026-11-02T08:00:00Z")
        #expect(connection.agreementNumber == 1_118_081 && connection.companyName == "Demo ApS")
        #expect(transport.sent.map(\.url) == ["https://rest.example/self"])
        #expect(transport.sent[0].header("X-AgreementGrantToken") == "grant-token-PLUGH")
        let revoked = ScriptedTransport([.respond(.json(401, #"{"message":"Unauthorized"}"#))])
        flow.transport = revoked
        let error = try await #require(throws: EconomicError.self) { try await flow.connect(grantToken: "old", now: "x") }
        #expect(error.code == .grantNotAccepted, "a grant just given was not accepted; it cannot have expired")
        #expect(error.description.contains("refused the agreement grant token") && !error.description.contains("Token expired"))
    }
}
