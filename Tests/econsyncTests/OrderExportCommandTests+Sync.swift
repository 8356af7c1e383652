import EconomicEmulator
import Foundation
import Snapshot
import Testing

/// Registrations after their export: an hour goes to e-conomic once, on the
/// order, and is then done (not sent as a time entry too, not waiting).
extension OrderExportCommandTests {
    @Test("hours exported on an order are done: `sync` sends none as a time entry, `why` names the e-conomic order they are on (Danish too, and under --json), /api/pending leaves them out; only the unapproved hour waits")
    func exportedHoursAreDone() async throws {
        try await ConnectedCLI.with { connected in
            try await Self.fieldWork(connected)
            try await connected.expect(["order", "export", "--project", "e:2"])
            let before = connected.emulator.records(kind: "timeEntry").count
            let sync = try await connected.expect(["sync"])
            #expect(sync.contains("projectEntries: done: 0 pulled, 0 pushed, 1 skipped, 0 blocked"), "\(sync)")
            #expect(connected.emulator.records(kind: "timeEntry").count == before, "no exported hour went as a time entry too")
            let plan = try await connected.expect(["reconcile", "--dry-run"])
            #expect(plan.contains("projectEntries: skip 1\n") && !plan.contains("create"), "no time entry planned for them: \(plan)")
            let orders = OrderReleaseCommandTests.items(try CanonicalJSON.parse(try await connected.expect(["order", "list", "--json"]))["orders"])
            let number = try #require(orders.first?["orderNumber"]?.intValue, "\(orders)")
            for (kind, id) in [("timeEntry", 1), ("timeEntry", 2), ("timeEntry", 3), ("material", 1), ("material", 2)] {
                let why = try await connected.expect(["why", kind, "\(id)"])
                #expect(why.hasSuffix(": in e-conomic on order \(number)\n") && !why.contains("  - "), "\(kind) \(id): \(why)")
                let json = try CanonicalJSON.parse(try await connected.expect(["why", kind, "\(id)", "--json"]))
                #expect(json["state"] == .string("exported") && json["orderNumber"]?.intValue == number && json["reasons"] == .array([]),
                        "\(kind) \(id): \(json)")
            }
            let danish = try await connected.expect(["why", "timeEntry", "1", "--lang", "da"])
            #expect(danish.hasSuffix(": i e-conomic på ordre \(number)\n"), "\(danish)")
            #expect(try CanonicalJSON.parse(try await connected.expect(["why", "timeEntry", "4", "--json"]))["orderNumber"] == nil, "left out when not exported")
            #expect(try await connected.expect(["why", "timeEntry", "4"]).contains("not approved"))

            let (process, base) = try ServeCommandTests.start(connected)
            defer { process.terminate(); process.waitUntilExit() }
            let pending = try CanonicalJSON.parse(try await ServeCommandTests.get(base + "/api/pending?module=projectEntries").text)
            let records = OrderReleaseCommandTests.items(pending["records"])
            #expect(records.compactMap { $0["id"]?.intValue } == [4] && pending["total"]?.intValue == 1, "\(pending)")
        }
    }
}
