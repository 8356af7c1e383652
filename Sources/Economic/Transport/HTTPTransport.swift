import Foundation
import Vocabulary

/// An HTTP request as the e-conomic client sends it.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    /// Header fields in order; names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of header `name` (case-insensitive), if present.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name): \($0.value)" } == rhs.headers.map { "\($0.name): \($0.value)" }
    }
}

/// An HTTP response: status, headers (names in lower case) and the decoded body.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header fields by lower-case name; repeated fields joined with ", ".
    public var headers: [String: String]
    /// The body, decompressed.
    public var body: [UInt8]
    /// Bytes received for the body on the wire (compressed when the server compressed it).
    public var bytesOnWire: Int64

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = [], bytesOnWire: Int64? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bytesOnWire = bytesOnWire ?? Int64(body.count)
    }

    /// The value of header `name` (case-insensitive), if present.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Sends HTTP requests. The production transport is ``CurlTransport``; tests
/// substitute their own to count and inspect requests or to inject faults.
///
/// ```swift
/// let transport: any HTTPTransport = CurlTransport()
/// let response = try await transport.send(HTTPRequest(method: "GET", url: "https://restapi.e-conomic.com/self"))
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response; throws ``TransportError`` when
    /// no response arrives (timeout, connection refused or reset, TLS failure).
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// A failure to get any HTTP response.
public struct TransportError: CodedError, Equatable {
    public static let domain = "transport"

    /// What kind of failure; all of them are worth retrying but `.tls` and `.invalidRequest`.
    public typealias Code = ErrorCode<TransportError>

    public var code: Code
    public var message: String
    /// The request's URL without its query (queries may carry tokens).
    public var url: String

    public init(_ code: Code, _ message: String, url: String) {
        self.code = code
        self.message = message
        self.url = Self.redact(url)
    }

    /// Whether trying again may succeed.
    public var isRetryable: Bool { code == .timeout || code == .connection }

    /// `url: message`.
    public func describe(_ wording: any RemedyWording) -> String { "\(url): \(message)" }

    /// `url` without its query string.
    public static func redact(_ url: String) -> String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }
}

/// The kinds of ``TransportError``.
extension ErrorCode where Domain == TransportError {
    /// No answer within the timeout.
    public static var timeout: Self { "timeout" }
    /// The connection was refused, reset or dropped.
    public static var connection: Self { "connection" }
    /// The TLS handshake or certificate check failed.
    public static var tls: Self { "tls" }
    /// The request could not be sent as given.
    public static var invalidRequest: Self { "invalid-request" }
    /// The request was cancelled.
    public static var cancelled: Self { "cancelled" }
}
