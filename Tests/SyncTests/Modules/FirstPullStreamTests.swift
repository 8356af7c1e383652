import Foundation
import Reconcile
import Replica
import Snapshot
import Synchronization
import Sync
import Testing
import Vocabulary

/// A first pull written while its pages arrive (`takeSnapshot(loading:)`):
/// each kind's rows are in the replica when the kind is pulled, before the
/// snapshot exists; a refused kind and a failed pull leave what the snapshot
/// path would.
@Suite("First pull: written while pulled")
struct FirstPullStreamTests {
    @Test("each kind's rows are in the replica as soon as it is pulled, page by page; nothing is loaded again; the plan leaves them out")
    func writtenWhilePulled() async throws {
        try await ReconcileHarness.with(pageSize: 7) { harness in
            var customers = harness.reconciliation()
            customers.modules = [.customers]
            let replica = harness.replica
            let seen = Mutex<[Kind: Int]>([:])
            let taken = try await customers.takeSnapshot(loading: true) { progress in
                // Told once the kind is pulled whole: the snapshot is not even written yet.
                let rows = switch progress.kind {
                case .customer: (try? replica.list(Customer.self).count) ?? -1
                case .customerGroup: (try? replica.list(CustomerGroup.self).count) ?? -1
                default: 0
                }
                seen.withLock { $0[progress.kind] = rows }
            }
            let customerCount = harness.emulator.records(kind: "customer").count
            let groupCount = harness.emulator.records(kind: "customerGroup").count
            #expect(customerCount > 7 * 3, "several pages of customers")
            #expect(seen.withLock { $0 } [.customer] == customerCount && seen.withLock { $0 }[.customerGroup] == groupCount)
            #expect(taken.loaded[.customer] == customerCount && taken.loaded[.customerGroup] == groupCount, "\(taken.loaded)")
            #expect(try await customers.loadFirstPull(taken) == taken.loaded, "nothing is read back from the snapshot")
            #expect(try harness.replica.unsyncedRows(.customer).isEmpty, "every written row is marked synced")
            let plan = try await customers.plan(taken, leavingOut: Set(taken.loaded.keys))
            #expect(plan.operations.allSatisfy { $0.kind != .customer && $0.kind != .customerGroup })
            _ = try await customers.apply(plan)
            let next = try await customers.takeSnapshot(loading: true)
            #expect(next.loaded.isEmpty, "a kind the base has is compared, not written again")
        }
    }

    @Test("a record the replica refuses rolls its kind back while pulled; the plan takes it, where the record fails alone")
    func refusedWhilePulled() async throws {
        try await ReconcileHarness.with(pageSize: 7) { harness in
            try FirstPullTests.addCustomerInUnknownGroup(harness)
            var customers = harness.reconciliation()
            customers.modules = [.customers]
            let taken = try await customers.takeSnapshot(loading: true)
            #expect(taken.loaded[.customerGroup] != nil && taken.loaded[.customer] == nil, "\(taken.loaded)")
            #expect(try harness.replica.list(Customer.self).isEmpty, "the refused kind was rolled back whole")
            let loaded = try await customers.loadFirstPull(taken)
            #expect(loaded[.customer] == nil)
            let report = try await customers.apply(try await customers.plan(taken, leavingOut: Set(loaded.keys)))
            #expect(report.pullFailures.map(\.key) == ["9017"])
            let keys = try harness.replica.list(Customer.self).compactMap(\.foreignKey)
            #expect(keys.count == harness.emulator.records(kind: "customer").count - 1 && !keys.contains(9017))
        }
    }

    @Test("a pull that fails part-way rolls back the kind it was writing; the kinds pulled before keep rows equal to e-conomic's, and the next run converges")
    func failedPull() async throws {
        try await ReconcileHarness.with(pageSize: 7) { harness in
            // A customer on the third page that e-conomic would never send: the page is refused, the pull fails there.
            let keys = harness.emulator.records(kind: "customer").map(\.key).sorted()
            harness.emulator.edit(kind: "customer", key: keys[16]) { record in record?["customerNumber"] = nil }
            var customers = harness.reconciliation()
            customers.modules = [.customers]
            await #expect(throws: (any Error).self) { try await customers.takeSnapshot(loading: true) }
            #expect(try harness.replica.list(Customer.self).isEmpty, "two pages were written, then rolled back")
            #expect(try harness.replica.list(CustomerGroup.self).count == harness.emulator.records(kind: "customerGroup").count)

            harness.emulator.edit(kind: "customer", key: keys[16]) { record in record?["customerNumber"] = .number(keys[16].description) }
            let taken = try await customers.takeSnapshot(loading: true)
            #expect(taken.loaded[.customer] == keys.count && taken.loaded[.customerGroup] == nil, "\(taken.loaded)")
            let plan = try await customers.plan(taken, leavingOut: Set(taken.loaded.keys))
            #expect(plan.operations.filter { $0.kind == .customerGroup }.allSatisfy { $0.action == .skip },
                    "the groups written before the failure equal e-conomic's: \(plan.operations.filter { $0.kind == .customerGroup }.prefix(3))")
        }
    }
}
