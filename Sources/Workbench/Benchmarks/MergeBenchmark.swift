import Foundation
import Replica
import Snapshot
import Sync

/// The base a module run leaves (`econsync bench merge`): an N-record base
/// of every kind merged with a module snapshot of the products, beside its
/// floor, decompressing the base and compressing it again with gzip.
///
/// ```swift
/// let result = try MergeBenchmark(records: 100_000).run()
/// print(result.ratio)
/// ```
public struct MergeBenchmark: Sendable {
    /// Records in the base.
    public var records: Int

    public init(records: Int) {
        self.records = records
    }

    public struct Result: Encodable, Sendable {
        public var records: Int
        public var productRecords: Int
        public var mergeSeconds: Double
        public var floorSeconds: Double
        public var ratio: Double
        public var peakRSSMegabytes: Double
        /// At most 2× the floor, peak RSS under 64 MB.
        public var goalsMet: Bool
    }

    /// Runs the benchmark in a temporary data directory, removed afterwards.
    public func run() throws -> Result {
        try Measure.inTemporaryDirectory { try run(in: $0) }
    }

    func run(in directory: URL) throws -> Result {
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
            throw BenchmarkFailure("the merged base has \(merged?.records ?? 0) records, not \(base.records)")
        }
        let floor = try Measure.seconds { try Measure.shell("gzip -dc '\(store.path(of: base))' | gzip -3 -c > /dev/null") }
        let rss = Measure.peakRSSMegabytes()
        return Result(records: base.records, productRecords: products.count, mergeSeconds: merge, floorSeconds: floor,
                      ratio: merge / floor, peakRSSMegabytes: rss, goalsMet: merge / floor <= 2 && rss < 64)
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
