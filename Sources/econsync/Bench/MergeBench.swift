import ArgumentParser
import Foundation
import Workbench

extension Bench {
    /// `econsync bench merge`: the base a module run leaves, against recompressing the same bytes with gzip.
    struct MergeBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: Speech.say(
                "Flet en modulkørsels øjebliksbillede ind i et grundlag med N poster (som hver modulkørsel gør), ved siden af gzip -dc | gzip -3.",
                "Merge a module run's snapshot into an N-record base (as every module run does), beside gzip -dc | gzip -3."),
            discussion: Examples.text("econsync bench merge", "econsync bench merge --records 100000", after: Speech.say("""
                Grundlaget har alle typer; modulets øjebliksbillede har varerne (modulet products). Fletningen læser \
                begge og skriver det nye grundlag med dets nøgleindeks; bunden er at dekomprimere grundlaget og komprimere \
                det igen, målt i samme kørsel. Mål (release-build): højst 2× bunden, højeste RSS under 64 MB.
                """, """
                The base holds every kind; the module snapshot holds the products (the products module). The merge reads \
                both and writes the new base with its key index; its floor is decompressing the base and compressing it \
                again, measured in the same run. Goals (release build): at most 2× the floor, peak RSS under 64 MB.
                """)))

        @OptionGroup(visibility: .hidden) var quiet: QuietOption
        @OptionGroup var output: OutputOptions
        @Option(help: .say("Poster i grundlaget.", "Records in the base.")) var records = 1_000_000

        func validate() throws {
            if records < 1 { throw ValidationError("--records must be 1 or more") }
        }

        func run() throws {
            let result = try MergeBenchmark(records: records).run()
            if output.json { return try Output.json(result) }
            print("\(result.records) records in the base, \(result.productRecords) products in the module snapshot")
            Output.table(["STEP", "SECONDS", "RATIO", "GOAL"], [
                ["merge into a new base (+ key index)", String(format: "%.3f", result.mergeSeconds), String(format: "%.2f", result.ratio), "<= 2x"],
                ["gzip -dc | gzip -3 of the base", String(format: "%.3f", result.floorSeconds), "", ""],
            ], rightAligned: [1, 2], fit: nil)
            print(String(format: "peak RSS: %.1f MB (goal < 64 MB)", result.peakRSSMegabytes))
            print("goals: \(result.goalsMet ? "met" : "NOT met")")
        }
    }
}
