import Snapshot

/// One HTTP response before it goes on the wire; `drop` closes the connection
/// without answering (a fault).
struct EmulatorResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    var drop = false

    init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response (`application/json; charset=utf-8`).
    static func json(_ status: Int, _ value: JSONValue, headers: [(name: String, value: String)] = []) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers, body: CanonicalJSON.bytes(value))
    }

    /// An RFC 9457 problem (`application/problem+json`).
    static func problem(_ status: Int, _ value: JSONValue) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: [("Content-Type", "application/problem+json; charset=utf-8")], body: CanonicalJSON.bytes(value))
    }

    /// An empty response with `status` (204 and the like).
    static func empty(_ status: Int, headers: [(name: String, value: String)] = []) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: headers)
    }

    /// A plain-text or HTML page.
    static func text(_ status: Int, _ text: String, contentType: String = "text/plain; charset=utf-8") -> EmulatorResponse {
        EmulatorResponse(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }

    /// The connection is closed without a response.
    static var dropped: EmulatorResponse {
        var response = EmulatorResponse(status: 0)
        response.drop = true
        return response
    }

    /// The first header named `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Sets `name` to `value`, replacing any earlier value.
    mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }
}
