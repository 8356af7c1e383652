import Economic
import Foundation
import Synchronization

/// A transport that answers from a script and records every request, so
/// tests can count calls and inspect headers without a network.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(TransportError.Code)
    }

    private let script: Mutex<[Step]>
    private let handler: (@Sendable (HTTPRequest) async -> HTTPResponse)?
    let requests = Mutex<[HTTPRequest]>([])

    init(_ steps: [Step]) {
        script = Mutex(steps)
        handler = nil
    }

    /// Answers every request with `handler`.
    init(handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) {
        script = Mutex([])
        self.handler = handler
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.withLock { $0.append(request) }
        if let handler { return await handler(request) }
        let step = script.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        switch step {
        case .respond(let response): return response
        case .fail(let code): throw TransportError(code, "scripted failure", url: request.url)
        case nil: throw TransportError(.connection, "script exhausted", url: request.url)
        }
    }

    var sent: [HTTPRequest] { requests.withLock { $0 } }
}

/// Records the delays the client asked to sleep, instead of sleeping.
final class SleepRecorder: Sendable {
    let delays = Mutex<[Double]>([])

    var environment: EconomicClient.Environment {
        EconomicClient.Environment(sleep: { [self] seconds in delays.withLock { $0.append(seconds) } }, jitter: { 0.5 })
    }

    var recorded: [Double] { delays.withLock { $0 } }
}

extension HTTPResponse {
    static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers.merging(["content-type": "application/json"]) { a, _ in a }, body: Array(text.utf8))
    }
}

let secret = EconomicCredentials(appSecretToken: "app-secret-XYZZY", grantToken: "grant-token-PLUGH")

func client(_ transport: ScriptedTransport, _ sleeper: SleepRecorder = SleepRecorder(), pageSize: Int = 1000) -> EconomicClient {
    var configuration = EconomicClient.Configuration()
    configuration.restBaseURL = "https://rest.example"
    configuration.projectsBaseURL = "https://projects.example/projectsapi/v1.1.0"
    configuration.pageSize = pageSize
    return EconomicClient(credentials: secret, configuration: configuration, transport: transport, environment: sleeper.environment)
}
