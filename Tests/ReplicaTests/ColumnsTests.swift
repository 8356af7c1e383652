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

    /// A row that only notes the keys GRDB's own snake-case strategy finds in it.
    struct SnakeCaseProbe: FetchableRecord, Decodable {
        static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
        struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        var keys: [String]
        init(from decoder: any Decoder) throws {
            keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        }
    }

    @Test("every column of every table gets the key GRDB's snake-case strategy gives it, remembered or not")
    func rememberedColumnNames() throws {
        let replica = try TestReplica()
        let tables = try replica.store.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        }
        var columns = Set(["_leading", "trailing_", "two__underscores", "URL_path", "x"])
        for table in tables { columns.formUnion(try Self.tableColumns(table, replica.store)) }
        #expect(columns.count > 40)
        for column in columns {
            let expected = try SnakeCaseProbe(row: Row([column: 1])).keys
            #expect([ColumnNames.convert(column)] == expected, "\(column)")
            #expect([ColumnNames.camelCase(column)] == expected, "\(column)")
            #expect([ColumnNames.camelCase(column)] == expected, "\(column), remembered")
        }
    }
}

/// A kind written many rows per statement binds every column but the id,
/// and a row written that way reads back equal to the record.
@Suite("Bulk insert columns")
struct BulkInsertColumnsTests {
    static func check<R: BulkInsertable & Equatable & ColumnNaming>(_ record: R, _ store: ReplicaStore) throws {
        #expect(Set(R.insertColumns + ["id"]) == ColumnsTests.names(R.self), "\(R.kind)")
        #expect(R.insertColumns.count == Set(R.insertColumns).count, "\(R.kind)")
        let ids = try store.write { try StoredRecord.insertAll(Array(repeating: record, count: R.rowsPerStatement + 1), $0.db) }
        for id in [ids[0], ids[R.rowsPerStatement]] {
            var expected = record
            expected.id = id
            #expect(try store.fetch(R.self, id: id) == expected, "\(R.kind)")
            // A kind that decodes its rows by hand (RowDecodable) reads them as Codable does.
            #expect(try store.read { try StoredRecord<R>.fetchOne($0, key: id)?.value } == expected, "\(R.kind)")
        }
    }

    @Test("customers, products, hours and materials bind every column")
    func everyColumn() throws {
        let replica = try TestReplica()
        let f = replica.fixture
        try Self.check(Customer(department: 2, name: "Ærø Tømrer", cvr: "13748136", address: "Vej 1", zip: "5970", city: "Ærøskøbing",
                                country: "Danmark", phone: "12345678", email: "a@b.dk", currency: "EUR", customerGroupId: f.group,
                                paymentTermId: nil, vatZoneId: nil, barred: true), replica.store)
        // Deleted, so the copies do not trip the unique product number.
        try Self.check(Product(department: 2, number: "P-9", name: "Rør", salesPrice: 1.5, costPrice: 0.75, unitId: f.stk, barred: true,
                               tombstone: true), replica.store)
        var entry = f.entry(hours: 3.25, date: "2026-11-03")
        entry.approvedBy = "formand"
        entry.approvedAt = "2026-11-03T10:00:00Z"
        try Self.check(entry, replica.store)
        try Self.check(Material(productId: f.product, projectId: f.project, date: "2026-11-02", quantity: 2.5), replica.store)
    }
}
