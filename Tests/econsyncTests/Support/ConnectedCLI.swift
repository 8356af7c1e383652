import EconomicEmulator
import Foundation
import Snapshot
import TestSupport

/// The `econsync` binary in a temporary data directory, connected to an
/// in-process emulator seeded with the demo agreement.
final class ConnectedCLI: @unchecked Sendable {
    let cli: CLI
    let emulator: EconomicEmulator

    private init(cli: CLI, emulator: EconomicEmulator) {
        self.cli = cli
        self.emulator = emulator
    }

    /// Starts the emulator, initialises the data directory and connects (with
    /// `pulled`, a first reconcile brings e-conomic's records into the
    /// replica), runs `body`, and stops the emulator whether `body` returned
    /// or threw; returns what `body` returned.
    static func with<Result>(pulled: Bool = true, seed: String = SnapshotCommandTests.demo,
                             _ body: (ConnectedCLI) async throws -> Result) async throws -> Result {
        let emulator = try EconomicEmulator(snapshotPath: seed)
        return try await emulator.serving { port in
            let cli = try CLI()
            cli.environment["ECONSYNC_APP_SECRET_TOKEN"] = "emulator-app-secret"
            let base = "http://127.0.0.1:\(port)"
            let connected = ConnectedCLI(cli: cli, emulator: emulator)
            try await connected.expect(["init"])
            try await connected.expect(["connect", "--grant-token-stdin", "--rest-url", base, "--projects-url", base + "/projectsapi/v1.1.0"],
                                       input: "emulator-grant\n")
            if pulled {
                // The first pull an hour before the test's clock: the cooldown of the module runs it
                // records is over when the test begins, as it would be for an office the next morning.
                let now = cli.environment["ECONSYNC_NOW"]
                cli.environment["ECONSYNC_NOW"] = "2026-11-02T07:00:00Z"
                try await connected.expect(["reconcile"])
                cli.environment["ECONSYNC_NOW"] = now
            }
            return try await body(connected)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `body` on a thread of its own: waiting for a process must not hold
    /// one of the few threads the in-process emulator's tasks run on.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// Runs `econsync` with `arguments` and waits for it.
    func run(_ arguments: [String], input: String? = nil, timeout: TimeInterval? = nil) async throws -> CLI.Result {
        let cli = self.cli
        return try await Self.offPool { try cli.run(arguments, input: input, timeout: timeout) }
    }

    /// Runs `econsync` with `arguments`, killing itself (SIGKILL) the N-th time it reaches a step
    /// (`point` is `STEP:N`, see the crash matrix).
    func run(_ arguments: [String], crashingAt point: String) async throws -> CLI.Result {
        let cli = self.cli
        return try await Self.offPool {
            let plain = cli.environment
            cli.environment["ECONSYNC_TEST_CRASH"] = point
            defer { cli.environment = plain }
            return try cli.run(arguments)
        }
    }

    /// Runs a command that must succeed; returns its standard output.
    @discardableResult
    func expect(_ arguments: [String], input: String? = nil) async throws -> String {
        let result = try await run(arguments, input: input)
        guard result.status == 0 else {
            throw Failure(description: "econsync \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)\(result.stdout)")
        }
        return result.stdout
    }

    /// Records `hours` approved hours of employee e:3 on project e:2 (activity 1) on 2026-11-27, to be sent by the next sync.
    func importApprovedHours(_ hours: String) async throws {
        try await importLines([
            #"{"kind":"timeEntry","data":{"employee":"e:3","project":"e:2","hourType":"e:1","date":"2026-11-27","hours":\#(hours),"#
                + #""approvedAt":"2026-11-28T10:00:00Z","approvedBy":"formand"}}"#,
        ])
    }

    /// Writes `lines` as an NDJSON import file and imports it.
    func importLines(_ lines: [String]) async throws {
        let file = cli.outside.appendingPathComponent("import-\(UUID().uuidString).ndjson")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        try await expect(["local", "import", file.path])
    }

    /// Every record the emulator holds, without what e-conomic stamps on each write.
    func state() -> [Record] {
        emulator.records().map { record in
            var record = record
            record.data.removeValue(forKey: "lastUpdated")
            record.data.removeValue(forKey: "objectVersion")
            return record
        }
    }

    /// Every file under the data directory with its bytes: SQLite's
    /// shared-memory index and an empty write-ahead log (which a reader opens,
    /// and which holds no data) excepted.
    func files() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = cli.home.path
        for case let path as String in FileManager.default.enumerator(atPath: root)! where !path.hasSuffix("-shm") {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            guard !isDirectory.boolValue, let bytes = FileManager.default.contents(atPath: root + "/" + path) else { continue }
            if path.hasSuffix("-wal") && bytes.isEmpty { continue }
            files[path] = bytes
        }
        return files
    }
}
