import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import Testing
import Vocabulary

/// A first sync writes kinds the replica and the base have no record of
/// straight from the snapshot, without a plan of every record; the replica it
/// leaves is the one the plan would have left.
@Suite("First pull: straight from the snapshot")
struct FirstPullTests {
    /// Every module `sync` runs, in order, through the module runner.
    static func firstSync(_ harness: ReconcileHarness) async throws -> [ModuleRunner.Result] {
        let clock = harness.clock
        let runner = ModuleRunner(store: harness.store, client: harness.client, agreement: harness.emulator.agreement,
                                  scheduler: ModuleScheduler(replica: harness.replica, now: { clock.now() }))
        let settings = try ModuleSettings(replica: harness.replica)
        var results: [ModuleRunner.Result] = []
        for module in Module.runOrder where !module.isManual && settings.isEnabled(module) {
            results.append(try await runner.run(module, force: true))
        }
        return results
    }

    /// The replica's rows of the pulled kinds, as JSON, by kind.
    static func rows(_ replica: ReplicaStore) throws -> [String: [String]] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func encoded<R: ReplicaRecord>(_ type: R.Type) throws -> [String] {
            try replica.list(type, includeDeleted: true).map { String(decoding: try encoder.encode($0), as: UTF8.self) }.sorted()
        }
        return ["customer": try encoded(Customer.self), "customerGroup": try encoded(CustomerGroup.self), "product": try encoded(Product.self),
                "employee": try encoded(Employee.self), "hourType": try encoded(HourType.self), "unit": try encoded(UnitType.self),
                "contact": try encoded(Contact.self), "productGroup": try encoded(ProductGroup.self)]
    }

    @Test("module runs write the kinds straight from their snapshots: the same rows as a reconcile's plan, and nothing left to do")
    func sameAsPlan() async throws {
        let planned = try await ReconcileHarness.with { harness in
            _ = try await harness.reconcile()
            return try Self.rows(harness.replica)
        }
        try await ReconcileHarness.with { harness in
            // The customers module alone first: its kinds are written without a plan, and its plan has no customer in it.
            var customers = harness.reconciliation()
            customers.modules = [.customers]
            let taken = try await customers.takeSnapshot()
            let loaded = try await customers.loadFirstPull(taken)
            let kinds = Set(loaded.keys)
            #expect(kinds.isSuperset(of: [.customer, .customerGroup]))
            for (kind, count) in loaded { #expect(count == harness.emulator.records(kind: kind.rawValue).count, "\(kind)") }
            let plan = try await customers.plan(taken, leavingOut: kinds)
            #expect(plan.operations.allSatisfy { !kinds.contains($0.kind) })
            _ = try await customers.apply(plan)
            let next = try await customers.takeSnapshot()
            #expect(try await customers.loadFirstPull(next).isEmpty, "a kind the base has is compared, not loaded again")

            let results = try await Self.firstSync(harness)
            #expect(results.allSatisfy { !$0.outcome.failed }, "\(results.map { "\($0.module): \($0.outcome.error.map { "\($0)" } ?? "ok")" })")
            let rows = try Self.rows(harness.replica)
            for (kind, expected) in planned {
                let differing = zip(rows[kind] ?? [], expected).first { $0 != $1 }
                #expect(rows[kind] == expected, "\(kind): \(rows[kind]?.count ?? 0) rows, \(expected.count) expected; \(differing.map { "\($0.0) ≠ \($0.1)" } ?? "")")
            }
            #expect(try harness.replica.unsyncedRows(.customer).isEmpty, "every written row is marked synced")
            let (again, _) = try await harness.reconcile()
            #expect(again.operations.allSatisfy { $0.action == .skip }, "\(again.operations.filter { $0.action != .skip }.prefix(5))")
        }
    }

    /// Gives e-conomic customer 9017, in a customer group the replica never gets: the replica refuses it.
    static func addCustomerInUnknownGroup(_ harness: ReconcileHarness) throws {
        let template = try #require(harness.emulator.records(kind: "customer").first).data
        harness.emulator.edit(kind: "customer", key: .int(9017)) { record in
            record = template
            record?["customerNumber"] = .number("9017")
            record?["customerGroup"] = .object(["customerGroupNumber": .number("99")])
        }
    }

    @Test("a record the replica refuses sends its kind through the plan, where it fails alone")
    func refusedRecord() async throws {
        try await ReconcileHarness.with { harness in
            try Self.addCustomerInUnknownGroup(harness)
            var customers = harness.reconciliation()
            customers.modules = [.customers]
            let taken = try await customers.takeSnapshot()
            let loaded = try await customers.loadFirstPull(taken)
            #expect(loaded[.customerGroup] != nil && loaded[.customer] == nil)
            let plan = try await customers.plan(taken, leavingOut: Set(loaded.keys))
            let report = try await customers.apply(plan)
            #expect(report.pullFailures.map(\.key) == ["9017"])
            let keys = try harness.replica.list(Customer.self).compactMap(\.foreignKey)
            #expect(keys.count == harness.emulator.records(kind: "customer").count - 1 && !keys.contains(9017))
        }
    }
}
