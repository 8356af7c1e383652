import EconomicEmulator
import Foundation
import Snapshot
import TestSupport
import Testing

/// `econsync sync`, `status` and `run` end to end: the real binary against the emulator.
@Suite("econsync sync, status and run")
struct ModuleCommandTests {
    /// The modules of `status --json` or `sync --json` (`{"modules": [...]}`).
    static func json(_ text: String) throws -> [JSONValue] {
        try NothingLostTests.items(text, "modules")
    }

    static func module(_ items: [JSONValue], _ name: String) -> JSONValue? {
        items.first { $0["module"]?.stringValue == name }
    }

    @Test("sync runs every enabled module in order, the cooldown refuses a second run and says when, --force is recorded (golden)")
    func syncAndStatus() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            connected.cli.environment["ECONSYNC_TEST_JITTER"] = "0.5"
            let transcript = try await ConnectedCLI.offPool { [cli = connected.cli] in
                try cli.transcript([["sync"], ["sync", "customers"], ["sync", "customers", "--force"], ["status"], ["status", "--wide"]])
            }
            try Golden.check(transcript, against: "sync-status.txt")
            let status = try Self.json(try await connected.expect(["status", "--json"]))
            #expect(status.count == 8)
            let customers = try #require(Self.module(status, "customers"))
            #expect(customers["lastRunForced"] == .bool(true) && customers["state"]?.stringValue == "idle")
            #expect(customers["nextDue"]?.stringValue == "2026-11-02T08:15:30Z")
            #expect(Self.module(status, "suppliers")?["state"]?.stringValue == "disabled")
            #expect(Self.module(status, "orders")?["manual"] == .bool(true))
            #expect((customers["apiCallsToday"]?.intValue ?? 0) > 0)
            // Every pulled record arrived: the replica has e-conomic's customers.
            #expect(try await connected.expect(["local", "customer", "list"]).contains("1001"))
            connected.cli.environment["ECONSYNC_NOW"] = "2026-11-02T08:16:00Z"
            let later = try await connected.run(["sync", "customers", "--json"])
            #expect(later.status == 0)
            let report = try Self.json(later.stdout)
            #expect(report.first?["forced"] == .bool(false) && report.first?["full"] == .bool(false))
        }
    }

    @Test("a reconcile is a run of each module: status and log show it, inside the cooldown it exits 5 saying when, --force is recorded")
    func reconcileIsAModuleRun() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let before = try await connected.expect(["status"])
            #expect(before.contains("never") || !before.contains("08:00 UTC"), "\(before)")
            try await connected.expect(["reconcile"])
            let status = try await connected.expect(["status"])
            let products = try #require(status.split(separator: "\n").first { $0.contains(" products ") })
            #expect(products.contains("idle") && products.contains("2026-11-02 08:00 UTC") && !products.contains("forced"), "\(status)")
            let log = try await connected.expect(["log", "--module", "customers"])
            #expect(log.contains("customers") && log.contains("succeeded") && !log.contains("(forced)"), "\(log)")

            let refused = try await connected.run(["reconcile", "--module", "products"])
            #expect(refused.status == 5, "\(refused.stderr)")
            #expect(refused.stderr.contains("products: ran less than a minute ago (cooldown 15 minutes)") && refused.stderr.contains("`--force`"),
                    "\(refused.stderr)")
            let danish = try await connected.run(["reconcile", "--module", "products", "--lang", "da"])
            #expect(danish.status == 5 && danish.stderr.contains("products: kørte for under et minut siden (hviletid 15 minutter): modulet kan køre igen kl. ")
                    && !danish.stderr.contains(" ago "), "\(danish.stderr)")
            // A dry run takes no lease and writes nothing: the cooldown does not stop it.
            #expect(try await connected.run(["reconcile", "--dry-run", "--module", "products"]).status == 0)

            try await connected.expect(["reconcile", "--module", "products", "--force"])
            let forced = try await connected.expect(["log", "--module", "products"])
            #expect(forced.contains("products (forced)") && forced.split(separator: "\n").count { $0.contains("products") } == 2, "\(forced)")
            let after = try await connected.expect(["status"])
            #expect(after.split(separator: "\n").contains { $0.contains(" products ") && $0.contains("idle (forced)") }, "\(after)")
        }
    }

    /// An employee e-conomic does not have, and approved hours of theirs.
    static let hoursOfUnlinkedEmployee = [
        #"{"kind":"employee","ref":"lars","data":{"name":"Lars Lærling"}}"#,
        #"{"kind":"timeEntry","data":{"employee":"@lars","project":"e:2","hourType":"e:1","date":"2026-11-27","hours":4,"approvedAt":"2026-11-28T10:00:00Z","approvedBy":"formand"}}"#,
    ]

    @Test("a reconcile's module runs notify their errors as a sync's do: the blocked employee is in the log's notifications")
    func reconcileNotifies() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.importLines(Self.hoursOfUnlinkedEmployee)
            #expect(!(try await connected.expect(["log"])).contains("employeeMissingID"))
            let reconciled = try await connected.run(["reconcile"])
            #expect(reconciled.status == 0, "\(reconciled.stderr)")
            let log = try await connected.expect(["log", "--module", "projectEntries"])
            #expect(log.contains("notifications:") && log.contains("employeeMissingID  recorded"), "\(log)")
        }
    }

    @Test("hours of an employee without an e-conomic id are blocked with the brief's error naming the employee; the rest go through")
    func employeeMissingID() async throws {
        try await ConnectedCLI.with { connected in
            let approved = #""approvedAt":"2026-11-28T10:00:00Z","approvedBy":"formand""#
            try await connected.importLines(Self.hoursOfUnlinkedEmployee + [
                #"{"kind":"timeEntry","data":{"employee":"e:3","project":"e:2","hourType":"e:1","date":"2026-11-27","hours":3,\#(approved)}}"#,
            ])
            let result = try await connected.run(["sync", "projectEntries"])
            #expect(result.status == 0, "\(result.stderr)")
            // Not a full compare: the reconcile that pulled the agreement an hour before was the module's full run.
            #expect(result.stdout.contains("projectEntries: done: 0 pulled, 1 pushed, 0 skipped, 1 blocked"), "\(result.stdout)")
            #expect(result.stdout.contains("warning: Employee is missing an e-conomic ID: Lars Lærling (employee "))
            #expect(result.stdout.contains("what to do: set the employee's e-conomic employee number"))
            let status = try Self.json(try await connected.expect(["status", "--json"]))
            #expect(Self.module(status, "projectEntries")?["lastErrorKind"]?.stringValue == "employeeMissingID")
            #expect(connected.emulator.records(kind: "timeEntry").contains { $0.data["numberOfHours"] == .int(3) })
        }
    }

    @Test("Token expired stops every module in state needs reconnect (exit 4) until `econsync reconnect`")
    func tokenExpired() async throws {
        try await ConnectedCLI.with { connected in
            connected.emulator.revokeGrant("emulator-grant")
            let expired = try await connected.run(["sync", "units"])
            #expect(expired.status == 4)
            #expect(expired.stdout.contains("Token expired") && expired.stdout.contains("econsync reconnect"), "\(expired.stdout)")
            let statusRun = try await connected.run(["status", "--json"])
            #expect(statusRun.status == 4, "status exits 4 while e-conomic's token is expired, for monitoring")
            let status = try Self.json(statusRun.stdout)
            #expect(status.filter { $0["state"]?.stringValue == "needs reconnect" }.count == 7)
            let human = try await connected.run(["status"])
            #expect(human.status == 4 && human.stdout.components(separatedBy: "Token expired").count == 2, "one line, not one per module: \(human.stdout)")
            #expect(human.stdout.contains("\nall modules: needs reconnect: run `econsync reconnect` (Token expired: "), "collapsed: \(human.stdout)")
            let refused = try await connected.run(["sync", "products", "--force"])
            #expect(refused.status == 4 && refused.stdout.contains("products: not run: Token expired"))
            connected.emulator.addGrant("second-grant")
            try await connected.expect(["reconnect", "--grant-token-stdin"], input: "second-grant\n")
            let after = try Self.json(try await connected.expect(["status", "--json"]))
            #expect(after.allSatisfy { $0["state"]?.stringValue != "needs reconnect" })
            // Due at once, and the cooldown agrees: the module whose run met "Token expired" a moment ago runs without --force.
            let due = try await connected.expect(["status"])
            #expect(due.split(separator: "\n").filter { $0.contains("units") || $0.contains("products") }.allSatisfy { $0.contains("due now") }, "\(due)")
            let again = try await connected.run(["sync", "units", "products"])
            #expect(again.status == 0 && again.stdout.contains("units: done") && again.stdout.contains("products: done"), "\(again.stdout)")
        }
    }

    @Test("econsync run --once runs the modules due, once, for cron; run again inside the interval it runs none")
    func runOnce() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let first = try await connected.expect(["run", "--once"])
            #expect(first.components(separatedBy: ": done").count - 1 == 6, "\(first)")
            let logged = try String(contentsOfFile: connected.cli.home.appendingPathComponent("run.log").path, encoding: .utf8)
            #expect(logged.components(separatedBy: ": done").count - 1 == 6 && logged.hasPrefix("\(connected.cli.environment["ECONSYNC_NOW"] ?? "?") scheduler started"),
                    "run.log has every line after its time: \(logged)")
            connected.cli.environment["ECONSYNC_NOW"] = "2026-11-02T08:10:00Z"
            let second = try await connected.expect(["run", "--once"])
            #expect(!second.contains(": done"), "\(second)")
            connected.cli.environment["ECONSYNC_NOW"] = "2026-11-02T08:20:00Z"
            #expect(try await connected.expect(["run", "--once"]).components(separatedBy: ": done").count - 1 == 6)
        }
    }

    @Test("econsync run runs the due modules, then stops cleanly on SIGTERM with status 0")
    func runUntilSIGTERM() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let cli = connected.cli
            let (status, output) = try await ConnectedCLI.offPool { () -> (Int32, String) in
                let out = Pipe()
                let process = try cli.launch(["run"], output: out)
                var text = ""
                let deadline = Date().addingTimeInterval(120)
                while !text.contains("projectEntries: "), Date() < deadline {
                    let chunk = out.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    text += String(decoding: chunk, as: UTF8.self)
                }
                kill(process.processIdentifier, SIGTERM)
                text += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                return (process.terminationStatus, text)
            }
            #expect(status == 0, "\(output)")
            #expect(output.hasSuffix("stopped\n"), "\(output)")
            for module in ["units", "customers", "products", "hourTypes", "projects", "projectEntries"] {
                #expect(output.contains("\(module): done"), "\(module) did not run: \(output)")
            }
            let report = try Self.json(try await connected.expect(["status", "--json"]))
            #expect(report.allSatisfy { $0["state"]?.stringValue != "running" })
        }
    }
}
