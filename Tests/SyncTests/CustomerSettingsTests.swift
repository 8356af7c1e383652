import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import Testing
import Vocabulary

/// The wizard's step 3 does what it says: `customers.syncCVR` matches on the
/// CVR number (or not), `customers.syncGroups` imports the customer groups (or not).
@Suite("Customer settings")
struct CustomerSettingsTests {
    @Test("customers.syncCVR false: a local customer with an e-conomic customer's CVR is created, not linked to it")
    func noCVRMatching() async throws {
        try await ReconcileScenarioTests.synced { harness in
            try await Self.check(cvrMatching: false, harness)
        }
    }

    @Test("customers.syncCVR true (the default): the same customer is linked, never duplicated")
    func cvrMatching() async throws {
        try await ReconcileScenarioTests.synced { harness in
            try await Self.check(cvrMatching: true, harness)
        }
    }

    /// An e-conomic customer new since the last run, and a customer recorded in the field with its CVR number.
    static func check(cvrMatching: Bool, _ harness: ReconcileHarness) async throws {
        let customers = harness.emulator.records(kind: "customer")
        let used = Set(customers.compactMap { $0.data["corporateIdentificationNumber"]?.stringValue })
        let cvr = try #require(["29403473", "13748136", "10150817"].first { !used.contains($0) })   // valid CVR numbers (modulus 11)
        guard case .int(let group)? = harness.emulator.records(kind: "customerGroup").first?.key,
              case .int(let terms)? = harness.emulator.records(kind: "paymentTerm").first?.key, let template = customers.first else {
            Issue.record("the demo agreement has customers, customer groups and payment terms")
            return
        }
        var data = template.data
        data["customerNumber"] = .int(88001)
        data["name"] = .string("Samme CVR ApS")
        data["corporateIdentificationNumber"] = .string(cvr)
        harness.emulator.edit(kind: "customer", key: .int(88001)) { $0 = data }
        let local = try harness.replica.write { writer in
            try writer.setSetting("customers.syncCVR", String(cvrMatching))
            try writer.setSetting("customers.defaultGroup", String(group))
            try writer.setSetting("customers.paymentTerms", String(terms))
            return try writer.create(Customer(name: "Samme CVR (felt)", cvr: cvr)).id!
        }
        let before = harness.emulator.records(kind: "customer").count
        let (plan, report) = try await harness.reconcile()
        #expect(report.pushFailures.isEmpty && report.pullFailures.isEmpty, "\(report.pushFailures) \(report.pullFailures)")
        let stored = try #require(try harness.replica.fetch(Customer.self, id: local))
        if cvrMatching {
            #expect(plan.operations.contains { $0.link == "88001" && $0.key == "local:\(local)" }, "\(plan.operations.filter { $0.kind == .customer })")
            #expect(stored.foreignKey == 88001 && harness.emulator.records(kind: "customer").count == before)
        } else {
            let op = try #require(plan.operations.first { $0.key == "local:\(local)" })
            #expect(op.action == .create, "\(op)")
            #expect(harness.emulator.records(kind: "customer").count == before + 1, "created in e-conomic, not matched on the CVR")
            #expect(stored.foreignKey != nil && stored.foreignKey != 88001)
            #expect(try harness.localID(.customer, "88001") != local, "e-conomic's own customer is imported beside it")
        }
    }

    @Test("a customer recorded with the CVR of one synced before (untouched since): blocked naming both, never duplicated in e-conomic")
    func cvrOfSyncedCustomer() async throws {
        try await ReconcileScenarioTests.synced { harness in
            let existing = try #require(harness.emulator.records(kind: "customer").first {
                guard let cvr = $0.data["corporateIdentificationNumber"]?.stringValue else { return false }
                return cvr.count == 8 && harness.emulator.records(kind: "customer").filter { $0.data["corporateIdentificationNumber"]?.stringValue == cvr }.count == 1
            })
            let cvr = try #require(existing.data["corporateIdentificationNumber"]?.stringValue)
            let synced = try harness.localID(.customer, existing.key.description)
            let local = try harness.replica.write { writer in
                try writer.setSetting("customers.defaultGroup", "1")
                try writer.setSetting("customers.paymentTerms", "1")
                return try writer.create(Customer(name: "Dublet ApS", cvr: cvr)).id!
            }
            let before = harness.emulator.records(kind: "customer").count
            let (plan, report) = try await harness.reconcile()
            #expect(report.pushFailures.isEmpty, "\(report.pushFailures)")
            let op = try #require(plan.operations.first { $0.key == "local:\(local)" })
            #expect(op.action == .block, "\(op)")
            #expect(op.reason.contains("of e-conomic customer \(existing.key)") && op.reason.contains("which replica customer \(existing.key) already is")
                    && op.reason.contains("never duplicated"), "\(op.reason)")
            #expect(harness.emulator.records(kind: "customer").count == before)
            #expect(try harness.replica.fetch(Customer.self, id: local)?.foreignKey == nil && synced != local)
        }
    }

    @Test("customers.syncGroups false: groups are not imported, and customers of a group the replica lacks still are")
    func noGroups() async throws {
        try await ReconcileScenarioTests.synced { harness in
            try harness.replica.write { try $0.setSetting("customers.syncGroups", "false") }
            let template = try #require(harness.emulator.records(kind: "customer").first)
            harness.emulator.edit(kind: "customerGroup", key: .int(77)) { $0 = ["customerGroupNumber": .int(77), "name": .string("Storkunder")] }
            var data = template.data
            data["customerNumber"] = .int(77001)
            data["name"] = .string("Ny storkunde A/S")
            data["customerGroup"] = .object(["customerGroupNumber": .int(77)])
            harness.emulator.edit(kind: "customer", key: .int(77001)) { $0 = data }
            let (plan, report) = try await harness.reconcile()
            #expect(report.pullFailures.isEmpty, "\(report.pullFailures)")
            let skip = try #require(plan.operations.first { $0.kind == .customerGroup && $0.key == "77" })
            #expect(skip.action == .skip && skip.reason == "customer groups are not imported (customers.syncGroups)")
            #expect(try harness.replica.rowIDs(.customerGroup, foreignKeys: ["77"]).isEmpty, "not imported")
            let customer = try #require(try harness.replica.fetch(Customer.self, id: try harness.localID(.customer, "77001")))
            #expect(customer.name == "Ny storkunde A/S" && customer.customerGroupId == nil)
        }
    }
}
