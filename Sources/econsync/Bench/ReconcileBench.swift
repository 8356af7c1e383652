import ArgumentParser
import Foundation
@_spi(Benchmark) import Replica
import Snapshot
import Sync

extension Bench {
    /// `econsync bench reconcile`: plan computation from compressed snapshots and a replica.
    struct ReconcileBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reconcile",
            abstract: "Compute a reconcile plan over N products (base and new snapshot, replica), beside gzip -dc and sqldiff.",
            discussion: """
                The replica and the base snapshot agree on N products; then e-conomic changes half of the changed \
                share (prices) and the replica the other half (names). Measured in one run: the plan (incremental, \
                change-log driven, computed in a process of its own so its time and peak RSS are its alone), `gzip -dc` of both snapshots (the floor), `sqldiff` on two SQLite files holding \
                the same rows (apt-get install sqlite3-tools), and a plan with no changes at all. Goals (release \
                build): at most 3× the gzip floor, faster than sqldiff, peak RSS under 100 MB, no-change plan at \
                least 5× faster.
                """)

        @OptionGroup var output: OutputOptions
        @Option(help: "Products in the replica and in each snapshot.") var records = 1_000_000
        @Option(help: "Share of records changed, in percent (half in e-conomic, half in the replica); `1%` or `1`.")
        var changed = "1%"

        static let agreement = 1_118_081

        struct Result: Encodable {
            var records: Int
            var changedRemote: Int
            var changedLocal: Int
            var setupSeconds: Double
            var planSeconds: Double
            var gunzipSeconds: Double
            var sqldiffSeconds: Double?
            var noChangeSeconds: Double
            var operations: [String: Int]
            var peakRSSMegabytes: Double
            var gzipRatio = 0.0
            var sqldiffRatio: Double?
            var noChangeSpeedup = 0.0
            var goalsMet = false

            mutating func judge() {
                gzipRatio = planSeconds / gunzipSeconds
                sqldiffRatio = sqldiffSeconds.map { planSeconds / $0 }
                noChangeSpeedup = planSeconds / max(noChangeSeconds, 1e-6)
                goalsMet = gzipRatio <= 3 && (sqldiffRatio ?? 0) < 1 && peakRSSMegabytes < 100 && noChangeSpeedup >= 5
            }
        }

        var share: Double? { Double(changed.hasSuffix("%") ? String(changed.dropLast()) : changed) }

        func validate() throws {
            if records < 2 { throw ValidationError("--records must be 2 or more") }
            guard let share, (0...100).contains(share) else { throw ValidationError("--changed is a percentage from 0 to 100, such as 1%") }
        }

        func run() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("econsync-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let every = share! > 0 ? max(2, Int((100 / share!).rounded())) : Int.max
            var fixture = ReconcileFixture(directory: directory, records: records, every: every)

            let setup = try Measure.seconds { try fixture.prepare() }
            let noChange = try fixture.plan(fixture.base)
            guard noChange.operations.isEmpty else { throw CommandFailure("the plan without changes has \(noChange.operations)") }
            try fixture.change()
            let changedPlan = try fixture.plan(fixture.new)
            let operations = changedPlan.operations
            guard operations["pull-update"] == fixture.changedRemote, operations["update"] == fixture.changedLocal else {
                throw CommandFailure("the plan has \(operations), not \(fixture.changedRemote) pull-updates and \(fixture.changedLocal) updates")
            }
            let basePath = fixture.store.path(of: fixture.base), newPath = fixture.store.path(of: fixture.new)
            let gunzip = try Measure.seconds { try Measure.shell("gzip -dc '\(basePath)' > /dev/null; gzip -dc '\(newPath)' > /dev/null") }
            let sqldiff = try fixture.sqldiff()
            var result = Result(records: records, changedRemote: fixture.changedRemote, changedLocal: fixture.changedLocal, setupSeconds: setup,
                                planSeconds: changedPlan.seconds, gunzipSeconds: gunzip, sqldiffSeconds: sqldiff,
                                noChangeSeconds: noChange.seconds, operations: operations,
                                peakRSSMegabytes: max(changedPlan.peakRSSMegabytes, noChange.peakRSSMegabytes))
            result.judge()
            if output.json { return try Output.json(result) }
            report(result)
        }

        func report(_ r: Result) {
            func s(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
            print("\(r.records) products; changed: \(r.changedRemote) in e-conomic, \(r.changedLocal) in the replica (setup \(s(r.setupSeconds)) s)")
            Output.table(["STEP", "SECONDS", "RATIO", "GOAL"], [
                ["plan (incremental)", s(r.planSeconds), "", ""],
                ["gzip -dc of both snapshots", s(r.gunzipSeconds), String(format: "%.2f", r.gzipRatio), "plan <= 3x"],
                ["sqldiff of the same rows", r.sqldiffSeconds.map(s) ?? "not installed", r.sqldiffRatio.map { String(format: "%.2f", $0) } ?? "",
                 "plan < 1x"],
                ["plan with no changes", s(r.noChangeSeconds), String(format: "%.0fx faster", r.noChangeSpeedup), ">= 5x"],
            ], rightAligned: [1, 2])
            print("operations: " + r.operations.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print(String(format: "peak RSS: %.1f MB (goal < 100 MB)", r.peakRSSMegabytes))
            if r.sqldiffSeconds == nil { print("sqldiff is missing: apt-get install sqlite3-tools") }
            print("goals: \(r.goalsMet ? "met" : "NOT met")")
        }
    }
}
