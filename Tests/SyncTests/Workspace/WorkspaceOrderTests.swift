import Foundation
import Replica
import Sync
import Testing
import Vocabulary

/// `Workspace.previewOrder`, `exportOrder`: what the order page and `econsync order export` call.
@Suite("Workspace: order preview and export")
struct WorkspaceOrderTests {
    @Test("a preview writes and sends nothing; the export makes one draft order; a second preview names the refusal the export would meet: nothing to export")
    func previewThenExport() async throws {
        try await OrderExportTests.prepared { harness, _, request in
            let workspace = try harness.workspace()
            #expect(try workspace.resolve(.number("2"), as: .project) == request.projectID)
            let before = (requests: harness.emulator.requestCount, orders: harness.emulator.records(kind: "order").count)
            let (draft, refusal) = try workspace.previewOrder(request)
            #expect(refusal == nil && draft.lines.count >= 1)
            #expect(try harness.emulator.requestCount == before.requests && harness.replica.orderExports().isEmpty)

            let result = try await workspace.exportOrder(request)
            #expect(result.export.state == .confirmed && result.export.orderNumber != nil)
            #expect(harness.emulator.records(kind: "order").count == before.orders + 1)
            let again = try workspace.previewOrder(request)
            #expect(again.draft.lines.isEmpty && again.refusal?.code == .nothingToExport)
            #expect(again.refusal?.message.contains("the last export is order \(result.export.orderNumber!)") == true)
        }
    }
}
