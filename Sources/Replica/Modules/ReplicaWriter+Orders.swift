internal import GRDB
import Vocabulary

extension ReplicaWriter {
    /// The local ids of the registrations of type `R` exported on local order `orderID`, deleted or not.
    public func registrationIDs<R: Registration>(_ type: R.Type, onOrder orderID: Int64) throws -> [Int64] {
        try StoredRecord<R>.all().onOrder(orderID).select(TimeEntry.Columns.id.column, as: Int64.self).fetchAll(db)
    }

    /// Frees what `export` held, settling it as `state` at `at` with `note`:
    /// its registrations are on no order again (to be exported anew), and its
    /// local order is deleted and forgets its e-conomic number, which
    /// e-conomic may give to the next order.
    ///
    /// ```swift
    /// let released = try writer.release(export, as: .released, at: "2026-11-30T08:00:00Z", note: nil)
    /// ```
    public func release(_ export: OrderExport, as state: OrderExport.State, at: String, note: String?) throws -> OrderExport {
        func unmark<R: Registration>(_ type: R.Type) throws {
            for id in try registrationIDs(R.self, onOrder: export.orderId) { _ = try update(R.self, id: id) { $0.orderId = nil } }
        }
        try unmark(TimeEntry.self)
        try unmark(Material.self)
        try db.execute(sql: "UPDATE \(Kind.order.table) SET \(Order.Columns.foreignKey.rawValue) = NULL WHERE id = ?", arguments: [export.orderId])
        try delete(Order.self, id: export.orderId)
        var export = export
        export.state = state
        export.error = note
        export.settledAt = at
        try save(export)
        return export
    }
}
