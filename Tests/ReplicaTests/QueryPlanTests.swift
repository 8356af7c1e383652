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

    /// Expects `plan` to read `table` through `index` and to scan nothing.
    static func expectSearch(_ plan: [String], _ table: String, using index: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(plan.contains { $0.hasPrefix("SEARCH \(table) USING ") && $0.contains(index) }, "\(plan)", sourceLocation: sourceLocation)
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)", sourceLocation: sourceLocation)
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

    @Test("changes since a sequence number search the change log by its primary key")
    func changesSince() throws {
        let replica = try TestReplica()
        Self.expectSearch(try Self.plan(ReplicaStore.changesRequest(since: 10, limit: 100), replica.store),
                          "change_log", using: "INTEGER PRIMARY KEY")
        Self.expectSearch(try Self.plan(ReplicaStore.changedRowsRequest(since: 10), replica.store), "change_log", using: "INTEGER PRIMARY KEY")
    }

    @Test("a project's approved, unexported hours and materials use the table's project index")
    func registrationsPerProject() throws {
        let replica = try TestReplica()
        Self.expectSearch(try Self.plan(ReplicaStore.approvedUnexportedRequest(TimeEntry.self, project: 4), replica.store),
                          "time_entries", using: "INDEX time_entries_project")
        Self.expectSearch(try Self.plan(ReplicaStore.approvedUnexportedRequest(Material.self, project: 4), replica.store),
                          "materials", using: "INDEX materials_project")
    }

    @Test("a run's outbox and the agreement's unfinished run use their indexes")
    func runs() throws {
        let replica = try TestReplica()
        Self.expectSearch(try Self.plan(OutboxEntry.ofRun(1), replica.store), "outbox", using: "INDEX")
        Self.expectSearch(try Self.plan(ReconcileRun.unfinished(agreement: 1), replica.store),
                          "reconcile_runs", using: "INDEX reconcile_runs_agreement")
    }
}
