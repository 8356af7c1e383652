import EconomicEmulator
import Foundation
import Snapshot
import TestSupport
import Testing

/// `econsync reconcile` end to end: the real binary against the emulator.
@Suite("econsync reconcile")
struct ReconcileCommandTests {
    /// Field work worth 27 pushes: 8 new products, 10 approved hours, 2 new
    /// projects with 2 approved hours each (pushed after their project), 3 price edits.
    static func fieldWork(_ connected: ConnectedCLI) async throws {
        var lines: [String] = []
        for n in 1...8 {
            lines.append(#"{"kind":"product","data":{"number":"NY-\#(n)","name":"Ny vare \#(n)","salesPrice":\#(10 * n),"unit":"e:1","productGroup":"e:1"}}"#)
        }
        let approved = #""approvedAt":"2026-11-28T10:00:00Z","approvedBy":"formand""#
        for n in 1...10 {
            let project = [2, 3, 5, 6, 8][n % 5], employee = 1 + n % 8
            lines.append(#"{"kind":"timeEntry","data":{"employee":"e:\#(employee)","project":"e:\#(project)","hourType":"e:1","date":"2026-11-\#(10 + n)","hours":\#(n % 7 + 1),"note":"Arbejde \#(n)",\#(approved)}}"#)
        }
        for name in ["pa", "pb"] {
            lines.append(#"{"kind":"project","ref":"\#(name)","data":{"name":"Nyt projekt \#(name)","customer":"e:1001","projectGroup":2}}"#)
            for n in 1...2 {
                lines.append(#"{"kind":"timeEntry","data":{"employee":"e:\#(n)","project":"@\#(name)","hourType":"e:2","date":"2026-11-2\#(n)","hours":2,"note":"Opstart \#(name) \#(n)",\#(approved)}}"#)
            }
        }
        try await connected.importLines(lines)
        for (product, price) in [("10002", "22"), ("10005", "55.5"), ("10009", "99.25")] {
            try await connected.expect(["local", "product", "edit", "n:\(product)", "--sales-price", price])
        }
    }

    /// What e-conomic holds after the field work is reconciled without interruption.
    /// e-conomic after an uninterrupted reconcile of ``fieldWork(_:)``, and the API requests that reconcile made.
    static let reference = Task<(state: [Record], requests: Int), any Error> {
        return try await ConnectedCLI.with { connected in
            try await fieldWork(connected)
            let before = connected.emulator.requestCount
            let output = try await connected.expect(["reconcile"])
            guard output.contains("27 pushed, 0 failed") else { throw ConnectedCLI.Failure(description: output) }
            return (connected.state(), connected.emulator.requestCount - before)
        }
    }

    @Test("killed after K sends (K = 1…24), resumed: e-conomic holds exactly the expected records, a local edit made meanwhile survives",
          arguments: Array(1...24))
    func killedAfterSends(k: Int) async throws {
        let expected = try await Self.reference.value.state
        try await ConnectedCLI.with { connected in
            try await Self.fieldWork(connected)
            let killed = try await connected.run(["reconcile"], crashingAt: "sent:\(k)")
            #expect(killed.status == SIGKILL, "reconcile was not killed: \(killed.stdout)\(killed.stderr)")
            let refused = try await connected.run(["reconcile"])
            #expect(refused.status == 1 && refused.stderr.contains("was interrupted; finish it with `econsync reconcile --resume`"))
            // Product 10005's price is in the interrupted run; its name is edited meanwhile.
            try await connected.expect(["local", "product", "edit", "n:10005", "--name", "Redigeret under afbrydelse \(k)"])
            let resumed = try await connected.expect(["reconcile", "--resume"])
            #expect(resumed.contains("replayed") && resumed.contains("0 failed"), "\(resumed)")
            #expect(connected.state() == expected)
            // The resume ran the modules moments ago: the next reconciles are forced past their cooldown.
            let next = try await connected.expect(["reconcile", "--force"])
            #expect(next.contains("0 pulled, 1 pushed, 0 failed"), "\(next)")
            let product = connected.emulator.records(kind: "product").first { $0.key == .string("10005") }
            #expect(product?.data["name"] == .string("Redigeret under afbrydelse \(k)") && product?.data["salesPrice"] == .number("55.5"))
            #expect(try await connected.expect(["reconcile", "--json", "--force"]).contains(#""empty" : true"#))
        }
    }

    @Test("killed by SIGKILL at a moment its seed picks, resumed: the same records, nothing twice", arguments: [UInt64(1), 2, 3, 4])
    func killedAtRandom(seed: UInt64) async throws {
        let (expected, requests) = try await Self.reference.value
        try await ConnectedCLI.with { connected in
            try await Self.fieldWork(connected)
            // The seed picks one of the reconcile's API requests; the process is killed while it waits for
            // that request's answer, which e-conomic has acted on: the same moment every time the seed is.
            var random = TestRandom(seed: seed)
            connected.emulator.holdAnswer(toRequest: random.int(1...requests))
            let process = try connected.cli.launch(["reconcile"])
            // Should the reconcile end without meeting the held answer, the hold is released so the wait ends.
            let exited = Task { [emulator = connected.emulator] in
                try await ConnectedCLI.offPool { process.waitUntilExit() }
                emulator.releaseHeldAnswer()
            }
            await connected.emulator.heldAnswerReached()
            kill(process.processIdentifier, SIGKILL)
            try await exited.value
            #expect(process.terminationReason == .uncaughtSignal, "the reconcile ended before its held answer")
            connected.emulator.releaseHeldAnswer()
            try await connected.expect(["reconcile", "--resume"])
            try await connected.expect(["reconcile", "--force"])
            #expect(connected.state() == expected)
            #expect(try await connected.expect(["reconcile", "--json", "--force"]).contains(#""empty" : true"#))
        }
    }

    @Test("a token that expires during the apply stops it with exit status 4; after reconnecting, --resume finishes it")
    func tokenExpired() async throws {
        let expected = try await Self.reference.value.state
        try await ConnectedCLI.with { connected in
            try await Self.fieldWork(connected)
            let planFile = connected.cli.outside.appendingPathComponent("plan.json").path
            try await connected.expect(["reconcile", "--plan-out", planFile])
            connected.emulator.revokeGrant("emulator-grant")
            let stopped = try await connected.run(["reconcile", "--apply", planFile])
            #expect(stopped.status == 4 && stopped.stderr.contains("Token expired: reconnect with `econsync reconnect`"))
            #expect(!stopped.stderr.contains("emulator-grant") && !stopped.stdout.contains("emulator-grant"))
            // Every module waits for the reconnect, the resume too (exit 4), until `econsync reconnect`.
            let waiting = try await connected.run(["reconcile", "--resume"])
            #expect(waiting.status == 4 && waiting.stderr.contains("every module waits for a reconnect"), "\(waiting.stderr)")
            connected.emulator.addGrant("emulator-grant")
            try await connected.expect(["reconnect", "--grant-token-stdin"], input: "emulator-grant\n")
            let resumed = try await connected.expect(["reconcile", "--resume"])
            #expect(resumed.contains("27 pushed (1 replayed") && resumed.contains(", 0 failed"), "\(resumed)")
            #expect(connected.state() == expected)
        }
    }

    @Test("a first reconcile writes the kinds nobody has yet straight from the snapshot, not through a plan of every record; then nothing is left to do")
    func firstPull() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let dry = try await connected.expect(["reconcile", "--dry-run"])
            #expect(dry.contains("pull-insert") && !dry.contains("first pull"), "\(dry)")
            let customers = connected.emulator.records(kind: "customer").count, products = connected.emulator.records(kind: "product").count
            let output = try await connected.expect(["reconcile"])
            let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("first pull, written straight from the snapshot") })
            #expect(line.contains("\(customers) customer") && line.contains("\(products) product"), "\(output)")
            #expect(try NothingLostTests.items(try await connected.expect(["local", "customer", "list", "--json"]), "customers").count == customers)
            let next = try await connected.expect(["reconcile", "--json", "--force"])
            #expect(next.contains(#""empty" : true"#) && !next.contains("firstPulled"), "\(next)")
            // Each module's run counts what it pulled, the first pull included.
            let log = try CanonicalJSON.parse(Array(try await connected.expect(["log", "--module", "customers", "--json"]).utf8))
            guard case .array(let runs)? = log["runs"] else { throw ConnectedCLI.Failure(description: "no runs in \(log)") }
            // The first reconcile pulled every customer, and the groups and terms; the forced one after it nothing.
            #expect(runs.count == 2 && (runs.first?["pulled"]?.intValue ?? 0) > Int64(customers) && runs.last?["pulled"]?.intValue == 0
                    && runs.last?["forced"] == .bool(true), "\(log)")
        }
    }

    @Test("--dry-run leaves the replica, the snapshot store and e-conomic byte for byte as they were")
    func dryRun() async throws {
        try await ConnectedCLI.with { connected in
            try await Self.fieldWork(connected)
            let files = try connected.files(), state = connected.state()
            let requests = connected.emulator.requestCount
            let output = try await connected.expect(["reconcile", "--dry-run"])
            #expect(output.contains("products: create 8, update 3") && output.contains("projectEntries: create 14") && !output.contains("applied"))
            let after = try connected.files()
            #expect(after == files, "changed: \(Set(after.keys).union(files.keys).filter { after[$0] != files[$0] }.sorted())")
            #expect(connected.state() == state && connected.emulator.requestCount > requests)
        }
    }

    @Test("--plan-out then --apply; a plan whose replica moved is refused and changes nothing")
    func planFiles() async throws {
        try await ConnectedCLI.with { connected in
            try await Self.fieldWork(connected)
            let planFile = connected.cli.outside.appendingPathComponent("plan.json").path
            try await connected.expect(["reconcile", "--plan-out", planFile])
            try await connected.expect(["local", "product", "edit", "n:10003", "--name", "Kugleventil efter planen"])
            let state = connected.state()
            let stale = try await connected.run(["reconcile", "--apply", planFile])
            #expect(stale.status == 1 && stale.stderr.contains("the replica changed since the plan was made"))
            #expect(connected.state() == state)

            try await connected.expect(["reconcile", "--plan-out", planFile, "--force"])
            let applied = try await connected.expect(["reconcile", "--apply", planFile])
            #expect(applied.contains("28 pushed, 0 failed"))
            let again = try await connected.run(["reconcile", "--apply", planFile])
            #expect(again.status == 1 && again.stderr.contains("make a new plan"))

            try Data("{\"format\":\"econsync-plan/1\"}".utf8).write(to: URL(fileURLWithPath: planFile))
            let broken = try await connected.run(["reconcile", "--apply", planFile])
            #expect(broken.status == 1 && broken.stderr.contains("invalid plan: a plan needs inputs and operations"))
            let usage = try await connected.run(["reconcile", "--dry-run", "--resume"])
            #expect(usage.status == 2)
            let module = try await connected.run(["reconcile", "--module", "payroll"])
            #expect(module.status == 2 && module.stderr.contains("'payroll' is invalid for '--module <module>'") && module.stderr.contains("projectEntries"))
        }
    }
}

@Suite("econsync reconcile, conflicts and settings: golden output")
struct ReconcileGoldenTests {
    @Test("human and --json output of reconcile, conflicts and settings")
    func transcript() async throws {
        try await ConnectedCLI.with { connected in
            connected.emulator.edit(kind: "product", key: .string("10003")) { $0?["name"] = .string("Kugleventil 1/2\" (e-conomic)") }
            connected.emulator.edit(kind: "product", key: .string("10004")) { $0?["salesPrice"] = .number("1699") }
            let cli = connected.cli
            let text = try await ConnectedCLI.offPool {
                try cli.transcript([
                    ["settings", "set", "products.autoCreate", "maybe"],
                    ["settings", "set", "projects.master", "economic"],
                    ["local", "product", "edit", "n:10003", "--name", "Kugleventil 1/2\" messing"],
                    ["local", "product", "add", "--number", "KR-22", "--name", "Kobberrør 22 mm", "--sales-price", "64.5", "--unit", "e:1"],
                    ["local", "materials", "record", "--product", "n:KR-22", "--project", "n:2", "--quantity", "6", "--date", "2026-11-02"],
                    ["local", "materials", "approve", "1", "--by", "Formand Jens"],
                    ["local", "hours", "record", "--employee", "e:3", "--project", "n:2", "--type", "e:1", "--date", "2026-11-02", "--hours", "7.5"],
                    ["local", "hours", "approve", "1", "--by", "Formand Jens"],
                    ["local", "hours", "record", "--employee", "e:3", "--project", "n:2", "--type", "e:1", "--date", "2026-11-02", "--hours", "1"],
                    ["reconcile", "--dry-run"],
                    ["reconcile"],
                    ["conflicts"],
                    ["conflicts", "--wide"],
                    ["conflicts", "--json"],
                    ["settings", "set", "products.productGroup", "1"],
                    ["reconcile", "--json"],
                    ["reconcile", "--json", "--force"],
                    ["reconcile", "--resume"],
                    ["conflicts", "--since", "2026-11-03"],
                ])
            }
            // The snapshots carry e-conomic's lastUpdated stamps (the emulator's real clock), and so does the plan's inputs hash.
            let stable = text.replacingOccurrences(of: #""inputsHash" : "[0-9a-f]+""#, with: #""inputsHash" : "…""#, options: .regularExpression)
            try Golden.check(stable, against: "reconcile.txt")
        }
    }
}

@Suite("econsync audit")
struct AuditCommandTests {
    @Test("clean after a reconcile; then each discrepancy is named, counted, and the exit status is 1")
    func audit() async throws {
        try await ConnectedCLI.with { connected in
            let clean = try await connected.run(["audit"])
            #expect(clean.status == 0 && clean.stdout.contains("no discrepancies"), "\(clean.stdout)\(clean.stderr)")
            let file = try #require(clean.stdout.split(separator: " ").first { $0.hasPrefix("snapshots/") }).dropLast()

            try await connected.expect(["local", "product", "edit", "n:10002", "--sales-price", "1"])
            try await connected.expect(["local", "customer", "add", "--name", "Ny Kunde ApS"])
            try await connected.expect(["local", "hours", "record", "--employee", "e:3", "--project", "n:2", "--type", "e:1", "--date",
                                        "2026-11-02", "--hours", "2"])
            try await connected.expect(["local", "hours", "approve", "1", "--by", "formand"])
            try await connected.expect(["local", "hours", "record", "--employee", "e:3", "--project", "n:2", "--type", "e:1", "--date",
                                        "2026-11-02", "--hours", "1"])
            let found = try await connected.run(["audit", "--snapshot", String(file)])
            #expect(found.status == 1)
            #expect(found.stdout.contains("product 10002: fields differ (salesPrice: replica 1, e-conomic 21.37)"), "\(found.stdout)")
            #expect(found.stdout.contains("customer local:") && found.stdout.contains(": no e-conomic key"))
            #expect(found.stdout.contains("timeEntry local:1: approved, not transferred") && !found.stdout.contains("timeEntry local:2"))
            #expect(found.stdout.contains("3 discrepancies"))
            let danish = try await connected.run(["audit", "--snapshot", String(file), "--lang", "da"])
            #expect(danish.status == 1 && danish.stdout.hasPrefix("revision af replikaen mod ") && danish.stdout.contains(": 3 afvigelser\n"), "\(danish.stdout)")
            #expect(danish.stdout.contains("ART ") && danish.stdout.contains("  vare 10002: felter afviger (salesPrice: Mobilplan 1, e-conomic 21.37)")
                    && danish.stdout.contains("  timeregistrering local:1: godkendt, ikke overført") && danish.stdout.contains(": uden e-conomic-nummer"),
                    "\(danish.stdout)")
            #expect(!danish.stdout.contains("fields differ") && !danish.stdout.contains("discrepanc"), "\(danish.stdout)")

            let json = try await connected.run(["audit", "--json"])
            #expect(json.status == 1 && json.stdout.contains(#""clean" : false"#) && json.stdout.contains(#""fields differ" : 1"#))
            let pruned = try await connected.expect(["snapshot", "prune", "--keep", "0"])
            #expect(!pruned.contains(String(file)), "an audited snapshot is kept")
        }
    }
}
