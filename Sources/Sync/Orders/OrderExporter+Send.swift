import Blocking
import Economic
import Foundation
import Reconcile
import Replica
import Snapshot

extension OrderExporter {
    /// Sends a recorded export and settles it: confirmed with e-conomic's
    /// order number, or, when e-conomic refused it, failed with its
    /// registrations released. An answer that never came leaves it pending,
    /// to be finished by the next export of the project, which (`resending`)
    /// looks the order up in e-conomic first, inside the idempotency window
    /// too (e-conomic may forget a key), and sends it again, with the same
    /// key, only when e-conomic does not have it.
    func send(_ export: OrderExport, resending: Bool) async throws -> OrderExport {
        if resending, let number = try await existing(export) {
            return try await Blocking.run { [self] in try confirm(export, number: number) }
        }
        CrashPoint.reached(.journaled)
        let response: EconomicResponse
        do {
            response = try await client.send(.post, .rest, "/orders/drafts", body: Array(export.body.utf8), idempotencyKey: export.idempotencyKey,
                                             module: "orders")
        } catch let error as EconomicError where Self.isRefusal(error) {
            try await Blocking.run { [self] in try release(export, error: "\(error)") }
            throw SyncError(.failed, .order(.refused("\(error)")), module: "orders")
        } catch let error as EconomicError where error.code == .tokenExpired {
            throw error
        } catch {
            throw SyncError(.failed, .order(.uncertain("\(error)")), module: "orders")
        }
        CrashPoint.reached(.exported)
        guard let number = (try? CanonicalJSON.parse(response.body))?["orderNumber"]?.intValue else {
            throw SyncError(.failed, .order(.noOrderNumber), module: "orders")
        }
        return try await Blocking.run { [self] in try confirm(export, number: number) }
    }

    static func decimal(_ value: JSONValue) -> Decimal? {
        if case .number(let text) = value { return Decimal(string: text) }
        return nil
    }

    /// A refusal that will not change by sending again: a 4xx other than 401, 408 and 429.
    static func isRefusal(_ error: EconomicError) -> Bool {
        guard let status = error.status else { return false }
        return (400..<500).contains(status) && ![401, 408, 429].contains(status)
    }

    /// Keeps e-conomic's order number on the local order (marked synced) and the export.
    func confirm(_ export: OrderExport, number: Int64) throws -> OrderExport {
        var export = export
        try replica.write { writer in
            try writer.setForeignKey(.order, id: export.orderId, to: String(number))
            _ = try writer.markSynced(.order, id: export.orderId, expected: try writer.mappedHash(.order, id: export.orderId))
            export.state = .confirmed
            export.orderNumber = number
            export.settledAt = Timestamp.string(scheduler.now())
            try writer.save(export)
        }
        return export
    }

    /// Undoes a refused export: its registrations are no longer exported, its local order is deleted.
    func release(_ export: OrderExport, error: String) throws {
        let at = Timestamp.string(scheduler.now())
        _ = try replica.write { writer in try writer.release(export, as: .failed, at: at, note: error) }
    }

    /// The draft order an earlier attempt made,
    /// found by customer, date, heading and amount, if e-conomic has it.
    func existing(_ export: OrderExport) async throws -> Int64? {
        guard let body = try? CanonicalJSON.parse(Array(export.body.utf8)), let customer = body["customer"]?["customerNumber"]?.intValue,
              let date = body["date"]?.stringValue else { return nil }
        // Only orders e-conomic holds for an export are someone else's: a released export's number may be given again.
        let known = try await Blocking.run { [replica] in Set(try replica.orderExports().filter(\.state.isLive).compactMap(\.orderNumber)) }
        var found: Int64?
        let filter = EconomicFilter.equals("customer.customerNumber", String(customer)).and(.equals("date", date))
        _ = try await client.forEachPage("/orders/drafts", filter: filter, module: "orders") { page in
            guard case .array(let orders)? = (try? CanonicalJSON.parse(page.body))?["collection"] else { return }
            for order in orders {
                guard let number = order["orderNumber"]?.intValue, !known.contains(number), found == nil,
                      order["notes"]?["heading"] == body["notes"]?["heading"],
                      order["netAmount"].flatMap(Self.decimal) == Decimal(string: export.netAmount) else { continue }
                found = number
            }
        }
        return found
    }
}
