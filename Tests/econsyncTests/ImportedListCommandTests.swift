import Foundation
import Testing

/// `local unit list` and `local supplier list`: what the import-only modules brought in, listed, never edited here.
@Suite("econsync local unit and supplier lists")
struct ImportedListCommandTests {
    /// The rows of a listing, header left out.
    static func rows(_ output: String) -> [Substring] { Array(output.split(separator: "\n").dropFirst()) }

    @Test("units after a sync, suppliers once the finance module is on: every one e-conomic has; adding one here is not a command")
    func lists() async throws {
        try await ConnectedCLI.with(pulled: false) { connected in
            try await connected.expect(["sync", "units"])
            let units = connected.state().filter { $0.kind == "unit" }
            let listed = Self.rows(try await connected.expect(["local", "unit", "list"]))
            #expect(listed.count == units.count && !units.isEmpty, "\(listed)")
            for unit in units {
                let name = try #require(unit.data["name"]?.stringValue)
                #expect(listed.contains { $0.contains(" \(name) ") && $0.hasSuffix("synced") }, "\(name) in \(listed)")
            }

            #expect(Self.rows(try await connected.expect(["local", "supplier", "list"])).isEmpty, "suppliers wait for the finance module")
            try await connected.expect(["config", "set", "finance.enabled", "true"])
            try await connected.expect(["sync", "suppliers"])
            let suppliers = connected.state().filter { $0.kind == "supplier" }
            let listedSuppliers = try NothingLostTests.items(try await connected.expect(["local", "supplier", "list", "--json"]), "suppliers")
            let names = Set(listedSuppliers.compactMap { $0["name"]?.stringValue })
            #expect(!suppliers.isEmpty && names == Set(suppliers.compactMap { $0.data["name"]?.stringValue }))

            let add = try await connected.run(["local", "unit", "add", "--name", "Palle"])
            #expect(add.status == 2, "units are edited in e-conomic: \(add.stderr)")
        }
    }
}
