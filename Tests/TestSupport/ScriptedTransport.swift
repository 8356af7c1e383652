import Economic
import Foundation
import Synchronization

/// A transport that answers from a script and records every request, so
/// tests can count calls and inspect headers without a network.
public final class ScriptedTransport: HTTPTransport {
    public enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(TransportError.Code)
    }

    private let script: Mutex<[Step]>
    private let handler: (@Sendable (HTTPRequest) async -> HTTPResponse)?
    public let requests = Mutex<[HTTPRequest]>([])

    public init(_ steps: [Step]) {
        script = Mutex(steps)
        handler = nil
    }

    /// Answers every request with `handler`.
    public init(handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) {
        script = Mutex([])
        self.handler = handler
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.withLock { $0.append(request) }
        if let handler { return await handler(request) }
        let step = script.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        switch step {
        case .respond(let response): return response
        case .fail(let code): throw TransportError(code, "scripted failure", url: request.url)
        case nil: throw TransportError(.connection, "script exhausted", url: request.url)
        }
    }

    public var sent: [HTTPRequest] { requests.withLock { $0 } }
}

/// Records the delays the client asked to sleep, instead of sleeping.
public final class SleepRecorder: Sendable {
    public init() {}

    public let delays = Mutex<[Double]>([])

    public var environment: EconomicClient.Environment {
        EconomicClient.Environment(sleep: { [self] seconds in delays.withLock { $0.append(seconds) } }, jitter: { 0.5 })
    }

    public var recorded: [Double] { delays.withLock { $0 } }
}

extension HTTPResponse {
    public static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers.merging(["content-type": "application/json"]) { a, _ in a }, body: Array(text.utf8))
    }
}

