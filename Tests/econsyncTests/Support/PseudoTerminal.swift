import Foundation
import Glibc

/// A pseudo-terminal to run `econsync` in, as a person at a terminal would:
/// the child's standard input, output and error are the terminal; the test
/// reads what it prints and types answers.
final class PseudoTerminal: @unchecked Sendable {
    let master: Int32
    let slave: Int32
    private(set) var transcript = ""
    /// What was read but not yet matched by ``expect(_:timeout:)``.
    private var unmatched = ""

    init() throws {
        // posix_openpt and friends are not in Swift's Glibc module: the same by hand (Linux).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: CInt = 0, number: CUnsignedInt = 0
        let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
        guard master >= 0, ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else {
            throw ConnectedCLI.Failure(description: "no pseudo-terminal: errno \(errno)")
        }
        slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw ConnectedCLI.Failure(description: "cannot open /dev/pts/\(number)") }
    }

    deinit {
        close(master)
    }

    /// Starts `econsync` with `arguments` on the terminal.
    func start(_ cli: CLI, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.environment = cli.environment
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        close(slave)
        return process
    }

    /// Reads until the output (since the last call) contains `text`; throws after `timeout` seconds.
    func expect(_ text: String, timeout: Double = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while unmatched.range(of: text) == nil {
            guard Date() < deadline else {
                throw ConnectedCLI.Failure(description: "waited for \"\(text)\"; the terminal showed:\n\(transcript)")
            }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { throw ConnectedCLI.Failure(description: "the terminal closed while waiting for \"\(text)\":\n\(transcript)") }
            let chunk = String(decoding: buffer[..<count], as: UTF8.self)
            unmatched += chunk
            transcript += chunk
        }
        unmatched = String(unmatched[unmatched.range(of: text)!.upperBound...])
    }

    /// Types `line` and Enter.
    func type(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads what is left until the child closes the terminal.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 2000) > 0 else { return }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { return }
            transcript += String(decoding: buffer[..<count], as: UTF8.self)
        }
    }
}
