import ArgumentParser
import Foundation
import Snapshot

extension Bench {
    /// `econsync bench snapshot`: snapshot write, read+verify and diff against gzip on the same bytes.
    struct SnapshotBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "snapshot",
            abstract: "Write, read+verify and diff N-record snapshots, side by side with gzip on the same NDJSON bytes.",
            discussion: """
                Goals (release build): read+verify at most 1.5× `gzip -dc`; diff of two snapshots (1% of records \
                changed) at most 2.5× `gzip -dc` of both; peak RSS under 64 MB at any N.
                """)

        @OptionGroup var output: OutputOptions
        @Option(help: "Records per snapshot.") var records = 1_000_000
        @Option(help: "Share of records changed in the second snapshot, in percent.") var changed = 1.0
        @Option(help: "gzip level for our writer and for `gzip -c`.") var level = GzipWriter.defaultLevel

        struct Result: Encodable {
            var records: Int
            var ndjsonBytes: Int64
            var snapshotBytes: Int64
            var gzipBytes: Int64
            var generateSeconds: Double
            var writeSeconds: Double
            var gzipSeconds: Double
            var readSeconds: Double
            var gunzipSeconds: Double
            var diffSeconds: Double
            var gunzipBothSeconds: Double
            var changedRecords: Int
            var peakRSSMegabytes: Double
            var readRatio = 0.0
            var diffRatio = 0.0
            var writeRatio = 0.0
            var goalsMet = false

            /// Fills in the ratios and the verdict.
            mutating func judge() {
                readRatio = readSeconds / gunzipSeconds
                diffRatio = diffSeconds / gunzipBothSeconds
                writeRatio = writeSeconds / gzipSeconds
                goalsMet = readRatio <= 1.5 && diffRatio <= 2.5 && peakRSSMegabytes < 64
            }
        }

        func validate() throws {
            if records < 1 { throw ValidationError("--records must be 1 or more") }
            if !(0...100).contains(changed) { throw ValidationError("--changed is a percentage from 0 to 100") }
            if !(0...9).contains(level) { throw ValidationError("--level runs from 0 to 9") }
        }

        func run() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("econsync-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
            let agreement = DemoAgreement(size: .records(records))

            let generate = try Measure.seconds { try agreement.generate { _ in } }
            let write = try Measure.seconds { try agreement.write(to: path("a.ndjson.gz"), level: level) }
            try Measure.shell("zcat '\(path("a.ndjson.gz"))' > '\(path("a.ndjson"))'")
            let gzip = try Measure.seconds { try Measure.shell("gzip -\(level) -c '\(path("a.ndjson"))' > '\(path("gzip.gz"))'") }
            let read = try Measure.seconds {
                let reader = try SnapshotReader(path: path("a.ndjson.gz"))
                while try reader.next() != nil {}
            }
            let gunzip = try Measure.seconds { try Measure.shell("gzip -dc '\(path("a.ndjson.gz"))' > /dev/null") }
            let changedRecords = try makeChanged(from: path("a.ndjson.gz"), to: path("b.ndjson.gz"))
            var summary = SnapshotDiff.Summary()
            let diff = try Measure.seconds { summary = try SnapshotDiff.compare(path("a.ndjson.gz"), path("b.ndjson.gz")) }
            guard summary.changed.values.reduce(0, +) == changedRecords else {
                throw CommandFailure("the diff found \(summary.changed.values.reduce(0, +)) changed records, not \(changedRecords)")
            }
            let gunzipBoth = try Measure.seconds {
                try Measure.shell("gzip -dc '\(path("a.ndjson.gz"))' > /dev/null; gzip -dc '\(path("b.ndjson.gz"))' > /dev/null")
            }
            var result = Result(
                records: records, ndjsonBytes: Measure.size(path("a.ndjson")), snapshotBytes: Measure.size(path("a.ndjson.gz")),
                gzipBytes: Measure.size(path("gzip.gz")), generateSeconds: generate, writeSeconds: write, gzipSeconds: gzip,
                readSeconds: read, gunzipSeconds: gunzip, diffSeconds: diff, gunzipBothSeconds: gunzipBoth,
                changedRecords: changedRecords, peakRSSMegabytes: Measure.peakRSSMegabytes())
            result.judge()
            if output.json { return try Output.json(result) }
            report(result)
        }

        /// Copies snapshot `a` to `b` with `changed` percent of records edited (a field set to a new value).
        func makeChanged(from a: String, to b: String) throws -> Int {
            let reader = try SnapshotReader(path: a)
            let writer = try SnapshotWriter(path: b, header: reader.header, level: level)
            let every = changed > 0 ? max(1, Int((100 / changed).rounded())) : Int.max
            var index = 0
            var edited = 0
            while let line = try reader.next() {
                if index % every == every / 2 {
                    var record = try line.record()
                    record.data["benchmarkEdit"] = .int(Int64(index))
                    try writer.append(record)
                    edited += 1
                } else {
                    try writer.append(line)
                }
                index += 1
            }
            try writer.finish()
            return edited
        }

        func report(_ r: Result) {
            func mb(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
            func s(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
            print("\(r.records) records: \(mb(r.ndjsonBytes)) of NDJSON; snapshot \(mb(r.snapshotBytes)), gzip -\(level) \(mb(r.gzipBytes))")
            Output.table(["STEP", "ECONSYNC S", "GZIP S", "RATIO", "GOAL"], [
                ["write (generate + write)", s(r.writeSeconds), s(r.gzipSeconds), String(format: "%.2f", r.writeRatio), ""],
                ["  of which generating records", s(r.generateSeconds), "", "", ""],
                ["read + verify", s(r.readSeconds), s(r.gunzipSeconds), String(format: "%.2f", r.readRatio), "<= 1.5"],
                ["diff (\(r.changedRecords) changed)", s(r.diffSeconds), s(r.gunzipBothSeconds), String(format: "%.2f", r.diffRatio), "<= 2.5"],
            ], rightAligned: [1, 2, 3])
            print(String(format: "peak RSS: %.1f MB (goal < 64 MB)", r.peakRSSMegabytes))
            print("goals: \(r.goalsMet ? "met" : "NOT met")")
        }
    }
}
