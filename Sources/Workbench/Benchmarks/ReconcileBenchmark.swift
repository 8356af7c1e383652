import Foundation

/// Plan computation from compressed snapshots and a replica (`econsync bench
/// reconcile`): the replica and the base snapshot agree on N products, then
/// e-conomic changes half of the changed share (prices) and the replica the
/// other half (names). Measured in one run: the plan, `gzip -dc` of both
/// snapshots (the floor), `sqldiff` on two SQLite files holding the same rows
/// (when installed), and a plan with no changes at all.
///
/// Each plan is computed by `planner` (``PlanBenchmark`` in a process of its
/// own, so that its time and peak RSS are its alone); the front end knows how
/// to start one.
///
/// ```swift
/// let result = try ReconcileBenchmark(records: 100_000, share: 1).run { directory, snapshot in
///     try PlanBenchmark(dataDirectory: directory, snapshot: snapshot).run(replica: ...)
/// }
/// ```
public struct ReconcileBenchmark: Sendable {
    /// The agreement the fixture's snapshots belong to.
    public static let agreement = 1_118_081

    /// Products in the replica and in each snapshot (2 or more).
    public var records: Int
    /// Share of records changed, in percent (half in e-conomic, half in the replica).
    public var share: Double

    public init(records: Int, share: Double) {
        self.records = records
        self.share = share
    }

    public struct Result: Encodable, Sendable {
        public var records: Int
        public var changedRemote: Int
        public var changedLocal: Int
        public var setupSeconds: Double
        public var planSeconds: Double
        public var gunzipSeconds: Double
        public var sqldiffSeconds: Double?
        public var noChangeSeconds: Double
        public var operations: [String: Int]
        public var peakRSSMegabytes: Double
        public var gzipRatio = 0.0
        public var sqldiffRatio: Double?
        public var noChangeSpeedup = 0.0
        /// At most 3× the gzip floor, faster than sqldiff, peak RSS under 100 MB, the no-change plan at least 5× faster.
        public var goalsMet = false

        mutating func judge() {
            gzipRatio = planSeconds / gunzipSeconds
            sqldiffRatio = sqldiffSeconds.map { planSeconds / $0 }
            noChangeSpeedup = planSeconds / max(noChangeSeconds, 1e-6)
            goalsMet = gzipRatio <= 3 && (sqldiffRatio ?? 0) < 1 && peakRSSMegabytes < 100 && noChangeSpeedup >= 5
        }
    }

    /// Runs the benchmark in a temporary data directory, removed afterwards;
    /// `planner` plans a snapshot of the data directory (the store's name for it).
    public func run(planner: (_ dataDirectory: URL, _ snapshot: String) throws -> PlanBenchmark.Result) throws -> Result {
        try Measure.inTemporaryDirectory { directory in
            let every = share > 0 ? max(2, Int((100 / share).rounded())) : Int.max
            var fixture = ReconcileFixture(directory: directory, records: records, every: every)

            let setup = try Measure.seconds { try fixture.prepare() }
            let noChange = try planner(directory, fixture.base.file)
            guard noChange.operations.isEmpty else { throw BenchmarkFailure("the plan without changes has \(noChange.operations)") }
            try fixture.change()
            let changedPlan = try planner(directory, fixture.new.file)
            let operations = changedPlan.operations
            guard operations["pull-update"] == fixture.changedRemote, operations["update"] == fixture.changedLocal else {
                throw BenchmarkFailure("the plan has \(operations), not \(fixture.changedRemote) pull-updates and \(fixture.changedLocal) updates")
            }
            let basePath = fixture.store.path(of: fixture.base), newPath = fixture.store.path(of: fixture.new)
            let gunzip = try Measure.seconds { try Measure.shell("gzip -dc '\(basePath)' > /dev/null; gzip -dc '\(newPath)' > /dev/null") }
            let sqldiff = try fixture.sqldiff()
            var result = Result(records: records, changedRemote: fixture.changedRemote, changedLocal: fixture.changedLocal, setupSeconds: setup,
                                planSeconds: changedPlan.seconds, gunzipSeconds: gunzip, sqldiffSeconds: sqldiff,
                                noChangeSeconds: noChange.seconds, operations: operations,
                                peakRSSMegabytes: max(changedPlan.peakRSSMegabytes, noChange.peakRSSMegabytes))
            result.judge()
            return result
        }
    }
}
