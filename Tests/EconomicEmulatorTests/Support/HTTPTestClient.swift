import Foundation
import Snapshot
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP response as received on the wire.
struct HTTPResult: Sendable {
    var status: Int
    /// Header values by lower-cased name.
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON (nil when empty or not JSON).
    var json: JSONValue? { body.isEmpty ? nil : try? CanonicalJSON.parse(body) }

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A deliberately plain HTTP/1.1 client over a raw socket (one connection per
/// request, `Connection: close`): it follows no redirects and decodes nothing,
/// so tests see exactly what the emulator sent, dropped connections included.
struct HTTPTestClient: Sendable {
    enum Failure: Error, Equatable {
        /// The server closed the connection without answering.
        case noResponse
        case socket(String)
        case malformed(String)
    }

    let port: Int
    var headers: [String: String] = ["X-AppSecretToken": "emulator-app-secret", "X-AgreementGrantToken": "emulator-grant"]

    /// The client with other default headers (nil values remove one).
    func with(_ changes: [String: String?]) -> HTTPTestClient {
        var copy = self
        for (name, value) in changes { copy.headers[name] = value }
        return copy
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> HTTPResult {
        try await send("GET", path, headers: headers)
    }

    /// Sends `method path` with `body` (JSON text); runs the blocking socket work on a thread of its own.
    func send(_ method: String, _ path: String, body: String? = nil, headers extra: [String: String] = [:]) async throws -> HTTPResult {
        var all = headers
        for (name, value) in extra { all[name] = value }
        if body != nil, all["Content-Type"] == nil { all["Content-Type"] = "application/json" }
        let request = Self.compose(method: method, path: path, port: port, headers: all, body: body.map { Array($0.utf8) } ?? [])
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            // A thread of its own: blocking a libdispatch worker would starve the
            // small shared pool the server's tasks also run on.
            let thread = Thread {
                continuation.resume(with: Result { try Self.exchange(request, port: port) })
            }
            thread.start()
        }
    }

    func send(_ method: String, _ path: String, json: JSONValue, headers: [String: String] = [:]) async throws -> HTTPResult {
        try await send(method, path, body: CanonicalJSON.string(json), headers: headers)
    }

    static func compose(method: String, path: String, port: Int, headers: [String: String], body: [UInt8]) -> [UInt8] {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    static func exchange(_ request: [UInt8], port: Int, timeout seconds: Int = 180) throws -> HTTPResult {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.socket("socket: \(errno)") }
        defer { close(descriptor) }
        // A guard against a hang, not a speed target: the whole suite on two cores has
        // taken over 20 seconds to answer a 10 MB body in a debug build.
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure.socket("connect: \(errno)") }
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure.socket("send: \(errno)") }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno == ECONNRESET {
                break
            } else {
                throw Failure.socket("recv: \(errno)")
            }
        }
        guard !received.isEmpty else { throw Failure.noResponse }
        return try parse(received)
    }

    static func parse(_ bytes: [UInt8]) throws -> HTTPResult {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw Failure.malformed("no end of headers")
        }
        let lines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure.malformed(lines[0]) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = try dechunk(body)
        } else if let length = headers["content-length"].flatMap(Int.init), length <= body.count {
            body = Array(body.prefix(length))
        }
        return HTTPResult(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }),
                  let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16) else {
                throw Failure.malformed("bad chunk")
            }
            if size == 0 { break }
            output.append(contentsOf: bytes[(lineEnd + 2)..<(lineEnd + 2 + size)])
            index = lineEnd + 2 + size + 2
        }
        return output
    }
}
