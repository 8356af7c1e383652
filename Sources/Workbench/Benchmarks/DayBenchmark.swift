import EconomicEmulator
import Foundation
import Replica
import Snapshot
import Sync
import Vocabulary

/// A day of `econsync run` on a simulated clock (`econsync bench day`): a
/// first sync, then `rounds` rounds a quarter of an hour apart, each with a
/// share of the customers changed in e-conomic and of the products changed
/// in the field, running every module that is due as the scheduler would.
/// Reports what the day cost and what it left: seconds, API calls, snapshot
/// bytes written, and the store's and the replica's size at the end.
///
/// ```swift
/// let day = try await DayBenchmark(records: 15_000, rounds: 96, changed: 0.01).run()
/// print(day.storeBytes, day.replicaBytes)
/// ```
public struct DayBenchmark: Sendable {
    /// Records in the agreement: two thirds customers, one third products.
    public var records: Int
    public var rounds: Int
    /// The share of customers changed in e-conomic, and of products changed locally, each round.
    public var changed: Double

    public init(records: Int, rounds: Int = 96, changed: Double = 0.01) {
        self.records = records
        self.rounds = rounds
        self.changed = changed
    }

    public struct Result: Encodable, Sendable {
        public var customers: Int
        public var products: Int
        public var rounds: Int
        public var firstSyncSeconds: Double
        /// The rounds after the first sync.
        public var roundSeconds: Double
        public var slowestRoundSeconds: Double
        public var moduleRuns: Int
        public var apiCalls: Int
        public var snapshotBytesWritten: Int64
        /// One compressed full snapshot of the agreement, for scale.
        public var fullSnapshotBytes: Int64
        public var storeBytes: Int64
        public var storeFiles: Int
        public var replicaBytes: Int64
        public var peakRSSMegabytes: Double
    }

    public func run() async throws -> Result {
        let customers = max(1, records * 2 / 3), products = max(1, records - records * 2 / 3)
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_075_200))  // 2026-11-19T08:00:00Z
        let emulator = try SyncBenchmark.emulator(customers: customers, products: products, configuration: EmulatorConfiguration(clock: clock))
        return try await emulator.serving { port in
            try await Measure.inTemporaryDirectory { directory in
                try await day(emulator, port: port, clock: clock, directory: directory, customers: customers, products: products)
            }
        }
    }

    func day(_ emulator: EconomicEmulator, port: Int, clock: ManualClock, directory: URL, customers: Int, products: Int) async throws -> Result {
        let workspace = Workspace(directory: directory.appendingPathComponent("data"), now: { clock.now() })
        _ = try workspace.initialise()
        try workspace.store(.emulator(agreement: emulator.agreement, port: port), replacing: nil)
        let replica = try workspace.replica()
        let scheduler = workspace.scheduler(replica)
        let runner = try workspace.runner(scheduler)
        var written: Int64 = 0, calls = 0, runs = 0
        func runDue() async throws {
            let before = SyncBenchmark.snapshotFiles(workspace.directory), requests = emulator.requestCount
            for module in try scheduler.due() {
                let result = try await runner.run(module, force: false)
                if result.outcome.failed { throw BenchmarkFailure("\(module) failed: \(result.outcome.error.map { "\($0)" } ?? "")") }
                runs += 1
            }
            written += SyncBenchmark.snapshotFiles(workspace.directory).filter { before[$0.key] == nil }.values.reduce(0, +)
            calls += emulator.requestCount - requests
        }
        let first = try await Measure.seconds { try await runDue() }
        let fullSnapshot = try Self.wholeBytes(of: runner.store, in: directory)
        let localProducts = try replica.list(Product.self)
        let perRound = max(1, Int((Double(customers) * changed).rounded()))
        let productsPerRound = max(1, Int((Double(localProducts.count) * changed).rounded()))
        var total = 0.0, slowest = 0.0
        for round in 0..<rounds {
            clock.advance(by: 15 * 60)
            for offset in 0..<perRound {
                let number = 1001 + (round * perRound + offset) % customers   // the demo agreement numbers customers from 1001
                emulator.edit(kind: "customer", key: .int(Int64(number))) { $0?["name"] = .string("Ændret kunde \(number) runde \(round)") }
            }
            try replica.write { writer in
                for offset in 0..<productsPerRound {
                    let product = localProducts[(round * productsPerRound + offset) % localProducts.count]
                    _ = try writer.update(Product.self, id: product.id!) { $0.name = product.name + " (runde \(round))" }
                }
            }
            let seconds = try await Measure.seconds { try await runDue() }
            total += seconds
            slowest = max(slowest, seconds)
        }
        let store = SyncBenchmark.snapshotFiles(workspace.directory)
        return Result(customers: customers, products: products, rounds: rounds, firstSyncSeconds: first, roundSeconds: total,
                      slowestRoundSeconds: slowest, moduleRuns: runs, apiCalls: calls, snapshotBytesWritten: written,
                      fullSnapshotBytes: fullSnapshot, storeBytes: store.values.reduce(0, +), storeFiles: store.count,
                      replicaBytes: Measure.size(workspace.directory.appendingPathComponent(ReplicaStore.fileName).path),
                      peakRSSMegabytes: Measure.peakRSSMegabytes())
    }
}

extension DayBenchmark {
    /// The size of the base after the first sync written as one whole compressed snapshot (the base itself may be a
    /// chain of deltas): the scale the store is measured against.
    static func wholeBytes(of store: SnapshotStore, in directory: URL) throws -> Int64 {
        guard let base = try store.replica.snapshots().first(where: { $0.baseFor != nil }) else { return 0 }
        let chain = try SnapshotChain(path: store.path(of: base), checksDigest: false)
        let path = directory.appendingPathComponent("whole.ndjson.gz").path
        let writer = try SnapshotWriter(path: path, header: SnapshotHeader(agreement: base.agreement, sources: chain.header.sources,
                                                                               takenAt: base.takenAt, kinds: chain.header.kinds))
        while let line = try chain.next() { try writer.append(line) }
        try writer.finish()
        defer { try? FileManager.default.removeItem(atPath: path) }
        return Measure.size(path)
    }
}
