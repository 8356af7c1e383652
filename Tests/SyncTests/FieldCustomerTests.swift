import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import Testing
import Vocabulary

/// Customers created in the field (brief, module 3, "primarily import"):
/// created in e-conomic with the wizard's debtor group and payment terms, their
/// number written back; e-conomic's values win every field after that.
@Suite("Customers created in the field")
struct FieldCustomerTests {
    @Test("a new customer and a project for it reach e-conomic together, with the default group and terms; nothing is sent twice")
    func createdWithDefaults() async throws {
        try await ReconcileScenarioTests.synced { harness in
            try await Self.check(harness)
        }
    }

    static func check(_ harness: ReconcileHarness) async throws {
        let projectGroup = try #require(harness.emulator.records(kind: "project").first?.data["projectGroupNumber"]?.intValue)
        let (customer, project) = try harness.replica.write { writer in
            let customer = try writer.create(Customer(name: "Nyt Byggefirma ApS", address: "Havnegade 3", zip: "8000", city: "Aarhus"))
            let project = try writer.create(Project(number: 7201, name: "Kontor, Havnegade 3", customerId: customer.id!, projectGroup: Int(projectGroup)))
            return (customer.id!, project.id!)
        }
        // Without the wizard's step 3 defaults the create waits, saying which setting gives them.
        let (blocked, _) = try await harness.reconcile()
        let wait = try #require(blocked.operations.first { $0.key == "local:\(customer)" })
        #expect(wait.action == .block && wait.reason.contains("customers.defaultGroup"), "\(wait.reason)")

        let groups = harness.emulator.records(kind: "customerGroup").map(\.key)
        let terms = harness.emulator.records(kind: "paymentTerm").map(\.key)
        guard case .int(let group)? = groups.first, case .int(let term)? = terms.first else {
            Issue.record("the demo agreement has customer groups and payment terms")
            return
        }
        try harness.replica.write { writer in
            try writer.setSetting("customers.defaultGroup", String(group))
            try writer.setSetting("customers.paymentTerms", String(term))
        }
        let before = harness.emulator.records(kind: "customer").count
        let (plan, report) = try await harness.reconcile()
        let creates = plan.operations.filter { $0.action == .create }.map { "\($0.kind) \($0.key)" }
        #expect(creates == ["customer local:\(customer)", "project local:\(project)"], "the customer first, then its project: \(creates)")
        #expect(report.pushFailures.isEmpty, "\(report.pushFailures)")
        let created = try #require(try harness.replica.fetch(Customer.self, id: customer))
        let number = try #require(created.foreignKey)
        let remote = try #require(harness.emulator.records(kind: "customer").first { $0.key == .int(Int64(number)) })
        #expect(harness.emulator.records(kind: "customer").count == before + 1)
        #expect(remote.data["name"] == .string("Nyt Byggefirma ApS") && remote.data["currency"] == .string("DKK"))
        #expect(remote.data["customerGroup"]?["customerGroupNumber"] == .int(group) && remote.data["vatZone"]?["vatZoneNumber"] == .int(1))
        #expect(created.customerGroupId != nil && created.paymentTermId != nil, "the defaults e-conomic got are the replica's too")
        let projectInEconomic = harness.emulator.records(kind: "project").first { $0.key == .int(7201) }
        #expect(projectInEconomic?.data["customerNumber"] == .int(Int64(number)))
        let again = try await harness.reconcile().0.operations.filter { $0.action != .skip }
        #expect(again.isEmpty, "\(again.map { "\($0.action) \($0.kind) \($0.key)" })")
        #expect(harness.emulator.records(kind: "customer").count == before + 1, "nothing sent twice")
    }
}
