import Foundation
@_spi(Benchmark) import Replica

/// The cost of change tracking on inserts (`econsync bench replica`): the
/// same time entries into a tracked replica and into an identical untracked
/// table, in the same batches, alternating batch by batch so machine noise
/// hits both alike; optionally through the validating field-operation API too.
///
/// ```swift
/// let result = try ReplicaBenchmark(rows: 100_000, batch: 10_000, validated: 0).run()
/// print(result.ratio)
/// ```
public struct ReplicaBenchmark: Sendable {
    /// Time entries to insert into each replica.
    public var rows: Int
    /// Rows per transaction.
    public var batch: Int
    /// Rows to insert through the validating field-operation API as well (0 to skip).
    public var validated: Int

    public init(rows: Int, batch: Int, validated: Int) {
        self.rows = rows
        self.batch = batch
        self.validated = validated
    }

    public struct Result: Encodable, Sendable {
        public var rows: Int
        public var trackedSeconds: Double
        public var untrackedSeconds: Double
        public var trackedRowsPerSecond: Double
        public var untrackedRowsPerSecond: Double
        public var ratio: Double
        public var changeLogRows: Int
        public var validatedRowsPerSecond: Double?
        /// At least 200,000 tracked rows/s and a tracked/untracked ratio of at least 0.7.
        public var goalMet: Bool
    }

    /// Runs the benchmark in a temporary directory, removed afterwards.
    public func run() throws -> Result {
        try Measure.inTemporaryDirectory { try run(in: $0) }
    }

    func run(in directory: URL) throws -> Result {
        let tracked = try makeReplica(directory, "tracked")
        let untracked = try makeReplica(directory, "untracked")
        try untracked.removeChangeTracking(.timeEntry)
        // Hours go on open projects that take them: not on a main project with sub-projects (e-conomic's rule).
        let all = try tracked.list(Project.self)
        let mains = Set(all.compactMap(\.parentId))
        let projects = all.filter { !$0.barred && !$0.closed && !mains.contains($0.id!) }.compactMap(\.id)
        guard !projects.isEmpty else { throw BenchmarkFailure("the fixture replica has no open project") }
        let logBefore = try tracked.latestChangeSequence()

        var random = SeededRandom(seed: 2026)
        var trackedSeconds = 0.0
        var untrackedSeconds = 0.0
        var done = 0
        while done < rows {
            let entries = (0..<min(batch, rows - done)).map { _ in Self.entry(&random, projects) }
            let order = done / batch % 2 == 0 ? [(tracked, true), (untracked, false)] : [(untracked, false), (tracked, true)]
            for (store, isTracked) in order {
                let seconds = try Measure.seconds { _ = try store.insertUnchecked(entries) }
                if isTracked { trackedSeconds += seconds } else { untrackedSeconds += seconds }
            }
            done += entries.count
        }
        let logged = Int(try tracked.latestChangeSequence() - logBefore)
        guard logged == rows else { throw BenchmarkFailure("change log has \(logged) rows for \(rows) inserts") }

        var validatedRate: Double?
        if validated > 0 {
            let store = try makeReplica(directory, "validated")
            let entries = (0..<validated).map { _ in Self.entry(&random, projects) }
            let seconds = try Measure.seconds { try store.write { writer in for entry in entries { try writer.create(entry) } } }
            validatedRate = Double(validated) / seconds
        }
        let trackedRate = Double(rows) / trackedSeconds
        let untrackedRate = Double(rows) / untrackedSeconds
        return Result(
            rows: rows, trackedSeconds: trackedSeconds, untrackedSeconds: untrackedSeconds,
            trackedRowsPerSecond: trackedRate, untrackedRowsPerSecond: untrackedRate, ratio: trackedRate / untrackedRate,
            changeLogRows: logged, validatedRowsPerSecond: validatedRate,
            goalMet: trackedRate >= 200_000 && trackedRate / untrackedRate >= 0.7)
    }

    private func makeReplica(_ directory: URL, _ name: String) throws -> ReplicaStore {
        let store = try ReplicaStore.open(at: directory.appendingPathComponent("\(name).sqlite"), create: true)
        try FieldDataGenerator(.init(seed: 1, customers: 10, products: 10, projects: 8, hours: 0, employees: 8, materials: 0))
            .generate(into: store)
        return store
    }

    /// A time entry on the generated fixtures (employees 1…8, an open project, hour types 1…5).
    private static func entry(_ random: inout SeededRandom, _ projects: [Int64]) -> TimeEntry {
        let day = LocalDate(daysSinceEpoch: 20_400 + random.int(0...400))
        return TimeEntry(employeeId: Int64(random.int(1...8)), projectId: random.pick(projects), hourTypeId: Int64(random.int(1...5)),
                         date: day.description, hours: Double(random.int(1...20)) / 2,
                         note: random.chance(0.2) ? "Udskiftet pakning" : nil)
    }
}
