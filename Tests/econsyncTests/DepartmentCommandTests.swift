import EconomicEmulator
import Foundation
import Snapshot
import TestSupport
import Testing

/// `--department`: one e-conomic agreement per department, end to end through the binary.
@Suite("econsync with one agreement per department")
struct DepartmentCommandTests {
    @Test("a department connects to its own agreement, syncs its own records and has its own module status; a shared agreement is refused")
    func departments() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            let reader = try SnapshotReader(path: SnapshotCommandTests.demo)
            var seed: [Record] = []
            while let line = try reader.next() { seed.append(try SnapshotDiff.record(line, reader)) }
            let other = EconomicEmulator(seed: seed, kinds: reader.header.kinds, agreement: 2_222_222)
            try await other.serving { port in
                let main = connected.emulator.port!
                let shared = try await connected.run(["connect", "--department", "2", "--grant-token-stdin", "--rest-url", "http://127.0.0.1:\(main)",
                                                      "--projects-url", "http://127.0.0.1:\(main)/projectsapi/v1.1.0"], input: "emulator-grant\n")
                #expect(shared.status == 1 && shared.stderr.contains("agreement 1118081 is already connected for the records without a department"))
                let danish = try await connected.run(["connect", "--department", "2", "--grant-token-stdin", "--rest-url", "http://127.0.0.1:\(main)",
                                                      "--projects-url", "http://127.0.0.1:\(main)/projectsapi/v1.1.0", "--lang", "da"], input: "emulator-grant\n")
                #expect(danish.status == 1 && danish.stderr.contains("e-conomic-aftale 1118081 er allerede forbundet for posterne uden afdeling; "
                                                                      + "hver afdeling skal have sin egen aftale"), "\(danish.stderr)")
                let base = "http://127.0.0.1:\(port)"
                let joined = try await connected.expect(["connect", "--department", "2", "--grant-token-stdin", "--rest-url", base,
                                                         "--projects-url", base + "/projectsapi/v1.1.0"], input: "emulator-grant\n")
                #expect(joined.contains("connected to e-conomic agreement 2222222"))
                #expect(FileManager.default.fileExists(atPath: connected.cli.home.appendingPathComponent("credentials-department-2.json").path))
                try await connected.expect(["sync", "--department", "2", "customers"])
                let two = try ModuleCommandTests.json(try await connected.expect(["status", "--department", "2", "--json"]))
                let one = try ModuleCommandTests.json(try await connected.expect(["status", "--json"]))
                #expect(ModuleCommandTests.module(two, "customers")?["lastEnd"]?.stringValue == "2026-11-02T08:00:00Z")
                #expect(ModuleCommandTests.module(two, "customers")?["department"]?.intValue == 2)
                #expect(ModuleCommandTests.module(one, "customers")?["lastEnd"] == nil)
                #expect(try await connected.expect(["local", "customer", "list"]).split(separator: "\n").count == 1, "no customer without a department")
                #expect(try await connected.expect(["local", "customer", "list", "--department", "2"]).contains("1001"))
                try await connected.expect(["sync", "customers"])
                #expect(try await connected.expect(["local", "customer", "list"]).contains("1001"))
            }
        }
    }
}
