import Foundation
import Replica
import Snapshot
import Sync
import Testing

/// Order export when the network fails at the worst moment: the order
/// reached e-conomic, its answer did not.
@Suite("Order export: crash safety and idempotency")
struct OrderExportTests {
    /// Runs `body` with a synced harness holding two approved entries on project 2, an exporter and a request
    /// for that project; the emulator is stopped whether `body` returned or threw.
    static func prepared<Result>(_ body: (ReconcileHarness, OrderExporter, OrderExportRequest) async throws -> Result) async throws -> Result {
        try await ReconcileScenarioTests.synced { harness in
            for hours in [7.5, 2] {
                _ = try ReconcileScenarioTests.entry(harness, employee: try harness.localID(.employee, "3"), hours: hours, approved: true, note: "Montage")
            }
            try harness.replica.write { try $0.setSetting("orders.hoursProduct", "10018") }
            let scheduler = ModuleScheduler(replica: harness.replica, now: { [clock = harness.clock] in clock.now() })
            let exporter = OrderExporter(runner: ModuleRunner(store: harness.store, client: harness.client, agreement: harness.emulator.agreement,
                                                              scheduler: scheduler))
            return try await body(harness, exporter, OrderExportRequest(projectID: try harness.localID(.project, "2"), date: "2026-11-29"))
        }
    }

    @Test("an answer lost after the order was created: the export stays pending; exporting again finishes it with one order in e-conomic, whether e-conomic still knows the idempotency key or forgot it",
          arguments: [false, true])
    func lostAnswer(forgotten: Bool) async throws {
        try await Self.prepared { harness, exporter, request in
            let before = harness.emulator.records(kind: "order").count
            harness.transport.cutAfterWrites = harness.transport.writes + 1
            let cut = await #expect(throws: SyncError.self) { try await exporter.export(request) }
            #expect(cut?.message.contains("export the project again to finish it") == true)
            #expect(harness.emulator.records(kind: "order").count == before + 1, "the order reached e-conomic")
            let pending = try #require(try harness.replica.orderExports().first)
            #expect(pending.state == .pending)
            let entries = try harness.replica.list(TimeEntry.self).filter { $0.projectId == request.projectID }
            #expect(entries.allSatisfy { $0.orderId == pending.orderId }, "the registrations stay marked while the export is pending")
            let again = exporter
            if forgotten { harness.emulator.forgetIdempotencyKeys() }
            let result = try await again.export(request)
            #expect(result.draft == nil && result.export.state == .confirmed)
            #expect(result.export.idempotencyKey == pending.idempotencyKey)
            #expect(harness.emulator.records(kind: "order").count == before + 1, "no second order")
            #expect(try harness.replica.foreignKey(.order, id: pending.orderId) == String(result.export.orderNumber!))
            let nothing = await #expect(throws: SyncError.self) { try await again.export(request) }
            #expect(nothing?.code == .nothingToExport)
        }
    }

    @Test("hours are priced at the hour type's product, or at the employee's own rate with projects.useEmployeeRates")
    func employeeRates() async throws {
        try await Self.prepared { harness, _, request in
            let product = try OrderExporter.preview(replica: harness.replica, request)
            #expect(product.lines.map(\.unitPrice) == [Decimal(string: "740.13")!, Decimal(string: "740.13")!])
            try harness.replica.write { writer in
                _ = try writer.update(Employee.self, id: try harness.localID(.employee, "3")) { $0.hourlySalesRate = 525 }
                try writer.setSetting("projects.useEmployeeRates", "true")
            }
            let rated = try OrderExporter.preview(replica: harness.replica, request)
            #expect(rated.lines.map(\.unitPrice) == [525, 525] && rated.total == Decimal(string: "4987.5")!)
            try harness.replica.write { try $0.setSetting("projects.syncMaterials", "false") }
            _ = try harness.replica.write { writer in
                try writer.approve(Material.self, id: try writer.create(Material(productId: try harness.localID(.product, "10002"),
                                                                                   projectId: request.projectID, date: "2026-11-27", quantity: 2)).id!, by: "x")
            }
            #expect(try OrderExporter.preview(replica: harness.replica, request).materialIDs.isEmpty, "materials are not transferred")
        }
    }

    @Test("an order e-conomic refuses releases its registrations and leaves no local order")
    func refused() async throws {
        try await Self.prepared { harness, exporter, request in
            try harness.replica.write { try $0.setSetting("orders.layout", "999") }
            let refused = await #expect(throws: SyncError.self) { try await exporter.export(request) }
            #expect(refused?.message.hasPrefix("e-conomic refused the order") == true)
            #expect(try harness.replica.orderExports().first?.state == .failed)
            #expect(try harness.replica.list(TimeEntry.self).allSatisfy { $0.orderId == nil })
            #expect(try harness.replica.list(Order.self).isEmpty)
            try harness.replica.write { try $0.removeSetting("orders.layout") }
            #expect(try await exporter.export(request).export.state == .confirmed)
        }
    }
}
