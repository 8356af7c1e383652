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
    @Test("each kind's rows are written while it is pulled, page by page, and committed before the snapshot is taken; nothing is loaded again; the plan leaves them out")
    func writtenWhilePulled() async throws {
        try await ReconcileHarness.with(pageSize: 5) { harness in
            var customers = harness.reconciliation()
            customers.modules = [.customers]
            let replica = harness.replica
            let groupsSeen = Mutex<Int?>(nil)
            let taken = try await customers.takeSnapshot(loading: true) { progress in
                // Customers pulled whole: the groups pulled before them are committed, for the customers' writer could take
                // no page (the pull no more than four pages ahead of it) before its transaction began, after the groups'.
                guard progress.kind == .customer else { return }
                groupsSeen.withLock { $0 = (try? replica.list(CustomerGroup.self).count) ?? -1 }
            }
            let customerCount = harness.emulator.records(kind: "customer").count
            let groupCount = harness.emulator.records(kind: "customerGroup").count
            #expect(customerCount > 5 * 5, "more pages of customers than the pull may be ahead of its writer (four)")
            #expect(groupsSeen.withLock { $0 } == groupCount)
            #expect(try replica.list(Customer.self).count == customerCount, "committed once the snapshot is taken")
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

    @Test("a module run whose kinds were all written as pulled plans nothing and reads nothing of its snapshot")
    func nothingLeftToPlan() async throws {
        try await ReconcileHarness.with { harness in
            var customers = harness.reconciliation()
            customers.modules = [.customers]
            let taken = try await customers.takeSnapshot(loading: true)
            #expect(Set(taken.loaded.keys).isSuperset(of: [.customer, .customerGroup]), "\(taken.loaded)")
            // The snapshot replaced by one with its header and many records, cut in the middle: a plan that read the
            // records would fail on it; the header is read from its first bytes.
            let header = try SnapshotReader(path: taken.path).header
            let writer = try SnapshotWriter(path: taken.path, header: header)
            for number in 1...40_000 {
                try writer.append(Record(kind: "customer", key: .int(Int64(number)), data: ["name": .string("Kunde \(number * 7_919 % 100_003)")]))
            }
            try writer.finish()
            let bytes = try Data(contentsOf: URL(fileURLWithPath: taken.path))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: taken.path))
            let plan = try await customers.plan(taken, leavingOut: Set(taken.loaded.keys))
            #expect(plan.operations.isEmpty, "\(plan.operations.prefix(3))")
            await #expect(throws: (any Error).self, "the plan of a kind not written must read the cut snapshot") {
                try await customers.plan(taken, leavingOut: [.customer])
            }
        }
    }
}
