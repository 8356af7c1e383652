import ArgumentParser
import Foundation
import Workbench

extension Bench {
    /// `econsync bench reconcile`: plan computation from compressed snapshots and a replica.
    struct ReconcileBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reconcile",
            abstract: Speech.say(
                "Beregn en afstemningsplan over N varer (grundlag og nyt øjebliksbillede, replika), ved siden af gzip -dc og sqldiff.",
                "Compute a reconcile plan over N products (base and new snapshot, replica), beside gzip -dc and sqldiff."),
            discussion: Examples.text("econsync bench reconcile", "econsync bench reconcile --records 100000 --changed 1", after: Speech.say("""
                Replikaen og grundlagets øjebliksbillede er enige om N varer; derefter ændrer e-conomic halvdelen af den \
                ændrede andel (priser) og replikaen den anden halvdel (navne). Målt i én kørsel: planen (trinvis, styret af \
                ændringsloggen, beregnet i sin egen proces, så dens tid og højeste RSS er dens egne), `gzip -dc` af begge \
                øjebliksbilleder (bunden), `sqldiff` på to SQLite-filer med de samme rækker (apt-get install sqlite3-tools) \
                og en plan helt uden ændringer. Mål (release-build): højst 3× gzip-bunden, hurtigere end sqldiff, højeste \
                RSS under 100 MB, planen uden ændringer mindst 5× hurtigere.
                """, """
                The replica and the base snapshot agree on N products; then e-conomic changes half of the changed \
                share (prices) and the replica the other half (names). Measured in one run: the plan (incremental, \
                change-log driven, computed in a process of its own so its time and peak RSS are its alone), `gzip -dc` of both snapshots (the floor), `sqldiff` on two SQLite files holding \
                the same rows (apt-get install sqlite3-tools), and a plan with no changes at all. Goals (release \
                build): at most 3× the gzip floor, faster than sqldiff, peak RSS under 100 MB, no-change plan at \
                least 5× faster.
                """)))

        @OptionGroup(visibility: .hidden) var quiet: QuietOption
        @OptionGroup var output: OutputOptions
        @Option(help: .say("Varer i replikaen og i hvert øjebliksbillede.", "Products in the replica and in each snapshot.")) var records = 1_000_000
        @Option(help: .say(
            "Andel af posterne, der ændres, i procent (halvdelen i e-conomic, halvdelen i replikaen); `1%` eller `1`.",
            "Share of records changed, in percent (half in e-conomic, half in the replica); `1%` or `1`."))
        var changed = "1%"

        var share: Double? { Double(changed.hasSuffix("%") ? String(changed.dropLast()) : changed) }

        func validate() throws {
            if records < 2 { throw ValidationError("--records must be 2 or more") }
            guard let share, (0...100).contains(share) else { throw ValidationError("--changed is a percentage from 0 to 100, such as 1%") }
        }

        func run() throws {
            let result = try ReconcileBenchmark(records: records, share: share!).run(planner: PlanBench.inChildProcess)
            if output.json { return try Output.json(result) }
            report(result)
        }

        func report(_ r: ReconcileBenchmark.Result) {
            func s(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
            print("\(r.records) products; changed: \(r.changedRemote) in e-conomic, \(r.changedLocal) in the replica (setup \(s(r.setupSeconds)) s)")
            Output.table(["STEP", "SECONDS", "RATIO", "GOAL"], [
                ["plan (incremental)", s(r.planSeconds), "", ""],
                ["gzip -dc of both snapshots", s(r.gunzipSeconds), String(format: "%.2f", r.gzipRatio), "plan <= 3x"],
                ["sqldiff of the same rows", r.sqldiffSeconds.map(s) ?? "not installed", r.sqldiffRatio.map { String(format: "%.2f", $0) } ?? "",
                 "plan < 1x"],
                ["plan with no changes", s(r.noChangeSeconds), String(format: "%.0fx faster", r.noChangeSpeedup), ">= 5x"],
            ], rightAligned: [1, 2], fit: nil)
            print("operations: " + r.operations.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print(String(format: "peak RSS: %.1f MB (goal < 100 MB)", r.peakRSSMegabytes))
            if r.sqldiffSeconds == nil { print("sqldiff is missing: apt-get install sqlite3-tools") }
            print("goals: \(r.goalsMet ? "met" : "NOT met")")
        }
    }
}
