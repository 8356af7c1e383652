import Foundation
import Snapshot
import Testing

/// `customers.syncContacts` (the wizard's step 3) imports the contact persons
/// of customers; off (the default) it costs no call per customer.
@Suite("econsync: contact persons")
struct ContactSyncCommandTests {
    @Test("off: no contact is imported; on: `sync customers` imports every contact person e-conomic has")
    func contacts() async throws {
        try await ConnectedCLI.with { connected in
            let remote = connected.emulator.records(kind: "contact")
            #expect(remote.count > 1, "the emulated agreement has contact persons")
            #expect(try await Self.listed(connected).isEmpty, "off by default")
            try await connected.expect(["config", "set", "customers.syncContacts", "true"])
            let synced = try await connected.expect(["sync", "customers", "--force"])
            #expect(synced.contains("customers: done"), "\(synced)")
            let listed = try await Self.listed(connected)
            #expect(listed.count == remote.count, "\(listed.count) of \(remote.count)")
            let name = try #require(remote.first?.data["name"]?.stringValue)
            #expect(listed.contains { $0.contains(name) }, "\(listed.prefix(3))")
        }
    }

    static func listed(_ connected: ConnectedCLI) async throws -> [Substring] {
        try await connected.expect(["local", "contact", "list", "--wide"]).split(separator: "\n").dropFirst().filter { !$0.isEmpty }
    }
}
