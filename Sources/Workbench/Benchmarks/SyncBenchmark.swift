import Economic
import EconomicEmulator
import Foundation
import Replica
import Snapshot
import Sync
import Vocabulary

/// What a user waits for and pays for (`econsync bench sync`): a first sync
/// of an emulated agreement beside the pull alone of the same data, then a
/// sync when nothing changed, then one with a share of the records changed
/// on each side. Each step: seconds, API calls, snapshot bytes written, the
/// data directory's size and the process's peak memory so far.
///
/// The pull alone and the first sync are measured in ``rounds`` pairs, each
/// pair in a data directory of its own: on a shared machine one pair's ratio
/// swings by a third, and the median of the pairs is what the goal is read from.
///
/// ```swift
/// let result = try await SyncBenchmark(customers: 10_000, products: 5_000).run()
/// print(result.steps.map(\.seconds), result.firstSyncRatio.median)
/// ```
public struct SyncBenchmark: Sendable {
    public var customers: Int
    public var products: Int
    /// The share of customers changed in e-conomic and of products changed locally in the last step.
    public var changed: Double

    /// Pairs of a pull alone and a first sync, each pair in a new data directory; the later steps follow the last.
    public var rounds: Int

    public init(customers: Int, products: Int, changed: Double = 0.01, rounds: Int = 3) {
        self.customers = customers
        self.products = products
        self.changed = changed
        self.rounds = max(1, rounds)
    }

    /// One measured step.
    public struct Step: Encodable, Sendable {
        public var name: String
        public var seconds: Double
        public var apiCalls: Int
        /// The in-process emulator's busy time answering the step's requests.
        /// Requests answered side by side (a pull's pages) each count, so it
        /// can exceed ``seconds``; a quiet sync's few calls come one at a time.
        public var emulatorSeconds: Double
        /// Processor seconds of the process in the step less the emulator's
        /// answering: econsync's own work (and the emulator's HTTP layer),
        /// which, unlike seconds, does not grow when the two share the processors.
        public var syncCPUSeconds: Double
        /// Bytes of snapshot files the step added to the store.
        public var snapshotBytesWritten: Int64
        /// The data directory's size after the step.
        public var dataDirectoryBytes: Int64
        /// The process's peak resident memory during the step.
        public var peakRSSMegabytes: Double
        /// That peak less the resident memory when the step began (the
        /// in-process emulator's records and what earlier steps left): the
        /// step's own memory, what a sync against the real e-conomic would use.
        public var stepMemoryMegabytes: Double
    }

    public struct Result: Encodable, Sendable {
        public var customers: Int
        public var products: Int
        public var steps: [Step]
        /// Each round's first sync over its pull alone, in seconds and in sync CPU.
        public var firstSyncRatio: Ratios
        public var firstSyncCPURatio: Ratios
    }

    /// One ratio per round, and their median.
    public struct Ratios: Encodable, Sendable {
        public var rounds: [Double]
        public var median: Double

        init(_ rounds: [Double]) {
            self.rounds = rounds
            median = rounds.median
        }
    }

    public func run() async throws -> Result {
        let emulator = try Self.emulator(customers: customers, products: products)
        return try await emulator.serving { port in
            try await Measure.inTemporaryDirectory { directory in try await steps(emulator, port, directory) }
        }
    }

    /// An emulator holding a demo agreement of `customers` and `products` (8 employees, 10 projects, no hours).
    static func emulator(customers: Int, products: Int, configuration: EmulatorConfiguration = EmulatorConfiguration()) throws -> EconomicEmulator {
        var seed: [Record] = []
        let size = DemoAgreement.Size(customers: customers, products: products, employees: 8, projects: 10, timeEntries: 0)
        try DemoAgreement(size: size).generate { seed.append($0) }
        return EconomicEmulator(seed: seed, kinds: Array(Set(seed.map(\.kind))), configuration: configuration)
    }

    func steps(_ emulator: EconomicEmulator, _ port: Int, _ directory: URL) async throws -> Result {
        var steps: [Step] = []
        var workspace = Workspace(directory: directory.appendingPathComponent("data-1"))
        func measure(_ name: String, _ work: () async throws -> Void) async throws {
            let before = Self.snapshotFiles(workspace.directory)
            let calls = emulator.requestCount
            let served = emulator.serviceTime
            let (cpu, servedCPU) = (Measure.processCPUSeconds(), emulator.serviceCPUTime)
            let resident = Measure.startPeak()
            let seconds = try await Measure.seconds { try await work() }
            let peak = Measure.peakSinceStart()
            let added = Self.snapshotFiles(workspace.directory).filter { before[$0.key] == nil }.values.reduce(0, +)
            steps.append(Step(name: name, seconds: seconds, apiCalls: emulator.requestCount - calls,
                              emulatorSeconds: Measure.seconds(of: emulator.serviceTime - served),
                              syncCPUSeconds: Measure.processCPUSeconds() - cpu - Measure.seconds(of: emulator.serviceCPUTime - servedCPU),
                              snapshotBytesWritten: added,
                              dataDirectoryBytes: Self.size(of: workspace.directory), peakRSSMegabytes: peak, stepMemoryMegabytes: max(0, peak - resident)))
        }
        var ratios: [(seconds: Double, cpu: Double)] = []
        for round in 1...rounds {
            // Each round from nothing, the one before removed: the later steps follow the last round's first sync.
            if round > 1 {
                try? FileManager.default.removeItem(at: workspace.directory)
                workspace = Workspace(directory: directory.appendingPathComponent("data-\(round)"))
            }
            _ = try workspace.initialise()
            try workspace.store(.emulator(agreement: emulator.agreement, port: port), replacing: nil)
            let suffix = rounds == 1 ? "" : ", round \(round)"
            try await measure("pull only (a full snapshot, not stored)\(suffix)") {
                var reconciliation = try workspace.reconciliation()
                reconciliation.full = true
                try await reconciliation.takeSnapshot(dryRun: true).discard()
            }
            try await measure("first sync\(suffix)") { try await sync(workspace) }
            let (pull, first) = (steps[steps.count - 2], steps[steps.count - 1])
            ratios.append((first.seconds / pull.seconds, first.syncCPUSeconds / max(pull.syncCPUSeconds, 0.001)))
        }
        try await measure("sync, nothing changed") { try await sync(workspace) }
        let replica = try workspace.replica()
        let localProducts = try replica.list(Product.self)
        let step = max(1, Int((1 / max(changed, 0.000_001)).rounded()))
        for number in stride(from: 1001, through: 1000 + customers, by: step) {   // the demo agreement numbers customers from 1001
            emulator.edit(kind: "customer", key: .int(Int64(number))) { $0?["name"] = .string("Ændret kunde \(number)") }
        }
        try replica.write { writer in
            for product in localProducts.enumerated().filter({ $0.offset % step == 0 }).map(\.element) {
                _ = try writer.update(Product.self, id: product.id!) { $0.name = product.name + " (ændret)" }
            }
        }
        try await measure(String(format: "sync, %.4g%% changed on each side", changed * 100)) { try await sync(workspace) }
        return Result(customers: customers, products: products, steps: steps,
                      firstSyncRatio: Ratios(ratios.map(\.seconds)), firstSyncCPURatio: Ratios(ratios.map(\.cpu)))
    }

    /// Runs every module `sync` runs, forced past the cooldown; throws when one failed.
    func sync(_ workspace: Workspace) async throws {
        let replica = try workspace.replica()
        let runner = try workspace.runner(workspace.scheduler(replica))
        let settings = try ModuleSettings(replica: replica)
        for module in Module.runOrder where !module.isManual && settings.isEnabled(module) {
            let result = try await runner.run(module, force: true)
            if result.outcome.failed { throw BenchmarkFailure("\(module) failed: \(result.outcome.error.map { "\($0)" } ?? "")") }
        }
    }

    /// The snapshot files of the store and their sizes.
    static func snapshotFiles(_ directory: URL) -> [String: Int64] {
        let folder = directory.appendingPathComponent("snapshots")
        var files: [String: Int64] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path) ?? FileManager.DirectoryEnumerator()
        where path.hasSuffix(".ndjson.gz") {
            files[path] = Measure.size(folder.appendingPathComponent(path).path)
        }
        return files
    }

    /// The total size of the files under `directory`.
    static func size(of directory: URL) -> Int64 {
        var total: Int64 = 0
        for case let path as String in FileManager.default.enumerator(atPath: directory.path) ?? FileManager.DirectoryEnumerator() {
            total += Measure.size(directory.appendingPathComponent(path).path)
        }
        return total
    }
}
