import Foundation
import Testing

/// `econsync pause` and `resume`: one switch for the whole integration.
@Suite("econsync pause and resume")
struct PauseCommandTests {
    @Test("paused: sync, reconcile and order export do not run (exit 5, saying how to resume), run --once runs nothing, status says so, field work goes on; resumed: all run again")
    func pauseAndResume() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            try await connected.expect(["setup", "--non-interactive"])
            try await connected.expect(["sync"])
            try await connected.expect(["local", "project", "add", "--number", "900", "--name", "Prøveprojekt", "--customer", "e:1001"])
            #expect(try await connected.expect(["pause"]).hasPrefix("the integration is paused"))
            let requests = connected.emulator.requestCount
            for command in [["sync", "customers", "--force"], ["sync", "--force"], ["reconcile"], ["order", "export", "--project", "n:900"]] {
                let result = try await connected.run(command)
                #expect(result.status == 5, "\(command): \(result.stdout) \(result.stderr)")
                let said = result.stdout + result.stderr
                #expect(said.contains("the integration is paused") && said.contains("`econsync resume`"), "\(command): \(said)")
                #expect(said.components(separatedBy: "paused").count == 2, "said once: \(said)")
            }
            let cron = try await connected.expect(["run", "--once"])   // for cron: a pause is no failure, and it is said
            #expect(cron.contains("the integration is paused: no module runs until `econsync resume`\n"), "\(cron)")
            #expect(connected.emulator.requestCount == requests, "nothing reached e-conomic while paused")
            let status = try await connected.expect(["status"])
            #expect(status.hasPrefix("the integration is paused: no module runs until `econsync resume`"), "\(status)")
            #expect(status.split(separator: "\n").filter { $0.contains(" idle ") && !$0.hasSuffix(" manual") }.allSatisfy { $0.hasSuffix(" paused") }, "\(status)")
            let json = try ModuleCommandTests.json(try await connected.expect(["status", "--json"]))
            #expect(!json.isEmpty && json.allSatisfy { $0["paused"] == .bool(true) }, "status --json says paused for every module")
            try await connected.expect(["local", "customer", "add", "--name", "Ny Kunde ApS"])   // field work goes on
            #expect(try await connected.expect(["pause"]) == "the integration was already paused\n")

            #expect(try await connected.expect(["resume"]).hasPrefix("the integration is running again"))
            let sync = try await connected.expect(["sync", "units", "--force"])
            #expect(sync.contains("units: done"), "\(sync)")
            #expect(!(try await connected.expect(["status"])).contains("paused"))
            #expect(try ModuleCommandTests.json(try await connected.expect(["status", "--json"])).allSatisfy { $0["paused"] == .bool(false) })
            #expect(try await connected.expect(["resume"]) == "the integration was not paused\n")
        }
    }
}
