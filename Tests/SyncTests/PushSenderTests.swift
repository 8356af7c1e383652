import Economic
import EconomicEmulator
import Foundation
import Reconcile
import Replica
import Snapshot
import TestSupport
import Testing
@testable import Sync

/// What a push sends: an update is a read-modify-write of the whole record,
/// so fields the replica does not model are never lost.
@Suite("Pushes keep what the replica does not model")
struct PushSenderTests {
    @Test("an update of a customer's name keeps ean, website, attention, creditLimit, layout and publicEntryNumber")
    func unmodelledFieldsSurvive() async throws {
        try await ReconcileHarness.with { harness in
            let extra: [String: JSONValue] = [
                "ean": .string("5790001234567"), "website": .string("https://www.hansen-vvs.dk"),
                "attention": .object(["customerContactNumber": .int(1)]), "creditLimit": .number("25000"),
                "layout": .object(["layoutNumber": .int(19)]), "publicEntryNumber": .string("A-17"),
            ]
            harness.emulator.edit(kind: "customer", key: .int(1001)) { data in data?.merge(extra) { _, new in new } }
            let before = try #require(harness.emulator.records(kind: "customer").first { $0.key == .int(1001) })
            let op = PlanOperation(kind: .customer, key: "1001", action: .update, fields: ["name": .string("Hansen & Søn VVS ApS")],
                                   because: .recorded("test"))
            let key = try await PushSender(client: harness.client, replica: harness.replica).send(op, idempotencyKey: "econsync-test-1")
            #expect(key == "1001")
            let after = try #require(harness.emulator.records(kind: "customer").first { $0.key == .int(1001) })
            var expected = before.data
            expected["name"] = .string("Hansen & Søn VVS ApS")
            expected["lastUpdated"] = after.data["lastUpdated"]
            #expect(after.data == expected)
            for (field, value) in extra { #expect(after.data[field] == value, "\(field)") }
        }
    }
}

@Suite("A change undone after it was pushed")
struct UndoneChangeTests {
    @Test("bar, reconcile, unbar, reconcile: the unbar reaches e-conomic and is not overwritten by the value just pushed")
    func backAndForth() async throws {
        try await ReconcileHarness.with { harness in
            try await harness.reconcile()
            let id = try harness.localID(.product, "10003")
            for barred in [true, false, true, false] {
                _ = try harness.replica.write { try $0.update(Product.self, id: id) { $0.barred = barred } }
                let (plan, report) = try await harness.reconcile()
                #expect(report.pushed == 1 && report.pulled == 0, "\(plan.operations.map(\.json))")
                #expect(try harness.replica.fetch(Product.self, id: id)?.barred == barred)
                let remote = harness.emulator.records(kind: "product").first { $0.key == .string("10003") }?.data["barred"]
                #expect((remote ?? .bool(false)) == .bool(barred))
            }
        }
    }
}
