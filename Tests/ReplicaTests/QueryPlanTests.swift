import Foundation
import GRDB
import Testing
import Vocabulary
@testable import Replica

/// The hot queries (those the pull, reconcile and plan-apply paths run per
/// record or per batch) pinned to the index they use, asked of SQLite with
/// `EXPLAIN QUERY PLAN` on a real replica file: an index dropped or changed,
/// or a query rewritten so SQLite cannot use it, turns a lookup into a `SCAN`
/// of a big table, and fails here rather than in a slow reconcile.
@Suite("Query plans")
struct QueryPlanTests {
    /// SQLite's plan for `request`: one `detail` line per step, such as
    /// `SEARCH products USING INDEX products_foreign_key (<expr>=? AND foreign_key=?)`.
    static func plan(_ request: some FetchRequest, _ store: ReplicaStore) throws -> [String] {
        try store.read { db in
            let statement = try request.makePreparedRequest(db, forSingleResult: false).statement
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql, arguments: statement.arguments).map { $0["detail"] }
        }
    }

    /// Expects `plan` to read `table` through `index` and to scan nothing
    /// (but `scanned`, when the query means to read every row of it).
    static func expectSearch(_ plan: [String], _ table: String, using index: String, scanning scanned: String? = nil,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(plan.contains { $0.hasPrefix("SEARCH \(table) USING ") && $0.contains(index) }, "\(plan)", sourceLocation: sourceLocation)
        let allowed = { (line: String) in scanned.map { line == "SCAN \($0)" || line.hasPrefix("SCAN \($0) ") } ?? false }
        #expect(!plan.contains { $0.hasPrefix("SCAN") && !allowed($0) }, "\(plan)", sourceLocation: sourceLocation)
    }

    @Test("a row id by e-conomic key (pull and plan apply, per record) uses the kind's foreign-key index", arguments: Kind.allCases)
    func rowIDByForeignKey(kind: Kind) throws {
        let replica = try TestReplica()
        for department in [nil, 3] {
            let plan = try Self.plan(kind.rowIDRequest(foreignKey: "42", department: department), replica.store)
            Self.expectSearch(plan, kind.table, using: "INDEX \(kind.table)_foreign_key")
        }
    }

    @Test("row ids by a batch of e-conomic keys use the kind's foreign-key index", arguments: Kind.allCases)
    func rowIDsByForeignKeys(kind: Kind) throws {
        let replica = try TestReplica()
        let plan = try Self.plan(kind.rowIDsRequest(foreignKeys: ["1", "2", "3"], department: nil), replica.store)
        Self.expectSearch(plan, kind.table, using: "INDEX \(kind.table)_foreign_key")
    }

    @Test("lookups by a batch of local ids use the primary key, not the department's index")
    func byLocalIDs() throws {
        let replica = try TestReplica()
        for kind in [Kind.product, .customer, .timeEntry, .material] {
            let ids: [Int64] = [1, 2, 3]
            Self.expectSearch(try Self.plan(kind.foreignKeysRequest(ids: ids, department: nil), replica.store),
                              kind.table, using: "INTEGER PRIMARY KEY")
            Self.expectSearch(try Self.plan(kind.unsyncedRequest(among: ids), replica.store), kind.table, using: "INTEGER PRIMARY KEY")
            Self.expectSearch(try Self.plan(kind.localRowsRequest(columns: ["id", "foreign_key"], department: 2, ids: ids), replica.store),
                              kind.table, using: "INTEGER PRIMARY KEY")
        }
    }

    @Test("the local records listing reconcile reads walks the table in id order, without a sort or the department's index")
    func localRowsListing() throws {
        let replica = try TestReplica()
        for kind in Kind.allCases {
            let plan = try Self.plan(kind.localRowsRequest(columns: ["id", "foreign_key", "tombstone"], department: nil, ids: [Int64]?.none),
                                     replica.store)
            #expect(plan == ["SCAN \(kind.table)"], "\(kind): \(plan)")
        }
    }

    @Test("a full compare's keys of every row walk the table once in id order, without a sort or the department's index")
    func rowKeys() throws {
        let replica = try TestReplica()
        for kind in Kind.allCases {
            #expect(try Self.plan(kind.rowKeysRequest(department: 3), replica.store) == ["SCAN \(kind.table)"], "\(kind)")
        }
    }

    @Test("changes since a sequence number search the change log by its primary key")
    func changesSince() throws {
        let replica = try TestReplica()
        Self.expectSearch(try Self.plan(ReplicaStore.changesRequest(since: 10, limit: 100), replica.store),
                          "change_log", using: "INTEGER PRIMARY KEY")
        Self.expectSearch(try Self.plan(ReplicaStore.changedRowsRequest(since: 10), replica.store), "change_log", using: "INTEGER PRIMARY KEY")
    }

    @Test("a project's approved, unexported hours and materials use the table's index of exportable registrations by project")
    func registrationsPerProject() throws {
        let replica = try TestReplica()
        Self.expectSearch(try Self.plan(ReplicaStore.approvedUnexportedRequest(TimeEntry.self, project: 4), replica.store),
                          "time_entries", using: "INDEX time_entries_exportable (project_id=?)")
        Self.expectSearch(try Self.plan(ReplicaStore.approvedUnexportedRequest(Material.self, project: 4), replica.store),
                          "materials", using: "INDEX materials_exportable (project_id=?)")
    }

    @Test("a run's outbox and the agreement's unfinished run use their indexes")
    func runs() throws {
        let replica = try TestReplica()
        Self.expectSearch(try Self.plan(OutboxEntry.ofRun(1), replica.store), "outbox", using: "INDEX")
        Self.expectSearch(try Self.plan(ReconcileRun.unfinished(agreement: 1), replica.store),
                          "reconcile_runs", using: "INDEX reconcile_runs_agreement")
    }

    @Test("local check compares each table with the change log in one pass of each (EXCEPT), never a log lookup per row",
          arguments: Kind.allCases)
    func consistencyCheck(kind: Kind) throws {
        let replica = try TestReplica()
        for request in [ReplicaStore.unloggedRowsRequest(kind), ReplicaStore.missingRowsRequest(kind)] {
            let plan = try Self.plan(request, replica.store)
            #expect(plan.contains { $0.contains("EXCEPT USING TEMP B-TREE") }, "\(plan)")
            #expect(!plan.contains { $0.contains("CORRELATED") }, "\(plan)")
            #expect(plan.filter { $0.hasPrefix("SCAN change_log") || $0.hasPrefix("SEARCH change_log") }.count == 1, "\(plan)")
            #expect(plan.filter { $0.hasPrefix("SCAN \(kind.table)") }.count == 1, "\(plan)")
        }
    }

    @Test("the hours and materials listing reads an index when it is filtered by project, and by order for an export")
    func registrationListing() throws {
        let replica = try TestReplica()
        try Self.expectListingIndexes(TimeEntry.self, replica.store)
        try Self.expectListingIndexes(Material.self, replica.store)
    }

    static func expectListingIndexes<R: Registration>(_ type: R.Type, _ store: ReplicaStore,
                                                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let table = R.kind.table
        let cases: [(RegistrationFilter, String)] = [
            (RegistrationFilter(project: 4), "INDEX \(table)_project (project_id=?)"),
            (RegistrationFilter(project: 4, employee: 2, status: .open, to: "2026-11-30"), "INDEX \(table)_"),
        ]
        for (filter, index) in cases {
            for department in [nil, 2] {
                let plan = try Self.plan(ReplicaStore.registrationsRequest(R.self, matching: filter, department: department), store)
                expectSearch(plan, table, using: index, sourceLocation: sourceLocation)
            }
        }
        expectSearch(try Self.plan(StoredRecord<R>.all().onOrder(7), store), table, using: "INDEX \(table)_order (order_id=?)", sourceLocation: sourceLocation)
    }

    @Test("deleting an order looks for live hours and materials on it through their order index")
    func referrers() throws {
        let replica = try TestReplica()
        let registrations = Kind.order.referrers.filter { [.timeEntry, .material].contains($0.kind) }
        #expect(registrations.count == 2)
        for (kind, reference) in registrations {
            Self.expectSearch(try Self.plan(kind.liveReferrerRequest(reference, id: 3), replica.store),
                              kind.table, using: "INDEX \(kind.table)_order")
        }
    }

    @Test("a reference typed as e:KEY or a number is resolved by the department's key or number index")
    func resolveByKeyOrNumber() throws {
        let replica = try TestReplica()
        for department in [nil, 2] {
            for kind in [Kind.customer, .product, .employee, .project] {
                Self.expectSearch(try Self.plan(kind.liveRowsRequest("foreign_key", kind.foreignKeyValue("42"), department: department),
                                                replica.store), kind.table, using: "INDEX \(kind.table)_foreign_key")
            }
            for kind in [Kind.product, .employee, .project] {
                Self.expectSearch(try Self.plan(kind.liveRowsRequest("number", kind.foreignKeyValue("42"), department: department),
                                                replica.store), kind.table, using: "INDEX \(kind.table)_number")
            }
        }
    }

    @Test("a module's API calls today (the panel's overview, every view) read its runs through the index of runs by module and start, not a year of runs")
    func apiCallsToday() throws {
        let replica = try TestReplica()
        let plan = try Self.plan(SQLRequest<Row>(sql: ReplicaStore.apiCallsSQL, arguments: ["units", "2026-11-02T00:00:00Z"]), replica.store)
        Self.expectSearch(plan, "module_runs", using: "INDEX module_runs_module (module=? AND started_at>?)")
    }

    @Test("the projects to export from (the panel's Ordrer) read only the exportable registrations, through their partial indexes")
    func exportableProjects() throws {
        let replica = try TestReplica()
        let plan = try Self.plan(ReplicaStore.exportableProjectsRequest(department: nil), replica.store)
        for table in ["time_entries", "materials"] {
            #expect(plan.contains { $0.hasPrefix("SCAN \(table) USING ") && $0.hasSuffix("INDEX \(table)_exportable") }, "\(plan)")
        }
        #expect(plan.contains { $0.hasPrefix("SEARCH p USING INTEGER PRIMARY KEY") }, "\(plan)")
    }
}
