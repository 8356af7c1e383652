import EconomicEmulator
import Foundation
import Snapshot
import TestSupport
import Testing

/// Issue 16's defects, each through the real binary: data loss, duplicates
/// and divergence, and permissions.
@Suite("Nothing lost, nothing twice")
struct NothingLostTests {
    /// The items of a JSON array printed by a `--json` command.
    /// The list a `--json` object holds under `key` (`{"customers": [...]}`).
    static func items(_ json: String, _ key: String) throws -> [JSONValue] {
        guard case .array(let items)? = try CanonicalJSON.parse(json)[key] else { throw ConnectedCLI.Failure(description: "no list \(key): \(json)") }
        return items
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test("a 0-byte replica is refused by every command, init included (exit 3, file named), and stays as it was")
    func emptyReplica() throws {
        let cli = try CLI()
        let replica = cli.home.appendingPathComponent("replica.sqlite").path
        #expect(FileManager.default.createFile(atPath: replica, contents: Data()))
        for arguments in [["local", "customer", "list"], ["init"], ["status"], ["config", "show"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 3, "\(arguments): \(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains(replica) && result.stderr.contains("is empty (0 bytes)"), "\(result.stderr)")
        }
        #expect((try FileManager.default.attributesOfItem(atPath: replica)[.size] as? NSNumber)?.intValue == 0)
    }

    @Test("--plan-out refuses the data directory, devices, existing files without --force and a missing directory; nothing is replaced")
    func planOutTargets() async throws {
        try await ConnectedCLI.with { connected in
            let home = connected.cli.home
            let replica = home.appendingPathComponent("replica.sqlite").path
            let before = try Data(contentsOf: URL(fileURLWithPath: replica))
            let existing = connected.cli.outside.appendingPathComponent("kept.json").path
            try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
            let cases: [(String, String)] = [
                (replica, "is inside the data directory"),
                (home.appendingPathComponent("credentials.json").path, "is inside the data directory"),
                (home.appendingPathComponent("../\(home.lastPathComponent)/plan.json").path, "is inside the data directory"),
                ("/dev/null", "is not a regular file"),
                (existing, "exists already; give --force to replace it"),
                (connected.cli.outside.appendingPathComponent("no/such/dir/plan.json").path, "does not exist"),
            ]
            for (target, message) in cases {
                let result = try await connected.run(["reconcile", "--plan-out", target])
                #expect(result.status == 1 && result.stderr.contains(message), "\(target): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: replica)) == before)
            #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
            #expect(try await connected.run(["local", "check"]).status == 0)
            try await connected.expect(["reconcile", "--plan-out", existing, "--force"])
            #expect(try String(contentsOfFile: existing, encoding: .utf8).hasPrefix(#"{"format":"econsync-plan/1""#))
        }
    }

    @Test("an edited plan (hours changed and its idempotency key removed, or an operation appended) is refused before anything is sent",
          arguments: ["hours", "append"])
    func editedPlan(edit: String) async throws {
        try await ConnectedCLI.with { connected in
            try await ReconcileCommandTests.fieldWork(connected)
            let planFile = connected.cli.outside.appendingPathComponent("plan.json").path
            try await connected.expect(["reconcile", "--plan-out", planFile])
            var text = try String(contentsOfFile: planFile, encoding: .utf8)
            let entry = try #require(text.range(of: #""numberOfHours":2,"#))
            if edit == "hours" {
                text.replaceSubrange(entry, with: #""numberOfHours":20,"#)
                text = text.replacingOccurrences(of: #","idempotencyKey":"econsync-[0-9a-f]+""#, with: "", options: .regularExpression, range: nil)
            } else {
                let rename = #"{"action":"update","conflicts":[],"fields":{"name":"Omdøbt"},"idempotencyKey":"x","key":"1001","kind":"customer","module":"customers","reason":"edited"}"#
                text = text.replacingOccurrences(of: #""operations":["#, with: #""operations":["# + rename + ",")
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: planFile))
            let state = connected.state(), requests = connected.emulator.requestCount
            let result = try await connected.run(["reconcile", "--apply", planFile])
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains(planFile) && (result.stderr.contains("not a plan econsync wrote") || result.stderr.contains("was edited")),
                    "\(result.stderr)")
            #expect(connected.state() == state && connected.emulator.requestCount == requests)
        }
    }

    @Test("a plan made under other settings is refused: a module's rules hold at apply time")
    func planUnderOtherSettings() async throws {
        try await ConnectedCLI.with { connected in
            try await ReconcileCommandTests.fieldWork(connected)
            let planFile = connected.cli.outside.appendingPathComponent("plan.json").path
            try await connected.expect(["reconcile", "--plan-out", planFile])
            try await connected.expect(["config", "set", "projects.syncHours", "false"])
            let state = connected.state()
            let result = try await connected.run(["reconcile", "--apply", planFile])
            #expect(result.status == 1 && result.stderr.contains("is not what the replica, the base and the settings give now"), "\(result.stderr)")
            #expect(connected.state() == state)
        }
    }

    @Test("hours in an unsettled push cannot be un-approved; once the run is finished they are transferred and locked")
    func unapproveDuringRun() async throws {
        try await ConnectedCLI.with { connected in
            try await ReconcileCommandTests.fieldWork(connected)
            #expect(try await connected.run(["reconcile"], crashingAt: "sent:14").status == SIGKILL)
            let listed = try await connected.expect(["local", "hours", "list", "--json"])
            let entries = try Self.items(listed, "timeEntries")
            let waiting = try #require(entries.last { $0["approvedAt"] != nil && $0["approvedAt"] != .null && ($0["transferredAt"] == nil || $0["transferredAt"] == .null) })
            let id = try #require(waiting["id"]?.intValue)
            let refused = try await connected.run(["local", "hours", "unapprove", String(id)])
            #expect(refused.status == 1 && refused.stderr.contains("is being transferred to e-conomic by reconcile run"), "\(refused.stderr)")
            let status = try await connected.run(["status"])
            #expect(status.status == 1 && status.stdout.contains("was interrupted: the next sync finishes it, or run `econsync reconcile --resume`"),
                    "\(status.stdout)")
            try await connected.expect(["reconcile", "--resume"])
            #expect(try await connected.run(["status"]).status == 0, "finished: nothing needs the office")
            let after = try await connected.run(["local", "hours", "unapprove", String(id)])
            #expect(after.status == 1 && after.stderr.contains("was transferred to e-conomic"), "\(after.stderr)")
        }
    }

    @Test("while one process reconciles, a second reconcile and a module sync exit 5 naming its pid; local writes go on")
    func oneProcessAtATime() async throws {
        try await ConnectedCLI.with { connected in
            try await ReconcileCommandTests.fieldWork(connected)
            // The reconcile's first request waits for its answer until the others have been refused: it holds
            // the lock however long a loaded machine takes over them (a latency alone let it finish first on CI).
            connected.cli.environment["ECONSYNC_IDLE_TIMEOUT"] = "900"
            connected.emulator.holdAnswer(toRequest: 1)
            let process = try connected.cli.launch(["reconcile"])
            let lock = connected.cli.home.appendingPathComponent("agreement.lock").path
            let deadline = Date().addingTimeInterval(120)
            while (try? String(contentsOfFile: lock, encoding: .utf8))?.isEmpty ?? true, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            for arguments in [["reconcile"], ["reconcile", "--resume"], ["sync", "projectEntries", "--force"]] {
                let loser = try await connected.run(arguments)
                #expect(loser.status == 5, "\(arguments): \(loser.stdout)\(loser.stderr)")
                #expect((loser.stdout + loser.stderr).contains("running in another process (pid \(process.processIdentifier))"),
                        "\(loser.stdout)\(loser.stderr)")
            }
            try await connected.expect(["local", "customer", "add", "--name", "Imens ApS"])
            connected.emulator.releaseHeldAnswer()   // not awaited: a reconcile that never asked must fail the test, not hang it
            try await ConnectedCLI.offPool { process.waitUntilExit() }
            #expect(process.terminationStatus == 0)
            #expect(try await connected.run(["local", "check"]).status == 0)
        }
    }

    @Test("the data directory is 0700 and its files 0600 whatever the umask; a looser one is tightened with a note")
    func permissions() async throws {
        try await ConnectedCLI.with { connected in
            let home = connected.cli.home.path
            #expect(Self.mode(home) == 0o700)
            for name in FileManager.default.subpaths(atPath: home)! {
                let path = home + "/" + name
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                #expect(Self.mode(path) == (isDirectory.boolValue ? 0o700 : 0o600), "\(name): \(String(Self.mode(path), radix: 8))")
            }
            #expect(chmod(home, 0o755) == 0 && chmod(home + "/replica.sqlite", 0o644) == 0)
            let result = try await connected.run(["local", "customer", "list"])
            #expect(result.status == 0)
            #expect(result.stderr.contains("note: \(home) was readable by others (mode 755); it is now 700"), "\(result.stderr)")
            #expect(result.stderr.contains("replica.sqlite was readable by others (mode 644); it is now 600"), "\(result.stderr)")
            #expect(Self.mode(home) == 0o700 && Self.mode(home + "/replica.sqlite") == 0o600)
            // In Danish, as the office reads it.
            #expect(chmod(home, 0o750) == 0)
            let danish = try await connected.run(["local", "customer", "list", "--lang", "da"])
            #expect(danish.status == 0 && danish.stderr == "bemærk: \(home) kunne læses af andre (tilstand 750); den er nu 700\n", "\(danish.stderr)")
        }
    }

    @Test("a different valid snapshot copied over the base is refused, naming the way out; reconcile --full makes a new base")
    func replacedBase() async throws {
        try await ConnectedCLI.with { connected in
            let listed = try await connected.expect(["snapshot", "list", "--json"])
            let entries = try Self.items(listed, "snapshots")
            let base = try #require(entries.first { $0["baseFor"] != nil && $0["baseFor"] != .null }?["file"]?.stringValue)
            let path = connected.cli.home.appendingPathComponent(base).path
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.copyItem(atPath: SnapshotCommandTests.demo, toPath: path)
            let refused = try await connected.run(["reconcile"])
            #expect(refused.status == 1 && refused.stderr.contains("is not the file the replica recorded")
                    && refused.stderr.contains("reconcile --full"), "\(refused.stderr)")
            let full = try await connected.expect(["reconcile", "--full"])
            #expect(full.contains("0 failed"), "\(full)")
            #expect(try await connected.expect(["reconcile", "--json", "--force"]).contains(#""empty" : true"#))
        }
    }
}
