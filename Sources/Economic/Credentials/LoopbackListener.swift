import Blocking
import Foundation

/// A one-shot HTTP listener on 127.0.0.1 that receives e-conomic's redirect
/// after the user grants access (`/callback?token=…`), answers it with a short
/// page, and hands over the token.
///
/// ```swift
/// let listener = try LoopbackListener()
/// print(listener.redirectURL)            // http://127.0.0.1:PORT/callback
/// let token = try listener.waitForToken(timeout: 600)
/// ```
public final class LoopbackListener: @unchecked Sendable {
    // Safety: every stored property is a `let` (the port and the socket descriptor); the
    // descriptor is used by one waiting thread at a time and closed only in `deinit`.
    public let port: Int
    private let socketDescriptor: Int32

    /// Listens on a free port of 127.0.0.1.
    public init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw CredentialsFile.Problem(.loopback, message: "cannot open a loopback socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 4) == 0 else {
            close(descriptor)
            throw CredentialsFile.Problem(.loopback, message: "cannot listen on 127.0.0.1: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        socketDescriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(socketDescriptor) }

    /// Where e-conomic should send the browser back to.
    public var redirectURL: String { "http://127.0.0.1:\(port)/callback" }

    /// Waits, on a thread of its own (the wait blocks), for the redirect and
    /// returns its `token`.
    public func token(timeout: Double) async throws -> String {
        try await Blocking.wait(named: "econsync.loopback") { [self] in try waitForToken(timeout: timeout) }
    }

    /// Waits for the redirect and returns its `token`; requests without one get
    /// an explanation and the wait goes on until `timeout` seconds have passed.
    /// It blocks the calling thread: from async code use ``token(timeout:)``.
    public func waitForToken(timeout: Double) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var poller = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
            let remaining = Int32(max(0, min(1000, deadline.timeIntervalSinceNow * 1000)))
            guard poll(&poller, 1, remaining) > 0 else { continue }
            let client = accept(socketDescriptor, nil, nil)
            guard client >= 0 else { continue }
            defer { close(client) }
            let request = Self.readRequest(client)
            let token = Self.token(in: request)
            let page = token == nil
                ? "<html><body><p>econsync is waiting for e-conomic's answer; this address got none.</p></body></html>"
                : "<html><body><p>econsync is connected to e-conomic. You can close this window.</p></body></html>"
            let response = "HTTP/1.1 \(token == nil ? "400 Bad Request" : "200 OK")\r\nContent-Type: text/html; charset=utf-8\r\n"
                + "Content-Length: \(page.utf8.count)\r\nConnection: close\r\n\r\n\(page)"
            _ = response.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            if let token { return token }
        }
        throw CredentialsFile.Problem(.noAnswer, message: "no answer from e-conomic within \(Int(timeout)) seconds", remedy: .connect)
    }

    static func readRequest(_ client: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 8192)
        var received = 0
        while received < buffer.count {
            let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress! + received, $0.count - received, 0) }
            guard count > 0 else { break }
            received += count
            if String(decoding: buffer[..<received], as: UTF8.self).contains("\r\n\r\n") { break }
        }
        return String(decoding: buffer[..<received], as: UTF8.self)
    }

    /// The `token` query parameter of the request line, if any.
    static func token(in request: String) -> String? {
        guard let line = request.split(separator: "\r\n").first, line.hasPrefix("GET ") else { return nil }
        let target = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        guard let components = URLComponents(string: "http://127.0.0.1\(target)"), components.path == "/callback" else { return nil }
        return components.queryItems?.first { $0.name == "token" }?.value.flatMap { $0.isEmpty ? nil : $0 }
    }
}
