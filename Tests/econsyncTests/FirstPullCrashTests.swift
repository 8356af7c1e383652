import Foundation
import Testing

/// A first sync killed with SIGKILL while it writes kinds straight from the
/// snapshot: the kinds written stay, the next sync finishes, nothing is
/// duplicated and nothing is left to do.
@Suite("First pull killed with SIGKILL")
struct FirstPullCrashTests {
    @Test("killed after the first or the second kind of the customers module: the next sync finishes with every customer once")
    func killedMidway() async throws {
        for occurrence in [1, 2] {
            try await ConnectedCLI.with(pulled: false) { connected in
                try await connected.expect(["setup", "--non-interactive"])
                try await connected.expect(["sync", "units"])
                let killed = try await connected.run(["sync", "customers"], crashingAt: "firstPulled:\(occurrence)")
                #expect(killed.status == 137 || killed.status == 9 || killed.status < 0, "killed: \(killed.status) \(killed.stderr)")
                let after = try await connected.expect(["sync", "--force"])   // every module, the killed one among them
                #expect(after.contains("customers: done"), "\(after)")
                let listed = try await connected.expect(["local", "customer", "list", "--json"])
                let keys = listed.components(separatedBy: "\"economicKey\" : ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
                let remote = connected.emulator.records(kind: "customer").count
                #expect(keys.count == remote && Set(keys).count == remote, "every customer once after kill at \(occurrence): \(keys.count) of \(remote)")
                let plan = try await connected.expect(["reconcile", "--dry-run"])
                #expect(plan.hasPrefix("plan: nothing to do"), "kill at \(occurrence): \(plan)")
            }
        }
    }
}
