import Foundation
import Synchronization

/// A tiny SMTP server on 127.0.0.1 that records what it receives, for tests
/// of mail senders. It serves one connection at a time on a thread of its own
/// and speaks EHLO/HELO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, RSET, NOOP and QUIT.
///
/// ```swift
/// let sink = try SMTPSink(username: "user", password: "secret", rejecting: ["nobody@example.com"])
/// defer { sink.stop() }
/// // send to smtp://127.0.0.1:\(sink.port), then:
/// #expect(sink.messages.first?.recipients == ["ops@example.com"])
/// ```
public final class SMTPSink: Sendable {
    /// One message the sink accepted.
    public struct Received: Sendable, Equatable {
        /// The `MAIL FROM` address, without angle brackets.
        public var from: String
        /// The accepted `RCPT TO` addresses, without angle brackets.
        public var recipients: [String]
        /// The message as sent after `DATA`, un-dot-stuffed, CRLF line endings, without the final `.` line.
        public var data: String
        /// The username that logged in, if any.
        public var user: String?
    }

    /// The port the sink listens on.
    public let port: Int
    private let listener: Int32
    private let username: String?
    private let password: String?
    private let mechanisms: [String]
    private let rejecting: Set<String>
    private let silent: Bool
    private let received = Mutex<[Received]>([])
    private let stopping = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)

    /// Starts listening on a free port of 127.0.0.1. With `username`, the sink
    /// advertises AUTH with `mechanisms` and demands a login before `MAIL`;
    /// `rejecting` recipients get a 550; a `silent` sink accepts connections and never answers.
    public init(username: String? = nil, password: String? = nil, mechanisms: [String] = ["PLAIN", "LOGIN"],
                rejecting: Set<String> = [], silent: Bool = false) throws {
        (listener, port) = try Self.bindLoopback()
        guard listen(listener, 8) == 0 else {
            close(listener)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        self.username = username
        self.password = password
        self.mechanisms = mechanisms
        self.rejecting = rejecting
        self.silent = silent
        let thread = Thread { [self] in
            acceptLoop()
            finished.store(true, ordering: .sequentiallyConsistent)
        }
        thread.name = "econsync.smtp-sink"
        thread.start()
    }

    /// The messages accepted so far, oldest first.
    public var messages: [Received] { received.withLock { $0 } }

    /// Stops serving, waits for the thread to end and closes the socket; later calls do nothing.
    public func stop() {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        while !finished.load(ordering: .sequentiallyConsistent) { usleep(5_000) }
        close(listener)
    }

    /// A port of 127.0.0.1 that was free a moment ago and has nothing listening on it.
    public static func closedPort() throws -> Int {
        let (descriptor, port) = try bindLoopback()
        close(descriptor)
        return port
    }

    /// A TCP socket bound to a free port of 127.0.0.1, and the port.
    private static func bindLoopback() throws -> (Int32, Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else {
            let code = errno
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        while !stopping.load(ordering: .sequentiallyConsistent) {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            serve(Connection(descriptor: client) { [self] in stopping.load(ordering: .sequentiallyConsistent) })
            close(client)
        }
    }

    /// One SMTP conversation, until QUIT, a closed connection or `stop()`.
    private func serve(_ connection: Connection) {
        if silent {
            while connection.readLine() != nil {}
            return
        }
        connection.write("220 127.0.0.1 SMTPSink ready")
        var from: String?
        var recipients: [String] = []
        var user: String?
        while let line = connection.readLine() {
            let words = line.split(separator: " ")
            switch words.first?.uppercased().split(separator: ":").first ?? "" {
            case "EHLO":
                let features = ["127.0.0.1 greets \(words.dropFirst().first ?? "")", "8BITMIME"]
                    + (username == nil ? [] : ["AUTH " + mechanisms.joined(separator: " ")]) + ["HELP"]
                let lines = features.enumerated().map { "250\($0.offset == features.count - 1 ? " " : "-")\($0.element)" }
                connection.write(lines.joined(separator: "\r\n"))
            case "HELO": connection.write("250 127.0.0.1")
            case "AUTH": user = authenticate(Array(words.dropFirst()), connection) ?? user
            case "MAIL":
                if username != nil && user == nil { connection.write("530 5.7.0 Authentication required"); continue }
                from = Self.path(in: line)
                recipients = []
                connection.write("250 2.1.0 Ok")
            case "RCPT":
                guard from != nil else { connection.write("503 5.5.1 Need MAIL first"); continue }
                let address = Self.path(in: line)
                if rejecting.contains(address) {
                    connection.write("550 5.1.1 <\(address)>: Recipient address rejected: User unknown")
                } else {
                    recipients.append(address)
                    connection.write("250 2.1.5 Ok")
                }
            case "DATA":
                guard let sender = from, !recipients.isEmpty else { connection.write("503 5.5.1 No valid recipients"); continue }
                connection.write("354 End data with <CR><LF>.<CR><LF>")
                var data = ""
                while true {
                    guard let text = connection.readLine() else { return }   // gone mid-message: nothing accepted
                    if text == "." { break }
                    data += (text.hasPrefix(".") ? String(text.dropFirst()) : text) + "\r\n"
                }
                received.withLock { $0.append(Received(from: sender, recipients: recipients, data: data, user: user)) }
                from = nil
                recipients = []
                connection.write("250 2.0.0 Ok: queued")
            case "RSET":
                from = nil
                recipients = []
                connection.write("250 2.0.0 Ok")
            case "NOOP": connection.write("250 2.0.0 Ok")
            case "QUIT":
                connection.write("221 2.0.0 Bye")
                return
            default: connection.write("502 5.5.2 Command not recognized")
            }
        }
    }

    /// Runs AUTH PLAIN or LOGIN; the user when the credentials match, after answering 235, else nil after a 5xx.
    private func authenticate(_ arguments: [Substring], _ connection: Connection) -> String? {
        guard username != nil else { connection.write("503 5.5.1 AUTH not offered"); return nil }
        let mechanism = arguments.first?.uppercased() ?? ""
        guard mechanisms.contains(mechanism) else { connection.write("504 5.5.4 Unrecognized authentication type"); return nil }
        func answer(_ challenge: String) -> String? {
            connection.write("334 \(challenge)")
            guard let line = connection.readLine(), line != "*" else { return nil }
            return Self.base64Decoded(line)
        }
        var user: String?
        var secret: String?
        if mechanism == "PLAIN" {
            let response = arguments.count > 1 ? Self.base64Decoded(String(arguments[1])) : answer("")
            let parts = response?.split(separator: "\0", omittingEmptySubsequences: false) ?? []
            if parts.count == 3 { (user, secret) = (String(parts[1]), String(parts[2])) }
        } else {
            user = arguments.count > 1 ? Self.base64Decoded(String(arguments[1])) : answer("VXNlcm5hbWU6")
            if user != nil { secret = answer("UGFzc3dvcmQ6") }
        }
        guard let user, let secret, user == username, secret == password else {
            connection.write("535 5.7.8 Authentication credentials invalid")
            return nil
        }
        connection.write("235 2.7.0 Authentication successful")
        return user
    }

    /// The address between `<` and `>` in a MAIL or RCPT command.
    private static func path(in line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line[open...].firstIndex(of: ">") else { return "" }
        return String(line[line.index(after: open)..<close])
    }

    private static func base64Decoded(_ text: String) -> String? {
        Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A client socket read line by line, giving up after 10 idle seconds or once `shouldStop` says so.
    private final class Connection {
        let descriptor: Int32
        let shouldStop: () -> Bool
        var buffer: [UInt8] = []

        init(descriptor: Int32, shouldStop: @escaping () -> Bool) {
            self.descriptor = descriptor
            self.shouldStop = shouldStop
        }

        /// The next line without its CRLF, or nil when the client is gone, idle or the sink stops.
        func readLine() -> String? {
            let deadline = Date().addingTimeInterval(60)
            while true {
                if let end = buffer.indices.dropLast().first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 }) {
                    let line = String(decoding: buffer[..<end], as: UTF8.self)
                    buffer.removeFirst(end + 2)
                    return line
                }
                guard !shouldStop(), Date() < deadline else { return nil }
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 50) > 0 else { continue }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { return nil }
                buffer += chunk[..<count]
            }
        }

        /// Sends `text` and a CRLF.
        func write(_ text: String) {
            let bytes = Array((text + "\r\n").utf8)
            var sent = 0
            while sent < bytes.count {
                let count = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { return }
                sent += count
            }
        }
    }
}
