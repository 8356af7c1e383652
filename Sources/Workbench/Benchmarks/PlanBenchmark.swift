import Foundation
import Replica
import Sync

/// One plan computation (`econsync bench plan`), meant to run in a process
/// of its own so that its time and peak memory are the plan's alone; the
/// reconcile benchmark starts one per plan it measures.
///
/// ```swift
/// let result = try PlanBenchmark(dataDirectory: directory, snapshot: "snapshots/1118081/new.ndjson.gz").run(replica: replica)
/// ```
public struct PlanBenchmark: Sendable {
    /// The data directory holding the replica and its snapshot store.
    public var dataDirectory: URL
    /// The snapshot to plan, as the store names it (`snapshots/<agreement>/<name>.ndjson.gz`).
    public var snapshot: String

    public init(dataDirectory: URL, snapshot: String) {
        self.dataDirectory = dataDirectory
        self.snapshot = snapshot
    }

    public struct Result: Codable, Sendable {
        public var seconds: Double
        public var peakRSSMegabytes: Double
        /// How many operations of each action the plan holds.
        public var operations: [String: Int]
    }

    /// Plans `snapshot` against its agreement's base with `replica` (the data directory's, open read-only).
    public func run(replica: ReplicaStore) throws -> Result {
        let store = SnapshotStore(dataDirectory: dataDirectory, replica: replica)
        let entries = try replica.snapshots()
        guard let entry = entries.first(where: { $0.file == snapshot }) else { throw BenchmarkFailure("\(snapshot) is not in the store") }
        let base = entries.first { $0.baseFor != nil && $0.agreement == entry.agreement }
        var operations: [String: Int] = [:]
        let seconds = try Measure.seconds {
            let builder = PlanBuilder(replica: replica, settings: try ReconcileSettings(replica: replica), agreement: entry.agreement)
            let plan = try builder.plan(basePath: base.map(store.path), base: base, snapshotPath: store.path(of: entry), snapshot: entry)
            operations = plan.operations.reduce(into: [:]) { $0[$1.action.rawValue, default: 0] += 1 }
        }
        return Result(seconds: seconds, peakRSSMegabytes: Measure.peakRSSMegabytes(), operations: operations)
    }
}
