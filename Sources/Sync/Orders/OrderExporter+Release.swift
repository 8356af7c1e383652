import Economic
import Replica
import Snapshot

extension OrderExporter {
    /// Follows every exported order into e-conomic (the orders module's run):
    /// a draft deleted there releases its registrations, to be exported
    /// again; one sent or archived there keeps them, recorded as sent.
    /// Returns the exports whose state changed. Nothing is released unless
    /// e-conomic answered for all three collections.
    ///
    /// ```swift
    /// let settled = try await exporter.followExports()
    /// print(settled.filter { $0.state == .released }.count)
    /// ```
    public func followExports() async throws -> [OrderExport] {
        let live = try replica.orderExports().filter { $0.state.isLive && $0.orderNumber != nil }
        return try await follow(live).compactMap { $0.changed ? $0.export : nil }
    }

    /// Releases the registrations of exported order `number` by hand, under
    /// the orders module's lease, once e-conomic confirms the draft is gone.
    /// Refuses (``SyncError``, nothing changed) when no live export has that
    /// number, or when e-conomic still has the order: a draft (delete it
    /// there first) or a sent or archived one (its registrations stay exported).
    ///
    /// ```swift
    /// let released = try await exporter.release(orderNumber: 35)
    /// ```
    public func release(orderNumber number: Int64) async throws -> OrderExport {
        let exports = try replica.orderExports().filter { $0.orderNumber == number }
        guard let export = exports.first(where: { $0.state.isLive }) else {
            let released = exports.first { $0.state == .released }
            throw SyncError(.invalidRequest, .order(.noSuchOrder(number, releasedAt: released.map { $0.settledAt ?? $0.createdAt })), module: "orders")
        }
        var result: (export: OrderExport, stage: OrderStage?)?
        let run = try await runner.leased(.orders, force: false) { _ in
            result = try await follow([export]).first.map { ($0.export, $0.stage) }
            return ModuleOutcome()
        }
        if let error = run.outcome.error { throw error }
        guard let result else { throw SyncError(.failed, "order \(number) was not followed", module: "orders") }
        switch result.stage {
        case nil:
            return result.export
        case .draft?:
            throw SyncError(.orderStillDraft, .order(.stillDraft(number)), module: "orders", action: .deleteDraftOrder(number: number))
        case let stage?:
            throw SyncError(.orderSent, .order(.sent(number, stage: stage.rawValue)), module: "orders")
        }
    }

    /// Settles `exports` by where e-conomic has their orders: each export as it is now, its order's stage (nil:
    /// deleted, and the export released), and whether its state changed.
    func follow(_ exports: [OrderExport]) async throws -> [(export: OrderExport, stage: OrderStage?, changed: Bool)] {
        let stages = try await stages(of: exports.compactMap(\.orderNumber))
        let at = Timestamp.string(scheduler.now())
        return try exports.map { export in
            let stage = stages[export.orderNumber!]
            let state: OrderExport.State = switch stage {
            case nil: .released
            case .draft?: .confirmed
            case .sent?, .archived?: .sent
            }
            guard state != export.state else { return (export, stage, false) }
            let settled = try replica.write { writer in
                if state == .released { return try writer.release(export, as: .released, at: at, note: nil) }
                var moved = export
                moved.state = state
                try writer.save(moved)
                return moved
            }
            return (settled, stage, true)
        }
    }

    /// Where e-conomic has the orders numbered `numbers` (a number it has in
    /// none is missing). Reads drafts, sent and archived orders filtered by
    /// number, 200 at a time; an answer it cannot read is an error, never "gone".
    func stages(of numbers: [Int64]) async throws -> [Int64: OrderStage] {
        var found: [Int64: OrderStage] = [:]
        let unique = Array(Set(numbers)).sorted()
        for start in stride(from: 0, to: unique.count, by: EconomicFilter.maxListValues) {
            let chunk = Array(unique[start..<min(unique.count, start + EconomicFilter.maxListValues)])
            for stage in OrderStage.allCases {
                try await client.forEachPage(stage.path, filter: .isIn("orderNumber", chunk), module: "orders") { page in
                    guard case .array(let orders)? = (try? CanonicalJSON.parse(page.body))?["collection"] else {
                        throw SyncError(.failed, "e-conomic's list of \(stage.path) has no collection; no order was released", module: "orders")
                    }
                    for number in orders.compactMap({ $0["orderNumber"]?.intValue }) where found[number] == nil { found[number] = stage }
                }
            }
        }
        return found
    }
}
