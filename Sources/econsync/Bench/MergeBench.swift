import ArgumentParser
import Foundation
import Replica
import Snapshot
import Sync

extension Bench {
    /// `econsync bench merge`: the base a module run leaves, against recompressing the same bytes with gzip.
    struct MergeBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge a module run's snapshot into an N-record base (as every module run does), beside gzip -dc | gzip -3.",
            discussion: """
                The base holds every kind; the module snapshot holds the products (the products module). The merge reads \
                both and writes the new base with its key index; its floor is decompressing the base and compressing it \
                again, measured in the same run. Goals (release build): at most 2× the floor, peak RSS under 64 MB.
                """)

        @OptionGroup var output: OutputOptions
        @Option(help: "Records in the base.") var records = 1_000_000

        struct Result: Encodable {
            var records: Int
            var productRecords: Int
            var mergeSeconds: Double
            var floorSeconds: Double
            var ratio: Double
            var peakRSSMegabytes: Double
            var goalsMet: Bool
        }

        func validate() throws {
            if records < 1 { throw ValidationError("--records must be 1 or more") }
        }

        func run() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("econsync-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let replica = try ReplicaStore.open(at: directory.appendingPathComponent(ReplicaStore.fileName), create: true)
            let store = SnapshotStore(dataDirectory: directory, replica: replica)
            let generated = directory.appendingPathComponent("base.ndjson.gz").path
            _ = try DemoAgreement(size: .records(records)).write(to: generated)
            let base = try store.add(copyOf: generated)
            let products = try productsOnly(of: generated, to: directory.appendingPathComponent("products.ndjson.gz").path)
            let module = try store.add(copyOf: products.path)
            var merged: SnapshotEntry?
            let merge = try Measure.seconds { merged = try store.merge(base: base, with: module, kinds: ["product", "productGroup"]) }
            guard merged?.records == base.records else {
                throw CommandFailure("the merged base has \(merged?.records ?? 0) records, not \(base.records)")
            }
            let floor = try Measure.seconds { try Measure.shell("gzip -dc '\(store.path(of: base))' | gzip -3 -c > /dev/null") }
            let rss = Measure.peakRSSMegabytes()
            let result = Result(records: base.records, productRecords: products.count, mergeSeconds: merge, floorSeconds: floor,
                                ratio: merge / floor, peakRSSMegabytes: rss, goalsMet: merge / floor <= 2 && rss < 64)
            if output.json { return try Output.json(result) }
            print("\(result.records) records in the base, \(result.productRecords) products in the module snapshot")
            Output.table(["STEP", "SECONDS", "RATIO", "GOAL"], [
                ["merge into a new base (+ key index)", String(format: "%.3f", merge), String(format: "%.2f", result.ratio), "<= 2x"],
                ["gzip -dc | gzip -3 of the base", String(format: "%.3f", floor), "", ""],
            ], rightAligned: [1, 2])
            print(String(format: "peak RSS: %.1f MB (goal < 64 MB)", rss))
            print("goals: \(result.goalsMet ? "met" : "NOT met")")
        }

        /// The products and product groups of `source`, as a snapshot of their own.
        func productsOnly(of source: String, to path: String) throws -> (path: String, count: Int) {
            let reader = try SnapshotReader(path: source)
            var header = reader.header
            header.kinds = ["product", "productGroup"]
            let writer = try SnapshotWriter(path: path, header: header)
            var count = 0
            while let line = try reader.next() {
                if header.kinds.contains(line.kind) {
                    try writer.append(line)
                    count += 1
                } else if utf8Precedes("productGroup", line.kind) {
                    break  // kinds come in order: the rest of the file is not needed
                }
            }
            _ = try writer.finish()
            return (path, count)
        }
    }
}
