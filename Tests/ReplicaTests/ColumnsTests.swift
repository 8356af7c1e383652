import Foundation
import GRDB
import Testing
import Vocabulary
@testable import Replica

/// Each record type names its columns once, in its `Columns` enum: the
/// enum must name exactly the table's columns, and properties map to them.
@Suite("Columns")
struct ColumnsTests {
    static func tableColumns(_ table: String, _ store: ReplicaStore) throws -> Set<String> {
        try store.read { db in Set(try db.columns(in: table).map(\.name)) }
    }

    static func names<T: ColumnNaming>(_ type: T.Type) -> Set<String> {
        Set(T.Columns.allCases.map(\.rawValue))
    }

    @Test("every record kind's Columns are its table's columns")
    func recordKinds() throws {
        let replica = try TestReplica()
        for kind in Kind.allCases {
            let type = try #require(kind.recordType as? any ColumnNaming.Type, "\(kind)")
            #expect(Self.names(type) == (try Self.tableColumns(kind.table, replica.store)), "\(kind)")
        }
    }

    @Test("the reconcile bookkeeping's Columns are its tables' columns")
    func bookkeeping() throws {
        let replica = try TestReplica()
        #expect(Self.names(ReconcileRun.self) == (try Self.tableColumns("reconcile_runs", replica.store)))
        #expect(Self.names(OutboxEntry.self) == (try Self.tableColumns("outbox", replica.store)))
        #expect(Self.names(ConflictEntry.self) == (try Self.tableColumns("conflicts", replica.store)))
        #expect(Self.names(SnapshotEntry.self) == (try Self.tableColumns("snapshots", replica.store)))
    }

    @Test("the modules' bookkeeping's Columns are its tables' columns")
    func modules() throws {
        let replica = try TestReplica()
        #expect(Self.names(ModuleStatus.self) == (try Self.tableColumns("module_status", replica.store)))
        #expect(Self.names(ModuleRun.self) == (try Self.tableColumns("module_runs", replica.store)))
        #expect(Self.names(NotificationEntry.self) == (try Self.tableColumns("notifications", replica.store)))
        #expect(Self.names(OrderExport.self) == (try Self.tableColumns("order_exports", replica.store)))
    }

    @Test("hours and materials share the columns the registration requests name")
    func registrations() {
        for column in [TimeEntry.Columns.projectId, .approvedAt, .orderId, .tombstone, .date, .id] {
            #expect(Material.Columns(rawValue: column.rawValue) != nil, "\(column)")
        }
    }

    @Test("a property finds its column; an unknown one none")
    func properties() {
        #expect(Product.columnName(forProperty: "salesPrice") == "sales_price")
        #expect(TimeEntry.columnName(forProperty: "hourTypeId") == "hour_type_id")
        #expect(Customer.columnName(forProperty: "nonsense") == nil)
    }
}
