import ArgumentParser
import Foundation
import Snapshot
import Workbench

extension Bench {
    /// `econsync bench snapshot`: snapshot write, read+verify and diff against gzip on the same bytes.
    struct SnapshotBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "snapshot",
            abstract: Speech.say(
                "Skriv, læs+kontrollér og sammenlign øjebliksbilleder med N poster, side om side med gzip på de samme NDJSON-bytes.",
                "Write, read+verify and diff N-record snapshots, side by side with gzip on the same NDJSON bytes."),
            discussion: Examples.text("econsync bench snapshot", "econsync bench snapshot --records 100000 --changed 1", after: Speech.say("""
                Mål (release-build): læs+kontrollér højst 1,5× `gzip -dc`; sammenligning af to øjebliksbilleder (1 % af \
                posterne ændret) højst 2,5× `gzip -dc` af begge; højeste RSS under 64 MB ved ethvert N.
                """, """
                Goals (release build): read+verify at most 1.5× `gzip -dc`; diff of two snapshots (1% of records \
                changed) at most 2.5× `gzip -dc` of both; peak RSS under 64 MB at any N.
                """)))

        @OptionGroup(visibility: .hidden) var quiet: QuietOption
        @OptionGroup var output: OutputOptions
        @Option(help: .say("Poster pr. øjebliksbillede.", "Records per snapshot.")) var records = 1_000_000
        @Option(help: .say(
            "Andel af posterne, der er ændret i det andet øjebliksbillede, i procent.",
            "Share of records changed in the second snapshot, in percent.")) var changed = 1.0
        @Option(help: .say(
            "gzip-niveau for vores skriver og for `gzip -c`.",
            "gzip level for our writer and for `gzip -c`.")) var level = GzipWriter.defaultLevel

        func validate() throws {
            if records < 1 { throw ValidationError("--records must be 1 or more") }
            if !(0...100).contains(changed) { throw ValidationError("--changed is a percentage from 0 to 100") }
            if !(0...9).contains(level) { throw ValidationError("--level runs from 0 to 9") }
        }

        func run() throws {
            let result = try SnapshotBenchmark(records: records, changed: changed, level: level).run()
            if output.json { return try Output.json(result) }
            report(result)
        }

        func report(_ r: SnapshotBenchmark.Result) {
            func mb(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
            func s(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
            print("\(r.records) records: \(mb(r.ndjsonBytes)) of NDJSON; snapshot \(mb(r.snapshotBytes)), gzip -\(level) \(mb(r.gzipBytes))")
            Output.table(["STEP", "ECONSYNC S", "GZIP S", "RATIO", "GOAL"], [
                ["write (generate + write)", s(r.writeSeconds), s(r.gzipSeconds), String(format: "%.2f", r.writeRatio), ""],
                ["  of which generating records", s(r.generateSeconds), "", "", ""],
                ["read + verify", s(r.readSeconds), s(r.gunzipSeconds), String(format: "%.2f", r.readRatio), "<= 1.5"],
                ["diff (\(r.changedRecords) changed)", s(r.diffSeconds), s(r.gunzipBothSeconds), String(format: "%.2f", r.diffRatio), "<= 2.5"],
            ], rightAligned: [1, 2, 3], fit: nil)
            print(String(format: "peak RSS: %.1f MB (goal < 64 MB)", r.peakRSSMegabytes))
            print("goals: \(r.goalsMet ? "met" : "NOT met")")
        }
    }
}
