import Foundation
import Reconcile
import Replica
import Snapshot
@testable import Sync
import Testing

/// A compare, full or incremental, goes a chunk of keys at a time, holding
/// one chunk: whatever the chunk's size, its plan is the same, links to
/// e-conomic's records across chunks included.
@Suite("Compare in chunks")
struct ChunkedCompareTests {
    @Test("a plan in chunks of 1, 2, 3, 7 or 4,096 keys, full or incremental, is the plan: links and blocks by CVR across chunks, changes on both sides")
    func chunksOfAnySize() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let customers = harness.emulator.records(kind: "customer")
            let used = Set(customers.compactMap { $0.data["corporateIdentificationNumber"]?.stringValue })
            let cvr = try #require(["29403473", "13748136", "10150817"].first { !used.contains($0) })   // valid CVR numbers (modulus 11)
            let synced = try #require(customers.first { customer in
                guard let value = customer.data["corporateIdentificationNumber"]?.stringValue else { return false }
                return value.count == 8 && customers.filter { $0.data["corporateIdentificationNumber"]?.stringValue == value }.count == 1
            })
            // New in e-conomic, after the others: met in the last chunk, the replica customer with its CVR is linked to it
            // once every chunk is walked; the synced customer whose CVR the duplicate has is met in an early one.
            let numbers = Set(customers.compactMap { record -> Int64? in if case .int(let number) = record.key { number } else { nil } })
            let number = try #require(numbers.max()) + 1
            var data = try #require(customers.first).data
            data["customerNumber"] = .int(number)
            data["name"] = .string("Samme CVR ApS")
            data["corporateIdentificationNumber"] = .string(cvr)
            harness.emulator.edit(kind: "customer", key: .int(number)) { $0 = data }
            let (linked, duplicate) = try harness.replica.write { writer in
                try writer.setSetting("customers.defaultGroup", "1")
                try writer.setSetting("customers.paymentTerms", "1")
                return (try writer.create(Customer(name: "Samme CVR (felt)", cvr: cvr)).id!,
                        try writer.create(Customer(name: "Dublet ApS", cvr: synced.data["corporateIdentificationNumber"]!.stringValue!)).id!)
            }
            var changes = RandomChanges(seed: 7, harness: harness)
            try changes.local(12)
            changes.remote(6)
            let (incremental, taken) = try await harness.plan()
            #expect(incremental.operations.contains { $0.key == "local:\(linked)" && $0.link == "\(number)" }, "\(incremental.operations.filter { $0.kind == .customer })")
            #expect(incremental.operations.contains { $0.key == "local:\(duplicate)" && $0.action == .block })
            #expect(numbers.count > 7, "the customers span several chunks")

            let base = try harness.reconciliation().base()
            for chunk in [1, 2, 3, 7, PlanBuilder.chunk] {
                for full in [true, false] {
                    var builder = PlanBuilder(replica: harness.replica, settings: try ReconcileSettings(replica: harness.replica),
                                              agreement: harness.emulator.agreement)
                    builder.full = full
                    builder.chunkKeys = chunk
                    let plan = try builder.plan(basePath: base.map(harness.store.path), base: base, snapshotPath: taken.path, snapshot: taken.entry)
                    #expect(plan.operations == incremental.operations, "\(full ? "full" : "incremental"), chunks of \(chunk) keys")
                }
            }
        }
    }
}
