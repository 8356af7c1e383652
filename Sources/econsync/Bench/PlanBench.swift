import ArgumentParser
import Foundation
import Replica
import Sync

extension Bench {
    /// `econsync bench plan`: one plan computation in a process of its own, so
    /// that its time and peak memory are the plan's alone (used by `bench reconcile`).
    struct PlanBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan", abstract: "Compute one plan against the base and report its time and peak RSS as JSON.",
            shouldDisplay: false)

        @OptionGroup var global: GlobalOptions
        @Option(help: "The snapshot to plan, as the store names it (snapshots/<agreement>/<name>.ndjson.gz).") var snapshot: String

        struct Result: Codable {
            var seconds: Double
            var peakRSSMegabytes: Double
            var operations: [String: Int]
        }

        func run() throws {
            let replica = try global.openReplica(readOnly: true)
            let store = SnapshotStore(dataDirectory: global.directory, replica: replica)
            let entries = try replica.snapshots()
            guard let entry = entries.first(where: { $0.file == snapshot }) else { throw CommandFailure("\(snapshot) is not in the store") }
            let base = entries.first { $0.baseFor != nil && $0.agreement == entry.agreement }
            var operations: [String: Int] = [:]
            let seconds = try Measure.seconds {
                let builder = PlanBuilder(replica: replica, settings: try ReconcileSettings(replica: replica), agreement: entry.agreement)
                let plan = try builder.plan(basePath: base.map(store.path), base: base, snapshotPath: store.path(of: entry), snapshot: entry)
                operations = plan.operations.reduce(into: [:]) { $0[$1.action.rawValue, default: 0] += 1 }
            }
            try Output.json(Result(seconds: seconds, peakRSSMegabytes: Measure.peakRSSMegabytes(), operations: operations))
        }
    }
}
