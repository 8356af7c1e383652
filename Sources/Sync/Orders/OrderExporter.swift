import Economic
import Foundation
import Reconcile
import Replica
import Snapshot
import Vocabulary

/// Exports a project's approved registrations to e-conomic as a draft order
/// (module 7): creates the products e-conomic lacks first (or refuses, naming
/// them), records the order and marks its registrations exported before it
/// is sent, sends it with an idempotency key, and keeps e-conomic's order
/// number. Exporting again never makes a second order: the registrations are
/// exported, and an export cut off midway is finished by resending it.
///
/// ```swift
/// let exporter = OrderExporter(runner: ModuleRunner(store: store, client: client, agreement: 1118081, scheduler: scheduler))
/// let result = try await exporter.export(OrderExportRequest(projectID: 4, date: "2026-11-29"))
/// print(result.export.orderNumber!)
/// ```
public struct OrderExporter: Sendable {
    /// Runs the export as the orders module: its lease, its run record, notifications.
    public var runner: ModuleRunner

    public init(runner: ModuleRunner) {
        self.runner = runner
    }

    var store: SnapshotStore { runner.store }
    var client: EconomicClient { runner.client }
    var agreement: Int { runner.agreement }
    var scheduler: ModuleScheduler { runner.scheduler }
    var replica: ReplicaStore { store.replica }

    /// What an export did.
    public struct Result: Sendable {
        /// The draft exported; nil when an interrupted export was finished instead.
        public var draft: OrderDraft?
        public var export: OrderExport
        /// Products created in e-conomic first.
        public var createdProducts: Int
    }

    /// The draft order `request` would export, without writing anything.
    /// Needs no connection: a dry run works offline.
    public static func preview(replica: ReplicaStore, _ request: OrderExportRequest) throws -> OrderDraft {
        try OrderDraftBuilder(replica: replica).draft(request)
    }

    /// Exports under the orders module's lease, recording the run. Throws
    /// ``SyncError`` ("Customer not found in e-conomic", nothing to export,
    /// missing products, e-conomic's refusal) and leaves nothing half done.
    public func export(_ request: OrderExportRequest) async throws -> Result {
        if let paused = try ModuleSettings(replica: replica).pausedError(.orders) { throw paused }
        // Nothing to do, or a request that cannot be (another project's registration, one not approved or exported
        // already), is the caller's to fix: refused before the module's lease, it is no failed run and no notification.
        if try !replica.orderExports(project: request.projectID).contains(where: { $0.state == .pending }) {
            do {
                try nothingLeft(try Self.preview(replica: replica, request))
            } catch let error as SyncError where error.code == .invalidRequest || error.code == .nothingToExport {
                throw error
            } catch {
                // Anything else (no layout, a customer e-conomic lacks) is the module's: the run records and notifies it.
            }
        }
        var result: Result?
        let run = try await runner.leased(.orders, force: false) { _ in
            result = try await perform(request)
            var outcome = ModuleOutcome()
            outcome.pushed = 1 + result!.createdProducts
            return outcome
        }
        if let error = run.outcome.error { throw error }
        return result!
    }

    func perform(_ request: OrderExportRequest) async throws -> Result {
        if let pending = try replica.orderExports(project: request.projectID).first(where: { $0.state == .pending }) {
            return Result(draft: nil, export: try await send(pending, resending: true), createdProducts: 0)
        }
        let builder = OrderDraftBuilder(replica: replica)
        var draft = try builder.draft(request)
        try nothingLeft(draft)
        var created = 0
        if !draft.missingProducts.isEmpty {
            created = try await createProducts(draft)
            draft = try builder.draft(request)
        }
        return Result(draft: draft, export: try await send(try record(draft), resending: false), createdProducts: created)
    }

    func nothingLeft(_ draft: OrderDraft) throws {
        if let nothing = try Self.nothingLeft(draft, replica: replica) { throw nothing }
    }

    /// "Nothing to export" when `draft` has no line.
    static func nothingLeft(_ draft: OrderDraft, replica: ReplicaStore) throws -> SyncError? {
        guard draft.lines.isEmpty else { return nil }
        let last = try replica.orderExports(project: draft.projectID).first { $0.state == .confirmed }
        return SyncError(.nothingToExport, .order(.nothingToExport(project: draft.projectName, lastOrder: last?.orderNumber)), module: "orders")
    }

    /// The refusal an export of `draft` meets before anything is sent, which a
    /// dry run reports too: nothing to export, or products e-conomic lacks while auto-creation is off.
    public static func refusal(of draft: OrderDraft, replica: ReplicaStore) throws -> SyncError? {
        if let nothing = try nothingLeft(draft, replica: replica) { return nothing }
        guard !draft.missingProducts.isEmpty, try !ReconcileSettings(replica: replica).autoCreateProducts else { return nil }
        return SyncError(.productMissing, .order(.productsMissing(draft.missingProducts.sorted { $0.key < $1.key }.map(\.value))), module: "orders")
    }

    /// Creates the products the lines need through a products reconcile; refuses naming those still missing.
    func createProducts(_ draft: OrderDraft) async throws -> Int {
        if let refused = try Self.refusal(of: draft, replica: replica) { throw refused }
        var products = Reconciliation(store: store, client: client, agreement: agreement, now: scheduler.now)
        products.modules = [.products]
        _ = try await products.resume()
        let taken = try await products.takeSnapshot()
        defer { taken.discard() }
        let plan = try await products.plan(taken)
        let report = try await products.apply(plan)
        let left = try draft.missingProducts.keys.filter { try replica.foreignKey(.product, id: $0) == nil }.sorted()
        guard left.isEmpty else {
            let products = left.map { id in
                OrderProblem.NotCreated(product: draft.missingProducts[id]!,
                                        reason: plan.operations.first { $0.kind == .product && $0.key == RecordRef.planKey(local: id) }?.because)
            }
            throw SyncError(.productMissing, .order(.productsNotCreated(products)), module: "orders")
        }
        return report.pushed
    }

    /// Records the local order, marks the registrations with it, and journals the export, in one transaction.
    func record(_ draft: OrderDraft) throws -> OrderExport {
        let body = CanonicalJSON.string(draft.body)
        let at = Timestamp.string(scheduler.now())
        return try replica.write { writer in
            let order = try writer.create(Order(customerId: draft.customerID, projectId: draft.projectID, layoutId: draft.layout.local,
                                                date: draft.body["date"]?.stringValue ?? String(at.prefix(10)),
                                                heading: draft.body["notes"]?["heading"]?.stringValue))
            func mark<R: Registration>(_ type: R.Type, _ ids: [Int64]) throws {
                for id in ids {
                    _ = try writer.update(R.self, id: id) { record in
                        if record.orderId != nil { throw SyncError(.invalidRequest, .order(.exportedMeanwhile(R.kind, id: id)), module: "orders") }
                        record.orderId = order.id
                    }
                }
            }
            try mark(TimeEntry.self, draft.hourIDs)
            try mark(Material.self, draft.materialIDs)
            // The key names this export (its own local order, made now), not its content: the same order exported
            // again after a refusal is a new write; a resend of this one reuses the key.
            let key = "econsync-order-" + StableHash.hex([String(agreement), String(draft.projectID), String(order.id!), at, body])
            return try writer.insert(OrderExport(orderId: order.id!, projectId: draft.projectID, idempotencyKey: key, body: body,
                                                 lines: draft.lines.count, netAmount: "\(draft.total)", createdAt: at))
        }
    }
}
