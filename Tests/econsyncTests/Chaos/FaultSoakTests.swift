import EconomicEmulator
import Foundation
import Snapshot
import Testing

extension ChaosTests {
    /// The fault soak: field operations reconciled through an emulator that
    /// answers 5xx, drops connections, throttles in bursts (with and without
    /// `Retry-After`) and is slow, with the grant revoked midway; reconciles are
    /// repeated (and resumed) as a script would until one is clean. Nothing may
    /// be lost and nothing sent twice.
    @Suite("Chaos: fault soak")
    struct FaultSoakTests {
        static let operations = Chaos.size(short: 240, whole: 10_000)

        /// `count` approved time entries, one new product per 40, and one price edit per 100, as import lines.
        static func fieldOperations(_ count: Int) -> [String] {
            let approved = #""approvedAt":"2026-11-28T10:00:00Z","approvedBy":"formand""#
            return (0..<count).map { n in
                if n % 40 == 39 {
                    return #"{"kind":"product","data":{"number":"SOAK-\#(n)","name":"Soak-vare \#(n)","salesPrice":\#(n % 97 + 1),"unit":"e:1","productGroup":"e:1"}}"#
                }
                let project = [2, 3, 5, 6, 8][n % 5], employee = 1 + n % 8, day = 1 + n % 28
                return #"{"kind":"timeEntry","data":{"employee":"e:\#(employee)","project":"e:\#(project)","hourType":"e:\#(1 + n % 2)","date":"2026-11-\#(String(format: "%02d", day))","hours":\#(n % 7 + 1),"note":"Soak \#(n)",\#(approved)}}"#
            }
        }

        /// Runs `econsync reconcile` and revokes the grant once the emulator has answered `requests` requests.
        static func reconcileRevokedMidway(_ connected: ConnectedCLI, after requests: Int) async throws -> (status: Int32, stderr: String) {
            let errors = Pipe()
            let process = try connected.cli.launch(["reconcile"], errors: errors)
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning && connected.emulator.requestCount < requests && Date() < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            connected.emulator.revokeGrant("emulator-grant")
            let stderr = try await ConnectedCLI.offPool { String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
            try await ConnectedCLI.offPool { process.waitUntilExit() }
            return (process.terminationStatus, stderr)
        }

        @Test("field operations through 5xx, drops, 429 bursts, latency and a revoked grant: nothing lost, nothing twice")
        func soak() async throws {
            try await ConnectedCLI.with { connected in
                let lines = Self.fieldOperations(Self.operations)
                for chunk in stride(from: 0, to: lines.count, by: 2000) {
                    try await connected.importLines(Array(lines[chunk..<min(chunk + 2000, lines.count)]))
                }
                let before = connected.emulator.records(kind: "timeEntry").count
                connected.emulator.injectFaults(seed: 16, latencyMs: 1, errorRate: 0.04, dropRate: 0.02, throttleBurst: 2, throttleRate: 0.004)
                var tally = Chaos.Tally("fault soak")
                var attempts = 1, statuses: [Int32: Int] = [:]
                // The first reconcile loses its grant midway, once a third of the pushes are out.
                let revoked = try await Self.reconcileRevokedMidway(connected, after: connected.emulator.requestCount + lines.count / 3)
                statuses[revoked.status, default: 0] += 1
                tally.probe(revoked.status == 4 && revoked.stderr.contains("reconnect") ? nil : "a grant revoked midway: exit \(revoked.status), \(revoked.stderr.prefix(300))")
                // As a script does on exit 4: reconnect. The modules waited for it, the resume too.
                connected.emulator.addGrant("emulator-grant")
                try await connected.expect(["reconnect", "--grant-token-stdin"], input: "emulator-grant\n")
                var clean = false
                while !clean && attempts < 60 {
                    attempts += 1
                    let interrupted = try await connected.run(["reconcile", "--resume"])
                    let result = interrupted.stdout.hasPrefix("nothing to resume") ? try await connected.run(["reconcile", "--force"]) : interrupted
                    statuses[result.status, default: 0] += 1
                    if ![0, 1, 4].contains(result.status) { tally.probe("attempt \(attempts): exit \(result.status): \(result.stderr.prefix(300))") }
                    if result.status == 1 && !result.stderr.isEmpty && !result.stderr.contains("--resume") && !result.stdout.contains("failed:") {
                        tally.probe("attempt \(attempts): a failure that does not say how to go on: \(result.stderr.prefix(300))")
                    }
                    if result.status == 0 {
                        connected.emulator.clearFaults()
                        clean = try await connected.expect(["reconcile", "--json", "--force"]).contains(#""empty" : true"#)
                        connected.emulator.injectFaults(seed: 16 + UInt64(attempts), latencyMs: 1, errorRate: 0.04, dropRate: 0.02, throttleBurst: 2,
                                                        throttleRate: 0.004)
                    }
                }
                connected.emulator.clearFaults()
                if !clean { tally.probe("no clean reconcile after \(attempts) attempts: \(statuses)") }
                // Exactly once: every note once in e-conomic, every product once.
                let entries = connected.emulator.records(kind: "timeEntry")
                let notes = Dictionary(grouping: entries.compactMap { $0.data["text"]?.stringValue }.filter { $0.hasPrefix("Soak ") }, by: { $0 })
                let wanted = lines.filter { $0.contains(#""kind":"timeEntry""#) }.count
                let twice = notes.filter { $0.value.count > 1 }.keys.sorted()
                for n in 0..<Self.operations {
                    tally.probe(n % 40 == 39 || notes["Soak \(n)"] != nil ? nil : "time entry Soak \(n) is not in e-conomic")
                }
                if !twice.isEmpty { tally.probe("sent twice: \(twice.prefix(10))") }
                if entries.count != before + wanted { tally.probe("e-conomic has \(entries.count - before) new time entries, expected \(wanted)") }
                let products = connected.emulator.records(kind: "product").filter { $0.key.description.hasPrefix("SOAK-") }
                if products.count != Self.operations / 40 { tally.probe("e-conomic has \(products.count) soak products, expected \(Self.operations / 40)") }
                tally.report("\(Self.operations) field operations, \(attempts) reconcile attempts, exits \(statuses.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")); "
                             + "exactly once: \(twice.isEmpty && entries.count == before + wanted ? "yes" : "no")")
            }
        }
    }
}
