import Foundation
import Snapshot
import Testing

/// `econsync reconcile` and `econsync snapshot` in Danish: the plan's
/// counts by module as the office reads them, what was applied (hentet fra,
/// sendt til e-conomic), the snapshots (øjebliksbilleder) and their records
/// (poster); numbers and files as scripts read them; `--json` the same in both.
extension DanishCommandTests {
    @Test("reconcile in Danish: the plan by module (Varer: 8 oprettes i e-conomic, 3 opdateres i e-conomic), applied (27 sendt til e-conomic, 0 fejlede), nothing to do, a plan written, nothing to resume; English as before")
    func reconcile() async throws {
        try await ConnectedCLI.with { connected in
            try await ReconcileCommandTests.fieldWork(connected)
            connected.cli.environment["LANG"] = "da_DK.UTF-8"
            let dry = try await connected.expect(["reconcile", "--dry-run"])
            #expect(dry.hasPrefix("plan: ") && dry.contains(" handlinger\n"), "\(dry)")
            #expect(dry.contains("\n  Varer: 8 oprettes i e-conomic, 3 opdateres i e-conomic") && dry.contains("\n  Projektregistreringer: 14 oprettes i e-conomic"), "\(dry)")
            #expect(!dry.contains("create") && !dry.contains("udført"), "\(dry)")
            let verbose = try await connected.expect(["reconcile", "--dry-run", "-v"])
            let created = verbose.split(separator: "\n").filter { $0.hasPrefix("  vare ") && $0.contains(" oprettes i e-conomic: ny i Mobilplan") }
            #expect(created.count == 8, "each operation a line in Danish: \(verbose)")
            #expect(!verbose.contains("  create ") && !verbose.contains("new in the replica"), "\(verbose)")
            let english = try await connected.expect(["reconcile", "--dry-run", "--lang", "en"])
            #expect(english.contains("products: create 8, update 3") && english.contains("projectEntries: create 14"), "\(english)")

            let plan = connected.cli.outside.appendingPathComponent("plan.json").path
            let written = try await connected.expect(["reconcile", "--plan-out", plan])
            #expect(written.hasSuffix("planen er skrevet til \(plan); udfør den med `econsync reconcile --apply \(plan)`\n"), "\(written)")
            let applied = try await connected.expect(["reconcile", "--apply", plan])
            let line = try #require(applied.split(separator: "\n").first { $0.hasPrefix("udført: ") }, "\(applied)")
            #expect(line.hasSuffix(" hentet fra e-conomic, 27 sendt til e-conomic, 0 fejlede"), "\(applied)")

            let again = try await connected.expect(["reconcile", "--force"])
            #expect(again.hasPrefix("plan: intet at gøre") && again.contains("udført: 0 hentet fra e-conomic, 0 sendt til e-conomic, 0 fejlede"), "\(again)")
            let resume = try await connected.expect(["reconcile", "--resume"])
            #expect(resume == "intet at genoptage: ingen afstemning af aftale 1118081 blev afbrudt\n", "\(resume)")
            let json = try await Self.sameJSON(connected, ["reconcile", "--dry-run"])
            #expect(json.contains("\"inputsHash\""), "\(json)")
        }
    }

    @Test("snapshot in Danish: take (gemt …: N poster; API-kald), list (FIL, POSTER, AFTALE), verify, show (aftale, øjebliksbillede, NØGLE), stats, diff (ingen forskelle), prune (intet at rydde op); --json the same in both")
    func snapshots() async throws {
        try await ConnectedCLI.with { connected in
            connected.cli.environment["LANG"] = "da_DK.UTF-8"
            let taken = try await connected.expect(["snapshot", "take", "--kind", "customer", "--kind", "unit"])
            let customers = connected.emulator.records(kind: "customer").count, units = connected.emulator.records(kind: "unit").count
            #expect(taken.hasPrefix("gemt snapshots/") && taken.contains(": \(customers + units) poster; ") && taken.contains(" API-kald (af e-conomics ")
                    && taken.contains(" om dagen), ") && taken.hasSuffix(" bytes modtaget\n"), "\(taken)")

            let list = try await connected.expect(["snapshot", "list"])
            #expect(list.hasPrefix("FIL ") && list.contains("  TYPE  ") && list.contains("POSTER") && list.contains("BRUGES AF"), "\(list)")
            let verified = try await connected.expect(["snapshot", "verify", "@latest"])
            #expect(verified.contains(": ok, \(customers + units) poster, sha256 "), "\(verified)")
            let broken = connected.cli.outside.appendingPathComponent("broken.ndjson.gz")
            try Data("ikke gzip".utf8).write(to: broken)
            let refused = try await connected.run(["snapshot", "verify", broken.path])
            #expect(refused.status == 1 && refused.stderr.hasPrefix("fejl: "), "\(refused.stderr)")

            let shown = try await connected.expect(["snapshot", "show", "@latest", "--kind", "customer", "--key", "1001"])
            #expect(shown.hasPrefix("@latest: aftale 1118081, øjebliksbillede (full) taget ") && shown.contains("\ncustomer: 1 post\nNØGLE  NAVN"), "\(shown)")
            let none = try await connected.run(["snapshot", "show", "@latest", "--kind", "customer", "--key", "999999"])
            #expect(none.status == 0 && none.stderr.contains("ingen post passer"), "\(none.stderr)")
            let stats = try await connected.expect(["snapshot", "stats", "@latest"])
            #expect(stats.contains("\nART ") && stats.contains("\(customers + units) poster, ") && stats.contains(" bytes poster i "), "\(stats)")
            let diff = try await connected.expect(["snapshot", "diff", "@latest", "@latest"])
            #expect(diff.hasPrefix("ingen forskelle\nART ") && diff.contains("TILFØJET") && diff.contains("UÆNDRET"), "\(diff)")
            #expect(try await connected.expect(["snapshot", "prune", "--keep", "1000"]) == "intet at rydde op\n")
            let english = try await connected.expect(["snapshot", "verify", "@latest", "--lang", "en"])
            #expect(english.contains(": ok, \(customers + units) records, sha256 "), "\(english)")

            for arguments in [["snapshot", "list"], ["snapshot", "verify", "@latest"], ["snapshot", "stats", "@latest"],
                              ["snapshot", "show", "@latest", "--kind", "customer", "--key", "1001"], ["snapshot", "diff", "@latest", "@latest"]] {
                try await Self.sameJSON(connected, arguments)
            }
        }
    }
}
