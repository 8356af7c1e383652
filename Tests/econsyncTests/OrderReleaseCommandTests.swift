import EconomicEmulator
import Foundation
import Snapshot
import TestSupport
import Testing

/// `econsync sync orders` and `econsync order release` end to end: the real
/// binary against the emulator, a draft deleted or sent in e-conomic.
@Suite("econsync order release")
struct OrderReleaseCommandTests {
    static func items(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = value { return items }
        return []
    }

    /// The exports `order list --json` shows, newest first.
    static func exports(_ connected: ConnectedCLI) async throws -> [JSONValue] {
        items(try CanonicalJSON.parse(Array(try await connected.expect(["order", "list", "--json"]).utf8))["orders"])
    }

    /// The field work exported once; returns e-conomic's order number.
    static func exported(_ connected: ConnectedCLI) async throws -> Int64 {
        try await OrderExportCommandTests.fieldWork(connected)
        try await connected.expect(["order", "export", "--project", "e:2"])
        return try #require(try await exports(connected).first?["orderNumber"]?.intValue)
    }

    static func states(_ connected: ConnectedCLI) async throws -> [String] {
        try await exports(connected).compactMap { $0["state"]?.stringValue }
    }

    @Test("a draft deleted in e-conomic: `sync orders` releases it, `order list` shows it released, the next export sends the registrations again")
    func deletedThenExportedAgain() async throws {
        try await ConnectedCLI.with { connected in
            let number = try await Self.exported(connected)
            let lines = try #require(connected.emulator.records(kind: "order").first.map { Self.items($0.data["lines"]).count })
            connected.emulator.edit(kind: "order", key: .int(number)) { $0 = nil }
            let sync = try await connected.expect(["sync", "orders"])
            #expect(sync.contains("1 exported order deleted in e-conomic: registrations released, to be exported again"), "\(sync)")
            #expect(try await Self.states(connected) == ["released"])
            #expect(try await connected.expect(["order", "list"]).contains("released"))
            let hours = try await connected.expect(["local", "hours", "list"])
            #expect(!hours.contains("exported"), "\(hours)")
            #expect(try await connected.expect(["sync", "orders"]).contains("released") == false, "released once")

            try await connected.expect(["order", "export", "--project", "e:2"])
            let orders = connected.emulator.records(kind: "order")
            #expect(orders.count == 1 && orders.first.map { Self.items($0.data["lines"]).count } == lines, "one live draft, with every line again")
            #expect(try await Self.states(connected) == ["confirmed", "released"])
            #expect(try await connected.expect(["local", "hours", "list"]).contains("exported"))
        }
    }

    @Test("a draft sent in e-conomic is not released: `sync orders` records it sent, `order release` refuses (exit 2), nothing exports again")
    func sentKept() async throws {
        try await ConnectedCLI.with { connected in
            let number = try await Self.exported(connected)
            try connected.emulator.moveOrder(number, .send)
            let sync = try await connected.expect(["sync", "orders"])
            #expect(!sync.contains("released"), "\(sync)")
            #expect(try await Self.states(connected) == ["sent"])
            let before = connected.state()
            let refused = try await connected.run(["order", "release", String(number)])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("order \(number) is sent in e-conomic; its registrations stay exported"), "\(refused.stderr)")
            let again = try await connected.run(["order", "export", "--project", "e:2"])
            #expect(again.status == 2 && again.stderr.contains("no approved registration that is not exported yet"), "\(again.stderr)")
            #expect(connected.state() == before)
        }
    }

    @Test("`order release N` by hand: refused while the draft exists (saying what to do) and for a number no export has; released once deleted")
    func byHand() async throws {
        try await ConnectedCLI.with { connected in
            let number = try await Self.exported(connected)
            let live = try await connected.run(["order", "release", String(number)])
            #expect(live.status == 2)
            #expect(live.stderr.contains("order \(number) is still a draft in e-conomic; its registrations stay exported: delete draft order \(number) "
                                         + "in e-conomic first, then run `econsync order release \(number)` again"), "\(live.stderr)")
            let unknown = try await connected.run(["order", "release", "999"])
            #expect(unknown.status == 2 && unknown.stderr.contains("no order export has e-conomic order number 999"), "\(unknown.stderr)")
            let zero = try await connected.run(["order", "release", "0"])
            #expect(zero.status == 2 && zero.stderr.contains("0 is not an order number"), "\(zero.stderr)")
            #expect(try await Self.states(connected) == ["confirmed"])

            connected.emulator.edit(kind: "order", key: .int(number)) { $0 = nil }
            let released = try await connected.expect(["order", "release", String(number)])
            #expect(released.contains("order \(number) was deleted in e-conomic: its registrations are released"), "\(released)")
            #expect(try await Self.states(connected) == ["released"])
            let twice = try await connected.run(["order", "release", String(number)])
            #expect(twice.status == 2 && twice.stderr.contains("order \(number) was released already"), "\(twice.stderr)")
        }
    }
}
