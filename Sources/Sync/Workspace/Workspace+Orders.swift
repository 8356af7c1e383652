import Foundation
import Replica
import Vocabulary

extension Workspace {
    /// The local id of the record `reference` names (a local id, an
    /// e-conomic key or a number), of `kind`.
    public func resolve(_ reference: RecordRef, as kind: Kind) throws -> Int64 {
        try replica().write { try $0.resolve(reference, as: kind) }
    }

    /// The draft order `request` would export, and the refusal the export
    /// would meet (nil when it would go). Writes and sends nothing, and needs
    /// no connection: a preview works offline.
    ///
    /// ```swift
    /// let (draft, refusal) = try workspace.previewOrder(OrderExportRequest(projectID: 4, date: "2026-11-29"))
    /// ```
    public func previewOrder(_ request: OrderExportRequest) throws -> (draft: OrderDraft, refusal: SyncError?) {
        let replica = try replica(readOnly: true)
        let draft = try OrderExporter.preview(replica: replica, request)
        return (draft, try OrderExporter.refusal(of: draft, replica: replica))
    }

    /// Exports `request` as a draft order in e-conomic, as the orders module
    /// (see ``OrderExporter/export(_:)``).
    public func exportOrder(_ request: OrderExportRequest) async throws -> OrderExporter.Result {
        try await orderExporter().export(request)
    }

    /// Releases the registrations of order `number`, deleted in e-conomic
    /// (see ``OrderExporter/release(orderNumber:)``).
    public func releaseOrder(_ number: Int64) async throws -> OrderExport {
        try await orderExporter().release(orderNumber: number)
    }

    func orderExporter() throws -> OrderExporter {
        OrderExporter(runner: try runner(scheduler(try replica())))
    }
}
