import Foundation
import Synchronization
import TestSupport
import Testing

/// Runs the built `econsync` binary as a user would, in a temporary data directory.
final class CLI: @unchecked Sendable {
    /// The `econsync` executable built beside the test bundle.
    static let binary: URL = {
        let directory = Bundle.main.executableURL!.deletingLastPathComponent()
        return directory.appendingPathComponent("econsync")
    }()

    let directory: TemporaryDirectory
    /// A folder outside the data directory, for files written with `--out` or `--plan-out`.
    let outsideDirectory: TemporaryDirectory
    var home: URL { directory.url }
    var outside: URL { outsideDirectory.url }
    var environment: [String: String]

    init() throws {
        directory = try TemporaryDirectory("econsync-cli")
        outsideDirectory = try TemporaryDirectory("econsync-out")
        // A data directory as econsync makes it (a looser one is tightened with a note: NothingLostTests).
        chmod(directory.url.path, 0o700)
        environment = ["ECONSYNC_HOME": directory.url.path, "ECONSYNC_NOW": "2026-11-02T08:00:00Z", "USER": "formand", "TZ": "UTC",
                       "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        // Under `make asan` the econsync it runs is instrumented too, and takes the same options.
        if let options = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] { environment["ASAN_OPTIONS"] = options }
    }

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether a signal ended it (status is then the signal's number).
        var signalled = false
        /// Whether it was killed for taking longer than the timeout.
        var timedOut = false
    }

    /// Starts `econsync` with `arguments` in this CLI's environment and returns
    /// at once; its output goes to `output` and `errors` (discarded unless given).
    func launch(_ arguments: [String], output: Pipe? = nil, errors: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = errors ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `econsync` with `arguments` and waits for it; with `timeout`, a
    /// run that takes longer is killed and reported as timed out.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, timeout: TimeInterval? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        let timedOut = Mutex(false)
        if let timeout {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak process] in
                guard let process, process.isRunning, process.processIdentifier == pid else { return }
                timedOut.withLock { $0 = true }
                kill(pid, SIGKILL)
            }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal,
                      timedOut: timedOut.withLock { $0 })
    }

    /// Runs each command line and writes a transcript: the command, what it
    /// printed (standard output, then standard error) and a non-zero exit code.
    func transcript(_ commands: [[String]]) throws -> String {
        var text = ""
        for arguments in commands {
            let result = try run(arguments)
            text += "$ econsync " + arguments.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ") + "\n"
            text += result.stdout + result.stderr
            if result.status != 0 { text += "[exit \(result.status)]\n" }
            text += "\n"
        }
        return text.replacingOccurrences(of: home.path, with: "$ECONSYNC_HOME").replacingOccurrences(of: outside.path, with: "$OUT")
    }
}

/// Golden files: expected output kept beside the tests, rewritten with `UPDATE_GOLDEN=1`.
enum Golden {
    /// The repository's root folder.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func directory() -> URL {
        repository.appendingPathComponent("Tests/econsyncTests/Golden")
    }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let problem = try GoldenComparison.compare(actual, with: directory().appendingPathComponent(name)) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }
}
