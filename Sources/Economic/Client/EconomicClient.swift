import EconomicWire
import Foundation

/// A client of e-conomic's legacy REST API and its Projects API 1.1.0 over an
/// ``HTTPTransport``. It adds both auth headers, asks for JSON, retries 429,
/// 5xx and network failures with backoff and jitter (honouring `Retry-After`;
/// a 429 without it across e-conomic's 60-second window, see ``RetryPolicy``),
/// sends an `Idempotency-Key` with every write, and accounts calls per module.
/// Product numbers in paths use e-conomic's escaping (``PathKeyEncoding``),
/// filters are built with ``EconomicFilter``.
///
/// ```swift
/// let client = EconomicClient(credentials: credentials)
/// let me = try await client.send(.get, .rest, "/self", module: "connect")
/// ```
public final class EconomicClient: Sendable {
    /// Which of e-conomic's APIs a path belongs to.
    public enum API: Sendable {
        case rest, projects
    }

    /// An HTTP method.
    public enum Method: String, Sendable {
        case get = "GET", post = "POST", put = "PUT", delete = "DELETE", patch = "PATCH"
    }

    /// Where e-conomic is and how the client behaves.
    public struct Configuration: Sendable {
        public var restBaseURL = Economic.defaultRESTBaseURL
        public var projectsBaseURL = Economic.defaultProjectsBaseURL
        /// Records per page when listing (e-conomic's maximum is 1000).
        public var pageSize = 1000
        /// Pages fetched at once when listing.
        public var concurrency = 4
        public var retry = RetryPolicy()

        public init() {}
    }

    /// What the client waits with and draws jitter from; tests inject both so
    /// backoff is tested without sleeping.
    public struct Environment: Sendable {
        public var sleep: @Sendable (Double) async throws -> Void
        public var jitter: @Sendable () -> Double

        public init(sleep: @escaping @Sendable (Double) async throws -> Void, jitter: @escaping @Sendable () -> Double) {
            self.sleep = sleep
            self.jitter = jitter
        }

        /// Real time and real randomness.
        public static let live = Environment(
            sleep: { seconds in try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9)) },
            jitter: { Double.random(in: 0..<1) })
    }

    public let credentials: EconomicCredentials
    public let configuration: Configuration
    public let transport: any HTTPTransport
    public let environment: Environment
    /// Calls made so far, per module.
    public let accounting = CallAccounting()

    public init(credentials: EconomicCredentials, configuration: Configuration = Configuration(),
                transport: any HTTPTransport = CurlTransport(), environment: Environment = .live) {
        self.credentials = credentials
        self.configuration = configuration
        self.transport = transport
        self.environment = environment
    }

    /// The full URL of `path` (with `query`) on `api`.
    public func url(_ api: API, _ path: String, query: [(String, String)] = []) -> String {
        let base = api == .rest ? configuration.restBaseURL : configuration.projectsBaseURL
        var url = base.hasSuffix("/") ? String(base.dropLast()) : base
        url += path.hasPrefix("/") ? path : "/" + path
        if !query.isEmpty {
            url += "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        return url
    }

    static func encode(_ text: String) -> String {
        PercentEncoding.encode(text)
    }

    /// Sends one request, retrying what is worth retrying; returns a 2xx
    /// response or throws ``EconomicError``. Writes carry `idempotencyKey`
    /// (one is made when none is given), the same on every retry.
    public func send(_ method: Method, _ api: API, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
                     idempotencyKey: String? = nil, module: String) async throws -> EconomicResponse {
        var headers: [(name: String, value: String)] = [
            ("X-AppSecretToken", credentials.appSecretToken), ("X-AgreementGrantToken", credentials.grantToken),
            ("Accept", "application/json"),
        ]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        if method != .get { headers.append(("Idempotency-Key", idempotencyKey ?? UUID().uuidString)) }
        let request = HTTPRequest(method: method.rawValue, url: url(api, path, query: query), headers: headers, body: body)
        let label = "\(method.rawValue) \(TransportError.redact(request.url))"
        var attempt = 0
        var waited = 0.0
        while true {
            attempt += 1
            let response: HTTPResponse
            do {
                response = try await transport.send(request)
            } catch let error as TransportError {
                accounting.record(module: module) { $0.requests += 1 }
                guard error.isRetryable, let delay = configuration.retry.nextDelay(
                    after: attempt, waited: waited, refusal: .transient(retryAfter: nil), jitter: environment.jitter()) else {
                    throw EconomicError(.transport, message: error.message, request: label)
                }
                try await retry(after: delay, waited: &waited, module: module)
                continue
            }
            account(response, request: request, module: module)
            if (200...299).contains(response.status) {
                return EconomicResponse(response)
            }
            let retryAfter = Self.retryAfter(response)
            let refusal: RetryPolicy.Refusal = response.status == 429 && retryAfter == nil ? .rateLimitedWithoutHint : .transient(retryAfter: retryAfter)
            guard RetryPolicy.isRetryable(status: response.status), let delay = configuration.retry.nextDelay(
                after: attempt, waited: waited, refusal: refusal, jitter: environment.jitter()) else {
                throw EconomicError.from(response, request: label, tries: attempt, waited: waited)
            }
            try await retry(after: delay, waited: &waited, module: module)
        }
    }

    /// Counts a retry of `module`'s request and waits `delay` seconds before it.
    func retry(after delay: Double, waited: inout Double, module: String) async throws {
        accounting.record(module: module) { $0.retries += 1 }
        try await environment.sleep(delay)
        waited += delay
    }

    func account(_ response: HTTPResponse, request: HTTPRequest, module: String) {
        accounting.record(module: module) { usage in
            usage.requests += 1
            usage.bytesSent += Int64(request.body?.count ?? 0)
            usage.bytesReceived += response.bytesOnWire
            usage.callCost += Int(response.header("x-callcost") ?? "") ?? 1
            if response.header("x-resultfromcache")?.lowercased() == "true" { usage.replays += 1 }
        }
        accounting.noteRateLimit(response.header("x-ratelimiting"))
    }

    /// Seconds to wait from `Retry-After`, or from an exhausted `X-RateLimiting` window.
    static func retryAfter(_ response: HTTPResponse) -> Double? {
        if let value = response.header("retry-after"), let seconds = Double(value.trimmingCharacters(in: .whitespaces)) {
            return seconds
        }
        // token-limit-10000-per-60-seconds: 10000/10000
        if let header = response.header("x-ratelimiting"), let window = header.split(separator: "-").compactMap({ Double($0) }).last,
           let usage = header.split(separator: ":").last?.split(separator: "/"), usage.count == 2,
           let used = Double(usage[0].trimmingCharacters(in: .whitespaces)), let limit = Double(usage[1].trimmingCharacters(in: .whitespaces)),
           used >= limit {
            return window
        }
        return nil
    }
}

/// A successful response from e-conomic.
public struct EconomicResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]
    /// Whether e-conomic answered from its idempotency cache (`X-ResultFromCache: true`):
    /// the write had already been done by an earlier try.
    public var fromCache: Bool
    /// The `Location` header of a created record.
    public var location: String? { headers["location"] }

    init(_ response: HTTPResponse) {
        status = response.status
        headers = response.headers
        body = response.body
        fromCache = response.header("x-resultfromcache")?.lowercased() == "true"
    }

    /// Decodes the body as `T`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(body))
    }
}
