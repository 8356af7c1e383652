import Foundation
import Snapshot

/// Snapshot write, read+verify and diff (`econsync bench snapshot`), side by
/// side with gzip on the same NDJSON bytes: N records of the demo agreement,
/// then a copy with a share of them changed.
///
/// ```swift
/// let result = try SnapshotBenchmark(records: 100_000, changed: 1, level: GzipWriter.defaultLevel).run()
/// print(result.readRatio, result.goalsMet)
/// ```
public struct SnapshotBenchmark: Sendable {
    /// Records per snapshot.
    public var records: Int
    /// Share of records changed in the second snapshot, in percent.
    public var changed: Double
    /// gzip level for our writer and for `gzip -c`.
    public var level: Int

    public init(records: Int, changed: Double, level: Int) {
        self.records = records
        self.changed = changed
        self.level = level
    }

    public struct Result: Encodable, Sendable {
        public var records: Int
        public var ndjsonBytes: Int64
        public var snapshotBytes: Int64
        public var gzipBytes: Int64
        public var generateSeconds: Double
        public var writeSeconds: Double
        public var gzipSeconds: Double
        public var readSeconds: Double
        public var gunzipSeconds: Double
        public var diffSeconds: Double
        public var gunzipBothSeconds: Double
        public var changedRecords: Int
        public var peakRSSMegabytes: Double
        public var readRatio = 0.0
        public var diffRatio = 0.0
        public var writeRatio = 0.0
        /// Read+verify at most 1.5× `gzip -dc`, diff at most 2.5× `gzip -dc` of both, peak RSS under 64 MB.
        public var goalsMet = false

        /// Fills in the ratios and the verdict.
        mutating func judge() {
            readRatio = readSeconds / gunzipSeconds
            diffRatio = diffSeconds / gunzipBothSeconds
            writeRatio = writeSeconds / gzipSeconds
            goalsMet = readRatio <= 1.5 && diffRatio <= 2.5 && peakRSSMegabytes < 64
        }
    }

    /// Runs the benchmark in a temporary directory, removed afterwards.
    public func run() throws -> Result {
        try Measure.inTemporaryDirectory { try run(in: $0) }
    }

    func run(in directory: URL) throws -> Result {
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
            throw BenchmarkFailure("the diff found \(summary.changed.values.reduce(0, +)) changed records, not \(changedRecords)")
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
        return result
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
}
