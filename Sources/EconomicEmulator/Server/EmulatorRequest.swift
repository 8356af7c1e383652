import Snapshot

/// One HTTP request as the emulator sees it: decoded path segments and query,
/// lower-cased header names, the whole body, and the base URL links are built from.
struct EmulatorRequest: Sendable {
    var method: String
    /// The path without the query, as sent (still percent-encoded).
    var rawPath: String
    /// The path's segments, each percent-decoded (`/products/A%2FB` → `["products", "A/B"]`).
    var segments: [String]
    /// Query parameters in order, decoded; names keep their spelling.
    var query: [(name: String, value: String)]
    /// Headers by lower-cased name (repeated headers joined with `, `).
    var headers: [String: String]
    var body: [UInt8]
    /// `http://host:port`, from the `Host` header.
    var baseURL: String
    /// Whether the peer connected from a loopback address.
    var fromLoopback: Bool
    /// Why the body sent could not be taken, when it could not (`body` is then empty).
    var bodyProblem: BodyProblem?

    /// What can be wrong with a body before it is read as JSON.
    enum BodyProblem: Sendable, Equatable {
        /// Larger than ``RequestBodyCheck/limit``, as sent or once inflated.
        case tooLarge
        /// Sent with `Content-Encoding: gzip` but not gzip.
        case notGzip
    }

    init(method: String, target: String, headers: [String: String], body: [UInt8], baseURL: String, fromLoopback: Bool) {
        self.method = method.uppercased()
        let (path, queryText) = Self.split(target)
        rawPath = path
        segments = path.split(separator: "/", omittingEmptySubsequences: true).map { URLText.decode($0, plusIsSpace: false) }
        query = queryText.map(Self.parseQuery) ?? []
        self.headers = headers
        self.body = body
        self.baseURL = baseURL
        self.fromLoopback = fromLoopback
    }

    static func split(_ target: String) -> (String, Substring?) {
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (String(target[..<mark]), target[target.index(after: mark)...])
    }

    static func parseQuery(_ text: Substring) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return (URLText.decode(pair[..<equals], plusIsSpace: true), URLText.decode(pair[pair.index(after: equals)...], plusIsSpace: true))
            }
            return (URLText.decode(pair, plusIsSpace: true), "")
        }
    }

    /// The first query parameter named `name` (case-insensitive, as e-conomic's servers treat them).
    func query(_ name: String) -> String? {
        query.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The header `name` (give it lower-cased).
    func header(_ name: String) -> String? { headers[name] }

    /// Whether the method writes (everything but GET and HEAD).
    var isWrite: Bool { method != "GET" && method != "HEAD" }

    /// The body parsed as JSON; nil for an empty body.
    func json() throws -> JSONValue? {
        let trimmed = body.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if trimmed.isEmpty { return nil }
        return try CanonicalJSON.parse(Array(body))
    }
}
