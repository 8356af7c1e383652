import EconomicEmulator
import Foundation
import Snapshot
import TestSupport
import Testing

/// The brief's tip, "test with one project before activating automatic
/// sync", end to end through the real binary against the emulator.
@Suite("Trial run on one project: sync --project, reconcile --project")
struct TrialRunCommandTests {
    static let approved = OrderExportCommandTests.approved

    /// Field work on two new projects: the trial's (its new customer, a new product, hours, materials) and another.
    static func fieldWork(_ connected: ConnectedCLI) async throws {
        try await connected.importLines([
            #"{"kind":"customer","ref":"ny","data":{"name":"Prøvekunde ApS","currency":"DKK"}}"#,
            #"{"kind":"product","ref":"kr","data":{"number":"KR-22","name":"Kobberrør 22 mm","salesPrice":64.5,"unit":"e:1","productGroup":"e:3"}}"#,
            #"{"kind":"project","ref":"p","data":{"name":"Carport, Vejlevej 3","customer":"@ny"}}"#,
            #"{"kind":"timeEntry","data":{"employee":"e:3","project":"@p","hourType":"e:1","date":"2026-11-27","hours":3.75,\#(approved)}}"#,
            #"{"kind":"material","data":{"product":"@kr","project":"@p","date":"2026-11-27","quantity":12,\#(approved)}}"#,
            #"{"kind":"material","data":{"product":"n:10002","project":"@p","date":"2026-11-27","quantity":3,\#(approved)}}"#,
            #"{"kind":"project","ref":"q","data":{"name":"Andet projekt","customer":"e:1001"}}"#,
            #"{"kind":"timeEntry","data":{"employee":"e:3","project":"@q","hourType":"e:1","date":"2026-11-27","hours":2.25,\#(approved)}}"#,
        ])
        for (key, value) in [("customers.defaultGroup", "1"), ("customers.paymentTerms", "1"), ("projects.projectGroup", "1")] {
            try await connected.expect(["config", "set", key, value])
        }
    }

    static func hours(_ emulator: EconomicEmulator, _ hours: Double) -> Int {
        emulator.records(kind: "timeEntry").count { $0.data["numberOfHours"]?.doubleValue == hours }
    }

    @Test("sync --project sends the project, its new customer, its hours and its new product, and nothing else; the next sync over everything sends the rest and pulls e-conomic's other changes, nothing twice")
    func trialThenEverything() async throws {
        try await ConnectedCLI.with { connected in
            try await Self.fieldWork(connected)
            let emulator = connected.emulator
            // e-conomic changes a product the trial's materials use, one they do not, and another project's customer.
            emulator.edit(kind: "product", key: .string("10002")) { $0?["name"] = .string("Brugt vare, ændret") }
            emulator.edit(kind: "product", key: .string("10003")) { $0?["name"] = .string("Ubrugt vare, ændret") }
            emulator.edit(kind: "customer", key: .int(1001)) { $0?["name"] = .string("Ændret kunde") }
            // A local edit of a customer out of scope: customers are e-conomic's, so the next run over them undoes it.
            try await connected.expect(["local", "customer", "edit", "e:1002", "--city", "Lokalby"])

            let trial = try await connected.run(["sync", "--project", "Carport, Vejlevej 3", "--force"])
            #expect(trial.status == 0, "\(trial.stdout)\(trial.stderr)")
            #expect(trial.stdout.contains("trial run on project local:") && trial.stdout.contains("(Carport, Vejlevej 3): nothing else is synced"),
                    "\(trial.stdout)")
            #expect(trial.stdout.contains("projects: done (forced):") && trial.stdout.contains("projectEntries: done (forced):"), "\(trial.stdout)")
            #expect(emulator.records(kind: "project").contains { $0.data["name"]?.stringValue == "Carport, Vejlevej 3" })
            #expect(!emulator.records(kind: "project").contains { $0.data["name"]?.stringValue == "Andet projekt" })
            #expect(emulator.records(kind: "customer").contains { $0.data["name"]?.stringValue == "Prøvekunde ApS" })
            #expect(emulator.records(kind: "product").contains { $0.key == .string("KR-22") })
            #expect(Self.hours(emulator, 3.75) == 1 && Self.hours(emulator, 2.25) == 0)
            let products = try await connected.expect(["local", "product", "list", "--wide"])
            #expect(products.contains("Brugt vare, ændret") && !products.contains("Ubrugt vare, ændret"), "\(products)")
            #expect(!(try await connected.expect(["local", "customer", "list"])).contains("Ændret kunde"))

            // What the trial left is exactly what a run over everything still has to do.
            let plan = try await connected.expect(["reconcile", "--dry-run", "--verbose"])
            #expect(plan.contains("pull-update product 10003") && plan.contains("pull-update customer 1001"), "\(plan)")
            #expect(plan.contains("create project local:") && plan.contains("create timeEntry local:"), "\(plan)")
            #expect(!plan.contains("product 10002") && !plan.contains("KR-22") && !plan.contains("Prøvekunde"), "the trial's records are settled: \(plan)")
            #expect(plan.split(separator: "\n").count { $0.contains("create project") } == 1, "\(plan)")

            let everything = try await connected.run(["sync", "--force"])
            #expect(everything.status == 0, "\(everything.stdout)\(everything.stderr)")
            #expect(Self.hours(emulator, 3.75) == 1 && Self.hours(emulator, 2.25) == 1, "nothing sent twice")
            #expect(emulator.records(kind: "project").count { $0.data["name"]?.stringValue == "Carport, Vejlevej 3" } == 1)
            #expect(emulator.records(kind: "customer").count { $0.data["name"]?.stringValue == "Prøvekunde ApS" } == 1)
            #expect(try await connected.expect(["local", "product", "list", "--wide"]).contains("Ubrugt vare, ændret"))
            let customers = try await connected.expect(["local", "customer", "list", "--wide"])
            #expect(customers.contains("Ændret kunde") && !customers.contains("Lokalby"), "\(customers)")
            let after = try await connected.expect(["reconcile", "--dry-run"])
            #expect(after.contains("plan: nothing to do"), "\(after)")
        }
    }

    @Test("reconcile --project: the dry run plans only the project's records; the run leaves the day's full compare due; a wrong argument is refused")
    func reconcileProject() async throws {
        try await ConnectedCLI.with { connected in
            try await Self.fieldWork(connected)
            let dryRun = try await connected.expect(["reconcile", "--project", "Andet projekt", "--dry-run", "--verbose"])
            #expect(dryRun.contains("trial run on project local:") && dryRun.contains("(Andet projekt)"), "\(dryRun)")
            #expect(dryRun.contains("create project local:") && dryRun.contains("create timeEntry local:"), "\(dryRun)")
            #expect(!dryRun.contains("KR-22") && !dryRun.contains("Prøvekunde") && !dryRun.contains("Carport"), "\(dryRun)")
            // A day on: the daily full compare is due; a trial run must not take its place.
            connected.cli.environment["ECONSYNC_NOW"] = "2026-11-03T09:00:00Z"
            let json = try CanonicalJSON.parse(try await connected.expect(["reconcile", "--project", "Andet projekt", "--json"]))
            #expect(json["applied"]?["pushed"]?.intValue == 2, "\(json)")
            #expect(Self.hours(connected.emulator, 2.25) == 1 && Self.hours(connected.emulator, 3.75) == 0)
            let next = try await connected.expect(["sync", "projects", "--force"])
            #expect(next.contains("projects: done (forced) (full):"), "the day's full compare is still due after the trial: \(next)")

            let refused = try await connected.run(["reconcile", "--project", "Andet projekt", "--module", "projects"])
            #expect(refused.status == 2 && refused.stderr.contains("--project does not go with"), "\(refused.stderr)")
            let unknown = try await connected.run(["sync", "--project", "Ingen sådan"])
            #expect(unknown.status != 0 && unknown.stderr.contains("Ingen sådan"), "\(unknown.stderr)")
        }
    }
}
