import ArgumentParser
import Foundation
import Workbench

extension Bench {
    /// `econsync bench replica`: the cost of change tracking on inserts.
    struct ReplicaBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replica",
            abstract: Speech.say(
                "Indsæt timeregistreringer med ændringssporing og i en identisk tabel uden sporing; sammenlign.",
                "Insert time entries with change tracking and into an identical untracked table; compare."),
            discussion: Examples.text("econsync bench replica", "econsync bench replica --rows 100000 --batch 500", after: Speech.say("""
                Begge replikaer ligger i en midlertidig mappe og får de samme rækker i de samme portioner, \
                skiftevis portion for portion, så støj fra maskinen rammer begge ens. Mål (release-build): \
                mindst 200.000 sporede rækker/s og et forhold mellem sporet og usporet på mindst 0,7.
                """, """
                Both replicas live in a temporary directory and get the same rows in the same batches, \
                alternating batch by batch so machine noise hits both alike. Goal (release build): \
                at least 200,000 tracked rows/s and a tracked/untracked ratio of at least 0.7.
                """)))

        @OptionGroup(visibility: .hidden) var quiet: QuietOption
        @OptionGroup var output: OutputOptions
        @Option(help: .say("Timeregistreringer, der indsættes i hver replika.", "Time entries to insert into each replica.")) var rows = 1_000_000
        @Option(help: .say(
            "Rækker pr. transaktion (en afstemning skriver sine hentninger i én).",
            "Rows per transaction (a reconcile writes its pulls in one).")) var batch = 100_000
        @Option(help: .say(
            "Rækker, der også indsættes gennem det validerende API til feltoperationer (0 springer over).",
            "Rows to insert through the validating field-operation API as well (0 to skip).")) var validated = 20_000

        func validate() throws {
            if rows < 1 || batch < 1 || validated < 0 { throw ValidationError("--rows and --batch must be 1 or more, --validated 0 or more") }
        }

        func run() throws {
            let result = try ReplicaBenchmark(rows: rows, batch: batch, validated: validated).run()
            if output.json { return try Output.json(result) }
            print("inserted \(rows) time entries into each replica, \(batch) per transaction")
            Output.table(["TABLE", "SECONDS", "ROWS/S"], [
                ["tracked (triggers + change log)", String(format: "%.3f", result.trackedSeconds), String(format: "%.0f", result.trackedRowsPerSecond)],
                ["untracked (same table, no triggers)", String(format: "%.3f", result.untrackedSeconds),
                 String(format: "%.0f", result.untrackedRowsPerSecond)],
            ] + (result.validatedRowsPerSecond.map { [["tracked + validated (field API, \(validated) rows)", "", String(format: "%.0f", $0)]] } ?? []),
                         rightAligned: [1, 2], fit: nil)
            print(String(format: "ratio tracked/untracked: %.3f", result.ratio))
            print("goal (>= 200000 tracked rows/s, ratio >= 0.7): \(result.goalMet ? "met" : "NOT met")")
        }
    }
}
