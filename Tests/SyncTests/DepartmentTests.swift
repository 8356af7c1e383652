import Economic
import EconomicEmulator
import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import Testing
import TestSupport

/// One Mobilplan company, two e-conomic agreements: the records without a
/// department sync with one, department 2's with the other.
@Suite("Departments: one connection per department, each syncing its own records")
struct DepartmentTests {
    @Test("each department's reconcile pulls into and pushes from its own records only, with the same e-conomic keys side by side")
    func twoAgreements() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let reader = try SnapshotReader(path: ReconcileHarness.demo)
            var seed: [Record] = []
            while let line = try reader.next() { seed.append(try SnapshotDiff.record(line, reader)) }
            let other = EconomicEmulator(seed: seed, kinds: reader.header.kinds, agreement: 2_222_222)
            try await other.serving { port in
                var configuration = EconomicClient.Configuration()
                configuration.restBaseURL = "http://127.0.0.1:\(port)"
                configuration.projectsBaseURL = "http://127.0.0.1:\(port)/projectsapi/v1.1.0"
                let client = EconomicClient(credentials: EconomicCredentials(appSecretToken: "emulator-app-secret", grantToken: "emulator-grant"),
                                            configuration: configuration)
                let department = harness.replica.scoped(to: 2)
                let second = Reconciliation(store: SnapshotStore(dataDirectory: harness.directory.url, replica: department), client: client,
                                            agreement: other.agreement, now: { [clock = harness.clock] in clock.now() })
                func reconcileSecond() async throws -> (Plan, ApplyReport) {
                    let taken = try await second.takeSnapshot()
                    let plan = try await second.plan(taken)
                    return (plan, try await second.apply(plan))
                }
                let (first, _) = try await reconcileSecond()
                let customers = try harness.replica.list(Customer.self)
                #expect(first.operations.filter { $0.kind == .customer }.allSatisfy { $0.action == .pullInsert })
                #expect(customers.filter { $0.department == 2 }.count == customers.filter { $0.department == nil }.count)
                #expect(try department.rowIDs(.customer, foreignKeys: ["1001"])["1001"] != harness.replica.rowIDs(.customer, foreignKeys: ["1001"])["1001"])

                let theirs = try #require(try department.rowIDs(.product, foreignKeys: ["10006"])["10006"])
                let created = try department.write { writer in
                    _ = try writer.update(Product.self, id: theirs) { $0.salesPrice = 99 }
                    var product = Product(number: "D2-1", name: "Kun i afdeling 2", salesPrice: 10, unitId: try department.rowIDs(.unit, foreignKeys: ["1"])["1"],
                                          productGroupId: try department.rowIDs(.productGroup, foreignKeys: ["1"])["1"])
                    product.department = 2
                    return try writer.create(product)
                }
                let (unscoped, _) = try await harness.reconcile()
                #expect(unscoped.isEmpty, "the records without a department did not change: \(unscoped.operations.filter { $0.action != .skip }.map { "\($0.action.rawValue) \($0.kind) \($0.key): \($0.reason)" })")
                let (plan, report) = try await reconcileSecond()
                #expect(plan.operations.filter { $0.action.isPush }.map { "\($0.action.rawValue) \($0.key)" }.sorted() == ["create local:\(created.id!)", "update 10006"])
                #expect(report.pushed == 2)
                #expect(other.records(kind: "product").first { $0.key == .string("10006") }?.data["salesPrice"] == .int(99))
                #expect(other.records(kind: "product").contains { $0.key == .string("D2-1") })
                #expect(harness.emulator.records(kind: "product").first { $0.key == .string("10006") }?.data["salesPrice"] != .int(99))
                #expect(!harness.emulator.records(kind: "product").contains { $0.key == .string("D2-1") })
            }
        }
    }

    @Test("each department's modules have their own status, lease and cooldown")
    func schedulerScope() async throws {
        let fixture = try SchedulerFixture()
        let main = fixture.scheduler(), second = ModuleScheduler(replica: fixture.replica.scoped(to: 2), now: { fixture.clock.now() },
                                                                   random: { 0.5 }, owner: "2@elsewhere")
        _ = try await fixture.run(.customers, with: main)
        let lease = try second.acquire(.customers, force: false)
        #expect(lease.run.module == "customers@2")
        #expect(try main.report().first { $0.module == .customers }?.state == .idle)
        #expect(try second.report().first { $0.module == .customers }?.state == .running)
        try second.finish(lease, ModuleOutcome())
        #expect(try second.due().contains(.customers) == false && main.due().contains(.customers) == false)
        #expect(try second.due().contains(.products) && main.due().contains(.products))
    }
}
