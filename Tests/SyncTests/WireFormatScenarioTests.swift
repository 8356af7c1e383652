import Economic
import Foundation
import Replica
import Snapshot
import Sync
import Testing

/// Pushes that address e-conomic by an odd product number or look a record up
/// by a name full of filter syntax, against the emulator (as strict as e-conomic).
@Suite("Reconcile: escaped product paths and filter lookups")
struct WireFormatScenarioTests {
    /// Plans and applies the pending local change with the answer to its
    /// write lost, then resumes past the idempotency window (so only a lookup
    /// in e-conomic can tell the write was done); returns the resume's report.
    static func pushLosingTheAnswer(_ harness: ReconcileHarness) async throws -> ApplyReport {
        let (plan, _) = try await harness.plan()
        harness.transport.cutAfterWrites = harness.transport.writes + 1
        await #expect(throws: EconomicError.self) { _ = try await harness.reconciliation().apply(plan) }
        harness.clock.advance(7200)
        return try #require(try await harness.reconciliation().resume())
    }

    @Test("a project named Byg (Nord) $2 whose create answer was lost is found by the escaped filter: one project in e-conomic")
    func projectLookup() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let name = "Byg (Nord) $2"
            try harness.replica.write { writer in
                _ = try writer.create(Project(name: name, customerId: try harness.localID(.customer, "1024"), projectGroup: 1))
            }
            let report = try await Self.pushLosingTheAnswer(harness)
            #expect(report.pushFailures.isEmpty && report.foundByLookup == 1)
            #expect(harness.emulator.records(kind: "project").count { $0.data["name"]?.stringValue == name } == 1)
            #expect(try await harness.reconcile().0.isEmpty)
        }
    }

    @Test("a product numbered with space / . : _ is updated at its escaped path, and one created offline is found there after a lost answer")
    func oddProductNumbers() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let pulled = "VVS 1/2_x:y.z%#+"
            let body = #"{"productNumber":"VVS 1/2_x:y.z%#+","name":"Ventil","salesPrice":10,"productGroup":{"productGroupNumber":1}}"#
            _ = try await harness.client.send(.post, .rest, "/products", body: Array(body.utf8), module: "products")
            try await harness.reconcile()
            let id = try #require(try harness.replica.rowIDs(.product, foreignKeys: [pulled])[pulled], "pulled")
            _ = try harness.replica.write { try $0.update(Product.self, id: id) { $0.name = "Ventil, ny" } }
            let (edit, report) = try await harness.reconcile()
            #expect(edit.operations.filter { $0.action == .update }.map(\.key) == [pulled])
            #expect(report.pushed == 1 && report.pushFailures.isEmpty)
            #expect(harness.emulator.records(kind: "product").first { $0.key == .string(pulled) }?.data["name"]?.stringValue == "Ventil, ny")

            let offline = "RS 1/2.5"
            try harness.replica.write { writer in
                _ = try writer.create(Product(number: offline, name: "Ressource", salesPrice: 10, unitId: try harness.localID(.unit, "1"),
                                              productGroupId: try harness.localID(.productGroup, "1")))
            }
            let resumed = try await Self.pushLosingTheAnswer(harness)
            #expect(resumed.pushFailures.isEmpty && resumed.foundByLookup == 1)
            #expect(harness.emulator.records(kind: "product").count { $0.key == .string(offline) } == 1)
            #expect(try await harness.reconcile().0.isEmpty)
        }
    }
}
