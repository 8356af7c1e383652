import EconomicEmulator
import Foundation
import Snapshot
import Testing

extension ChaosTests {
    /// Several processes on one data directory for a bounded time: reconciles,
    /// module syncs, order exports and local writes at once. Every loser exits
    /// 5 saying so; the replica stays consistent; e-conomic gets every hour once.
    @Suite("Chaos: concurrency")
    struct ConcurrencyTests {
        static let seconds = Chaos.size(short: 6.0, whole: 60.0)

        /// One kind of process, run again and again until the time is up.
        struct Worker: Sendable {
            var name: String
            /// The command line of round `n`; nil to skip the round.
            var command: @Sendable (Int) throws -> [String]
            /// The exit statuses that are answers, not defects (5 must say who holds the agreement).
            var accepted: Set<Int32>
        }

        @Test("reconcile, sync, order export and local writes at once: losers exit 5, the replica stays consistent, every hour goes once")
        func manyProcesses() async throws {
            try await ConnectedCLI.with { connected in
                try await OrderExportCommandTests.fieldWork(connected)
                connected.emulator.injectFaults(seed: 3, latencyMs: 2, errorRate: 0, dropRate: 0)
                let outside = connected.cli.outside
                let approved = #""approvedAt":"2026-11-28T10:00:00Z","approvedBy":"formand""#
                let workers = [
                    Worker(name: "reconcile", command: { _ in ["reconcile", "--force"] }, accepted: [0, 5]),
                    Worker(name: "sync", command: { _ in ["sync", "projectEntries", "--force"] }, accepted: [0, 5]),
                    Worker(name: "order export", command: { _ in ["order", "export", "--project", "e:2"] }, accepted: [0, 2, 5]),
                    Worker(name: "local writes", command: { n in
                        let file = outside.appendingPathComponent("samtidig-\(n).ndjson")
                        let line = #"{"kind":"timeEntry","data":{"employee":"e:\#(1 + n % 8)","project":"e:3","hourType":"e:1","date":"2026-11-20","hours":1,"note":"Samtidig \#(n)",\#(approved)}}"#
                        try Data((line + "\n").utf8).write(to: file)
                        return ["local", "import", file.path]
                    }, accepted: [0]),
                ]
                let deadline = Date().addingTimeInterval(Self.seconds)
                let cli = connected.cli
                // Each worker returns its probes' defects (nil: handled) and the hours it wrote.
                let rounds = try await withThrowingTaskGroup(of: (defects: [String?], writes: Int).self) { group in
                    for worker in workers {
                        group.addTask {
                            var defects: [String?] = [], writes = 0, round = 0
                            while Date() < deadline {
                                let arguments = try worker.command(round)
                                let result = try await ConnectedCLI.offPool { try cli.run(arguments, timeout: 120) }
                                let output = result.stdout + result.stderr
                                // Four processes at full tilt for a minute exhaust e-conomic's call budget: a rate-limited
                                // run that says so and leaves the work for the next run is an answer, not a defect.
                                let rateLimited = result.status == 1 && output.contains("Rate limited")
                                if !worker.accepted.contains(result.status) && !rateLimited {
                                    let said = output.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).filter { !$0.hasPrefix("[") }.suffix(4)
                                    defects.append("\(worker.name): exit \(result.status): \(said.joined(separator: " / ").prefix(600))")
                                } else if result.status == 5 && !output.contains("running in another process (pid ")
                                            && !output.contains("is held by another econsync process") {
                                    defects.append("\(worker.name): exit 5 without saying who runs: \(output.prefix(300))")
                                } else if worker.name == "order export" && result.status == 2 && !output.contains("no approved") && !output.contains("nothing") {
                                    defects.append("order export: \(output.prefix(300))")
                                } else {
                                    defects.append(nil)
                                }
                                if worker.name == "local writes" && result.status == 0 { writes += 1 }
                                round += 1
                            }
                            return (defects, writes)
                        }
                    }
                    return try await group.reduce(into: [(defects: [String?], writes: Int)]()) { $0.append($1) }
                }
                var final = Chaos.Tally("concurrency")
                for defect in rounds.flatMap(\.defects) { final.probe(defect) }
                let written = rounds.map(\.writes).reduce(0, +)
                connected.emulator.clearFaults()
                let settle = try await connected.run(["reconcile", "--force"])
                final.probe(settle.status == 0 ? nil : "the reconcile after the processes: exit \(settle.status): "
                            + "\(settle.stdout.split(separator: "\r").last ?? "")\(settle.stderr)")
                let check = try await connected.run(["local", "check"])
                var diagnosis = ""
                if check.status != 0 {
                    let changes = try await connected.run(["local", "changes", "--since", "0", "--json"])
                    let hours = try await connected.run(["local", "hours", "list", "--json"])
                    diagnosis = "\nchanges: \(changes.stdout.suffix(3000))\nhours: \(hours.stdout.suffix(3000))"
                }
                final.probe(check.status == 0 && check.stdout == "replica is consistent\n" ? nil : "local check: \(check.stdout)\(check.stderr)\(diagnosis)")
                let texts = connected.emulator.records(kind: "timeEntry").compactMap { $0.data["text"]?.stringValue }.filter { $0.hasPrefix("Samtidig ") }
                let counts = Dictionary(grouping: texts, by: { $0 }).mapValues(\.count)
                final.probe(counts.values.allSatisfy { $0 == 1 } ? nil : "sent twice: \(counts.filter { $0.value > 1 }.keys.sorted().prefix(10))")
                final.probe(counts.count == written ? nil : "\(written) hours written, \(counts.count) in e-conomic")
                #expect(written > 0)
                final.report("\(workers.count) processes for \(Int(Self.seconds)) s, \(written) hours written; exactly once: "
                             + "\(counts.count == written && counts.values.allSatisfy { $0 == 1 } ? "yes" : "no")")
            }
        }
    }
}
