import ArgumentParser
import Foundation
import Snapshot
import Testing
@testable import econsync

/// The `--json` convention, for every command that takes `--json`: one
/// object at the top level (a list under a key naming what it holds), typed
/// values (no JSON inside strings), no replica bookkeeping names, and on
/// failure `{"error": {"code", "message", "exitStatus", "remedy", …}}`.
@Suite("--json: one object for every command")
struct JSONConventionCommandTests {
    /// A command line with `--json` and a key its object must have.
    /// In the arguments, `BASE` is the emulator's address, `ID` the `id` the
    /// previous command printed, `ORDER` the order number `order export`
    /// printed (the draft then deleted in e-conomic, for `order release`),
    /// `FILE` an NDJSON file to import, `DEMO` the demo agreement, and `FRESH`
    /// a data directory of its own (initialised, not connected).
    struct Step: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var key: String
        var input: String?

        init(_ arguments: [String], _ key: String, input: String? = nil) {
            self.arguments = arguments + ["--json"]
            self.key = key
            self.input = input
        }

        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// Every command that takes `--json`, in an order that gives each something to show.
    static let steps: [Step] = [
        Step(["init"], "schemaVersion"),
        Step(["--data-dir", "FRESH", "connect", "--grant-token-stdin", "--rest-url", "BASE", "--projects-url", "BASE/projectsapi/v1.1.0"], "agreement",
             input: "emulator-grant\n"),
        Step(["reconnect", "--grant-token-stdin"], "agreement", input: "emulator-grant\n"),
        Step(["local", "customer", "add", "--name", "Nyt Firma ApS"], "id"),
        Step(["local", "customer", "edit", "ID", "--city", "Vejle"], "economicKey"),
        Step(["local", "customer", "list"], "customers"),
        Step(["local", "contact", "add", "--customer", "e:1001", "--name", "Ny Kontakt"], "id"),
        Step(["local", "contact", "edit", "ID", "--phone", "12345678"], "economicKey"),
        Step(["local", "contact", "list"], "contacts"),
        Step(["local", "product", "add", "--number", "P-JSON", "--name", "Rør", "--sales-price", "1.234,50"], "id"),
        Step(["local", "product", "edit", "ID", "--name", "Rør 22 mm"], "economicKey"),
        Step(["local", "product", "list"], "products"),
        Step(["local", "project", "add", "--name", "Nyt projekt", "--customer", "e:1001"], "id"),
        Step(["local", "project", "edit", "ID", "--name", "Nyt projekt 2"], "economicKey"),
        Step(["local", "project", "list"], "projects"),
        Step(["local", "employee", "add", "--name", "Ny Ansat"], "id"),
        Step(["local", "employee", "edit", "ID", "--phone", "12345678"], "economicKey"),
        Step(["local", "employee", "list"], "employees"),
        Step(["local", "hour-type", "add", "--name", "Overtid", "--activity", "1"], "id"),
        Step(["local", "hour-type", "edit", "ID", "--name", "Overtid 50%"], "economicKey"),
        Step(["local", "hour-type", "list"], "hourTypes"),
        Step(["local", "hours", "record", "--employee", "e:3", "--project", "e:2", "--type", "e:1", "--date", "2026-11-27", "--hours", "7,5"], "id"),
        Step(["local", "hours", "edit", "ID", "--hours", "8"], "economicKey"),
        Step(["local", "hours", "approve", "ID"], "timeEntries"),
        Step(["local", "hours", "unapprove", "ID"], "timeEntries"),
        Step(["local", "hours", "list"], "timeEntries"),
        Step(["local", "materials", "record", "--product", "n:10002", "--project", "e:2", "--quantity", "2", "--employee", "e:3",
              "--date", "2026-11-27"], "id"),
        Step(["local", "materials", "edit", "ID", "--quantity", "3"], "economicKey"),
        Step(["local", "materials", "approve", "ID"], "materials"),
        Step(["local", "materials", "unapprove", "ID"], "materials"),
        Step(["local", "materials", "list"], "materials"),
        Step(["local", "supplier", "list"], "suppliers"),
        Step(["local", "unit", "list"], "units"),
        Step(["local", "changes", "--since", "0", "--limit", "3"], "changes"),
        Step(["local", "unsynced"], "unsynced"),
        Step(["local", "import", "FILE"], "created"),
        Step(["local", "check"], "problems"),
        Step(["reconcile", "--dry-run"], "plan"),
        Step(["reconcile"], "applied"),
        Step(["sync", "units", "--force"], "modules"),
        Step(["status"], "modules"),
        Step(["log", "--limit", "3"], "runs"),
        Step(["why", "customer", "e:1001"], "economicKey"),
        Step(["pending"], "records"),
        Step(["conflicts"], "conflicts"),
        Step(["order", "export", "--project", "e:2"], "export"),
        Step(["order", "list"], "orders"),
        Step(["order", "release", "ORDER"], "state"),
        Step(["config", "show"], "settings"),
        Step(["audit"], "findings"),
        Step(["snapshot", "take", "--kind", "unit"], "file"),
        Step(["snapshot", "list", "--all"], "snapshots"),
        Step(["snapshot", "show", "@latest", "--kind", "unit"], "records"),
        Step(["snapshot", "stats", "@latest"], "kinds"),
        Step(["snapshot", "verify", "@latest"], "snapshots"),
        Step(["snapshot", "diff", "@base", "@latest", "--kind", "unit"], "changes"),
        Step(["snapshot", "import", "DEMO"], "snapshots"),
        Step(["snapshot", "prune", "--keep", "10", "--dry-run"], "removed"),
        Step(["--data-dir", "FRESH/generated", "bench", "generate", "--customers", "2", "--products", "2", "--projects", "1", "--hours", "2"], "created"),
        Step(["bench", "pull", "--customers", "20", "--products", "10"], "runs"),
        Step(["bench", "sync", "--customers", "20", "--products", "10"], "steps"),
        Step(["bench", "day", "--records", "60", "--rounds", "1"], "moduleRuns"),
        Step(["bench", "snapshot", "--records", "200"], "goalsMet"),
        Step(["bench", "merge", "--records", "200"], "goalsMet"),
        Step(["bench", "reconcile", "--records", "200"], "goalsMet"),
        Step(["bench", "replica", "--rows", "200", "--batch", "100", "--validated", "10"], "rows"),
        Step(["bench", "panel", "--customers", "20", "--products", "10", "--hours", "50", "--days", "1", "--requests", "3"], "medianMs"),
    ]

    /// Every leaf command under `command`, hidden ones too, by type.
    static func leaves(_ command: any ParsableCommand.Type = Econsync.self) -> [any ParsableCommand.Type] {
        let subcommands = command.configuration.subcommands
        return subcommands.isEmpty ? [command] : subcommands.flatMap { leaves($0) }
    }

    @Test("the steps run every command that takes --json")
    func everyCommandListed() throws {
        let taking = Self.leaves().filter { Econsync.helpMessage(for: $0, includeHidden: true).contains("--json") }
        let run = try Self.steps.map { step in
            type(of: try Econsync.parseAsRoot(step.arguments.map { ["ID", "ORDER"].contains($0) ? "1" : $0 }))
        }
        let ran = Set(run.map(ObjectIdentifier.init))
        let missing = taking.filter { !ran.contains(ObjectIdentifier($0)) }.map { $0._commandName }
        #expect(missing.isEmpty, "commands with --json the steps leave out: \(missing)")
        #expect(taking.count > 50, "\(taking.count)")
    }

    @Test("every command with --json prints one object: a list under a key, typed values, no bookkeeping names")
    func everyCommandPrintsAnObject() async throws {
        try await ConnectedCLI.with { connected in
            try await OrderExportCommandTests.fieldWork(connected)
            let base = "http://127.0.0.1:\(connected.emulator.port!)"
            let fresh = connected.cli.outside.appendingPathComponent("fresh")
            try await connected.expect(["--data-dir", fresh.path, "init"])
            let file = connected.cli.outside.appendingPathComponent("day.ndjson")
            try Data(#"{"kind":"customer","data":{"name":"Importeret Kunde A/S"}}"#.utf8).write(to: file)
            var last: [String: JSONValue] = [:]
            var order = "1"
            for step in Self.steps {
                let arguments = step.arguments.map { word in
                    switch word {
                    case "ID": last["id"].map(\.description) ?? "?"
                    case "ORDER": order
                    case "FILE": file.path
                    case "DEMO": SnapshotCommandTests.demo
                    default: word.replacingOccurrences(of: "BASE", with: base).replacingOccurrences(of: "FRESH", with: fresh.path)
                    }
                }
                let result = try await connected.run(arguments, input: step.input)
                guard case .object(let object) = try? CanonicalJSON.parse(result.stdout) else {
                    Issue.record("\(arguments.joined(separator: " ")): not a JSON object (exit \(result.status)): \(result.stdout)\(result.stderr)")
                    continue
                }
                #expect(object["error"] == nil, "\(arguments.joined(separator: " ")): \(result.stdout)")
                #expect(object[step.key] != nil, "\(arguments.joined(separator: " ")) has no \(step.key): \(object.keys.sorted())")
                for problem in Self.problems(.object(object)) {
                    Issue.record("\(arguments.joined(separator: " ")): \(problem)")
                }
                if object["id"] != nil { last = object }
                if let number = object["export"]?["orderNumber"]?.intValue {
                    order = String(number)
                    connected.emulator.edit(kind: "order", key: .int(number)) { $0 = nil }
                }
            }
        }
    }

    /// What breaks the convention anywhere in `value`: a replica bookkeeping
    /// name as a key, or a string holding JSON (an object or a list).
    static func problems(_ value: JSONValue, at path: String = "") -> [String] {
        switch value {
        case .object(let fields):
            fields.flatMap { name, field in
                (["foreignKey", "syncedHash", "tombstone"].contains(name) ? ["\(path).\(name): an internal name"] : [])
                    + problems(field, at: path + "." + name)
            }
        case .array(let items):
            items.flatMap { problems($0, at: path + "[]") }
        case .string(let text):
            (text.hasPrefix("{") || text.hasPrefix("[")) && (try? CanonicalJSON.parse(text)) != nil ? ["\(path): JSON inside a string: \(text)"] : []
        default:
            []
        }
    }

    @Test("without a replica, every command that needs one prints {\"error\": …} with code, message, exit status and remedy")
    func errorsAreObjects() throws {
        let cli = try CLI()
        var refused = 0
        // `init` would make the replica; benchmarks need none.
        for step in Self.steps where step.arguments[0] != "init" && step.arguments[0] != "bench" {
            let arguments = step.arguments.map { ["ID", "ORDER"].contains($0) ? "1" : $0 == "DEMO" ? SnapshotCommandTests.demo : $0 }
                .filter { !$0.hasPrefix("FRESH") && $0 != "--data-dir" }
            let result = try cli.run(arguments, input: step.input)
            guard case .object(let object) = try? CanonicalJSON.parse(result.stdout) else {
                Issue.record("\(arguments.joined(separator: " ")): not a JSON object (exit \(result.status)): \(result.stdout)\(result.stderr)")
                continue
            }
            guard result.status != 0 else { continue }
            let error = try #require(object["error"], "\(arguments.joined(separator: " ")) exited \(result.status): \(result.stdout)")
            #expect(error["code"]?.stringValue?.isEmpty == false && error["message"]?.stringValue?.isEmpty == false)
            #expect(error["exitStatus"]?.intValue == Int64(result.status))
            #expect(result.stderr.isEmpty, "\(arguments.joined(separator: " ")): \(result.stderr)")
            if error["code"]?.stringValue == "replica.not-initialised" {
                #expect(error["remedy"]?["action"]?.stringValue == "initialise", "\(result.stdout)")
                #expect(error["remedy"]?["text"]?.stringValue == "run `econsync init` first", "\(result.stdout)")
                refused += 1
            }
        }
        #expect(refused > 40, "\(refused) commands refused for want of a replica")
    }

    @Test("sync --json gives a module's error as its code and its remedy as an object (action, typed values, text), and what an unreachable e-conomic left")
    func moduleRemediesAreObjects() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.expect(["sync", "units"])
            let cooling = try await connected.run(["sync", "units", "--json"])
            #expect(cooling.status == 5, "\(cooling.stdout)\(cooling.stderr)")
            let waiting = try Self.module(cooling.stdout)
            #expect(waiting["errorKind"]?.stringValue == "coolingDown", "\(cooling.stdout)")
            #expect(waiting["remedy"]?["action"]?.stringValue == "waitForCooldown", "\(cooling.stdout)")
            #expect(waiting["remedy"]?["until"]?.stringValue == "2026-11-02T08:15:00Z", "a UTC time of its own: \(cooling.stdout)")
            #expect(waiting["remedy"]?["text"]?.stringValue?.contains("`--force`") == true, "the words stay for people: \(cooling.stdout)")

            try await connected.importApprovedHours("3")
            connected.emulator.injectFaults(seed: 1, latencyMs: 0, errorRate: 0, dropRate: 1, throttleBurst: 0)
            let offline = try await connected.run(["sync", "--force", "--json"])
            #expect(offline.status == 6, "\(offline.stdout)\(offline.stderr)")
            #expect(offline.stderr.isEmpty, "\(offline.stderr)")
            let unreachable = try Self.module(offline.stdout)
            #expect(unreachable["errorKind"]?.stringValue == "unreachable", "\(offline.stdout)")
            #expect(unreachable["remedy"]?["action"]?.stringValue == "retryLater", "\(offline.stdout)")
            #expect(unreachable["remedy"]?["after"]?.stringValue == "network", "\(offline.stdout)")
            #expect(unreachable["remedy"]?["text"]?.stringValue?.hasPrefix("nothing is lost") == true, "\(offline.stdout)")
            let report = try CanonicalJSON.parse(offline.stdout)
            #expect(report["stopped"]?.stringValue == "unreachable", "\(offline.stdout)")
            #expect(report["keptLocally"]?["timeEntries"]?.intValue == 1 && report["keptLocally"]?["materials"]?.intValue == 0, "\(offline.stdout)")
            #expect(Self.problems(report).isEmpty, "\(Self.problems(report))")
        }
    }

    /// The first module of a `sync --json` report.
    static func module(_ stdout: String) throws -> JSONValue {
        guard case .array(let modules)? = try CanonicalJSON.parse(stdout)["modules"], let first = modules.first else {
            throw ConnectedCLI.Failure(description: "no modules in: \(stdout)")
        }
        return first
    }
}
