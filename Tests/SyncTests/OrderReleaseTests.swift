import EconomicEmulator
import Foundation
import Replica
import Snapshot
import Sync
import Testing

/// What became of an exported draft in e-conomic: deleted releases its
/// registrations, sent or archived keeps them exported.
@Suite("Order export: drafts deleted, sent or archived in e-conomic")
struct OrderReleaseTests {
    static func onOrder(_ harness: ReconcileHarness, _ request: OrderExportRequest) throws -> [Int64?] {
        try harness.replica.list(TimeEntry.self).filter { $0.projectId == request.projectID }.map(\.orderId)
    }

    @Test("a draft deleted in e-conomic is released: its registrations export again on a new draft, even one given the same number")
    func deletedDraftReleased() async throws {
        try await OrderExportTests.prepared { harness, exporter, request in
            let first = try await exporter.export(request).export
            let number = try #require(first.orderNumber)
            #expect(try await exporter.followExports().isEmpty, "a live draft changes nothing")
            harness.emulator.edit(kind: "order", key: .int(number)) { $0 = nil }
            let settled = try await exporter.followExports()
            #expect(settled.map(\.state) == [.released] && settled.first?.id == first.id)
            #expect(try Self.onOrder(harness, request) == [nil, nil])
            #expect(try harness.replica.list(Order.self).isEmpty)
            #expect(try await exporter.followExports().isEmpty, "a released export is not followed again")

            let again = try await exporter.export(request)
            #expect(again.export.state == .confirmed && again.draft?.hourIDs.count == 2)
            #expect(again.export.orderNumber == number, "e-conomic gave the deleted draft's number to the new one")
            #expect(harness.emulator.records(kind: "order").count == 1)
            #expect(try Self.onOrder(harness, request) == [again.export.orderId, again.export.orderId])
            #expect(try harness.replica.orderExports().map(\.state) == [.confirmed, .released])
        }
    }

    @Test("a draft sent, then archived, in e-conomic keeps its registrations exported and is recorded as sent")
    func sentDraftKept() async throws {
        try await OrderExportTests.prepared { harness, exporter, request in
            let export = try await exporter.export(request).export
            let number = try #require(export.orderNumber)
            try harness.emulator.moveOrder(number, .send)
            #expect(try await exporter.followExports().map(\.state) == [.sent])
            try harness.emulator.moveOrder(number, .archive)
            #expect(try await exporter.followExports().isEmpty, "archived is still sent")
            #expect(try Self.onOrder(harness, request) == [export.orderId, export.orderId])
            let refused = await #expect(throws: SyncError.self) { try await exporter.release(orderNumber: number) }
            #expect(refused?.code == .orderSent && refused?.message == "order \(number) is archived in e-conomic; its registrations stay exported")
            let nothing = await #expect(throws: SyncError.self) { try await exporter.export(request) }
            #expect(nothing?.code == .nothingToExport)
        }
    }

    @Test("by hand: refused while the draft exists and for an unknown number, released once it is deleted, then refused as done")
    func releaseByHand() async throws {
        try await OrderExportTests.prepared { harness, exporter, request in
            let export = try await exporter.export(request).export
            let number = try #require(export.orderNumber)
            let live = await #expect(throws: SyncError.self) { try await exporter.release(orderNumber: number) }
            #expect(live?.code == .orderStillDraft && live?.action == .deleteDraftOrder(number: number))
            let unknown = await #expect(throws: SyncError.self) { try await exporter.release(orderNumber: number + 100) }
            #expect(unknown?.code == .invalidRequest)
            #expect(try harness.replica.orderExports().map(\.state) == [.confirmed])
            harness.emulator.edit(kind: "order", key: .int(number)) { $0 = nil }
            #expect(try await exporter.release(orderNumber: number).state == .released)
            #expect(try Self.onOrder(harness, request) == [nil, nil])
            let twice = await #expect(throws: SyncError.self) { try await exporter.release(orderNumber: number) }
            #expect(twice?.code == .invalidRequest && twice?.message.hasPrefix("order \(number) was released already") == true)
        }
    }

    @Test("when e-conomic cannot be asked, nothing is released")
    func unreachable() async throws {
        try await OrderExportTests.prepared { harness, exporter, request in
            let export = try await exporter.export(request).export
            harness.emulator.edit(kind: "order", key: .int(export.orderNumber!)) { $0 = nil }
            harness.emulator.revokeGrant("emulator-grant")
            await #expect(throws: (any Error).self) { try await exporter.followExports() }
            #expect(try harness.replica.orderExports().map(\.state) == [.confirmed])
            #expect(try Self.onOrder(harness, request) == [export.orderId, export.orderId])
        }
    }
}
