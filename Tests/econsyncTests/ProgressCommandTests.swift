import Foundation
import Testing

/// Progress of long commands: on standard error only, a line per step when it
/// is not a terminal, one line redrawn in place (`\r`) on a terminal, nothing
/// under `-q`. Standard output is the same with and without it.
@Suite("econsync shows progress on standard error")
struct ProgressCommandTests {
    @Test("pulls: snapshot take, reconcile and sync say each kind pulled (records, pages) on stderr; -q says nothing")
    func pulls() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let reconcile = try await connected.run(["reconcile"])
            #expect(reconcile.status == 0, "\(reconcile.stderr)")
            #expect(reconcile.stderr.contains("pulled customer: 30 records in 1 page\n") && !reconcile.stdout.contains("pulled "),
                    "\(reconcile.stderr)")

            let take = try await connected.run(["snapshot", "take", "--kind", "customer", "--kind", "unit"])
            #expect(take.status == 0 && take.stderr == "pulled unit: 3 records in 1 page\npulled customer: 30 records in 1 page\n", "\(take.stderr)")
            #expect(take.stdout.hasPrefix("stored snapshots/") && !take.stdout.contains("pulled "), "\(take.stdout)")
            let danish = try await connected.run(["snapshot", "take", "--kind", "customer", "--kind", "unit", "--lang", "da"])
            #expect(danish.status == 0 && danish.stderr == "hentet enhed: 3 poster på 1 side\nhentet kunde: 30 poster på 1 side\n", "\(danish.stderr)")
            let quiet = try await connected.run(["snapshot", "take", "--kind", "customer", "--kind", "unit", "-q"])
            #expect(quiet.status == 0 && quiet.stderr.isEmpty && quiet.stdout.hasPrefix("stored snapshots/"), "\(quiet.stderr)")

            let sync = try await connected.run(["sync", "units", "--force"])
            #expect(sync.status == 0, "\(sync.stderr)")
            #expect(sync.stderr.contains("pulled unit: 3 records") && !sync.stdout.contains("pulled "), "\(sync.stderr)")
            let quietSync = try await connected.run(["sync", "units", "--force", "--quiet"])
            #expect(quietSync.status == 0 && quietSync.stderr.isEmpty && !quietSync.stdout.isEmpty, "\(quietSync.stderr)")
        }
    }

    @Test("local check, bench generate and snapshot pack: plain progress lines on stderr, the result alone on stdout")
    func lines() throws {
        let cli = try CLI()
        let generate = try cli.run(["bench", "generate", "--customers", "10", "--products", "5", "--projects", "2", "--hours", "20"])
        #expect(generate.status == 0 && generate.stdout.hasPrefix("generated "), "\(generate.stderr)")
        let steps = generate.stderr.split(separator: "\n")
        #expect(steps.first?.hasPrefix("generating: ") == true && steps.allSatisfy { $0.hasPrefix("generating: ") } && steps.count >= 5, "\(steps)")
        #expect(steps.contains { $0.hasSuffix("(contact, customer)") } && steps.contains { $0.contains("time entry") }, "\(steps)")

        let check = try cli.run(["local", "check"])
        #expect(check.status == 0 && check.stdout == "replica is consistent\n")
        let checked = check.stderr.split(separator: "\n")
        #expect(checked.count == 19 && checked.first == "checking integrity (1/19)" && checked[1] == "checking foreign keys (2/19)", "\(checked)")
        #expect(checked.last == "checking the change log of department (19/19)", "\(checked)")
        let quiet = try cli.run(["local", "check", "-q"])
        #expect(quiet.stdout == check.stdout && quiet.stderr.isEmpty)
        #expect(try cli.run(["local", "check", "--json"]).stderr.isEmpty, "--json: the object alone")

        let records = cli.outside.appendingPathComponent("records.ndjson")
        try Data("""
            {"kind":"unit","key":2,"data":{"unitNumber":2,"name":"timer"}}
            {"kind":"unit","key":1,"data":{"unitNumber":1,"name":"stk."}}

            """.utf8).write(to: records)
        let out = cli.outside.appendingPathComponent("s.ndjson.gz").path
        let pack = try cli.run(["snapshot", "pack", records.path, "--out", out, "--agreement", "1118081"])
        #expect(pack.status == 0 && pack.stdout.hasPrefix("wrote \(out): 2 records, sha256 "), "\(pack.stderr)")
        #expect(pack.stderr == "read 2 records from \(records.path)\n[############------------] 1/2 records  0.0/s  ETA 0s\n"
                + "[########################] 2/2 records  0.0/s  ETA 0s\n", "\(pack.stderr)")
    }

    @Test("on a terminal the progress is one line redrawn in place, ended once")
    func terminal() throws {
        let cli = try CLI()
        #expect(try cli.run(["init"]).status == 0)
        let terminal = try PseudoTerminal()
        let process = try terminal.start(cli, ["local", "check"])
        try terminal.expect("replica is consistent")
        terminal.drain()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let shown = terminal.transcript
        #expect(shown.hasPrefix("\rchecking integrity (1/19)\u{1B}[K\rchecking foreign keys (2/19)\u{1B}[K\r"), "\(shown.debugDescription)")
        #expect(shown.hasSuffix("\rchecking the change log of department (19/19)\u{1B}[K\r\nreplica is consistent\r\n"), "\(shown.debugDescription)")
        #expect(!shown.dropLast("replica is consistent\r\n".count).dropLast(2).contains("\n"), "one line until the end")
    }
}
