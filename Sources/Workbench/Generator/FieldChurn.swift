import Foundation
import Replica

/// Simulated field activity on a replica for soak and crash tests (`econsync
/// bench churn`): random field operations, one transaction each, every one
/// also bumping the setting `churn.commits`, so after a crash the file shows
/// how many committed. A replica without that setting first gets a small
/// generated data set; a later run goes on from where the last one stopped.
///
/// ```swift
/// try FieldChurn(seed: 1, operations: 100).run(on: replica) { commits in print("committed \(commits)") }
/// ```
public struct FieldChurn: Sendable {
    /// The setting that counts committed operations.
    public static let commitsSetting = "churn.commits"

    /// The random seed.
    public var seed: UInt64
    /// Operations to run (0: until the process is killed).
    public var operations: Int

    public init(seed: UInt64, operations: Int) {
        self.seed = seed
        self.operations = operations
    }

    /// Runs the operations on `store`; `committed` gets the commit count after each commit.
    public func run(on store: ReplicaStore, committed: (Int) -> Void) throws {
        if try store.setting(Self.commitsSetting) == nil {
            try FieldDataGenerator(.init(seed: seed, customers: 5, products: 5, projects: 4, hours: 10)).generate(into: store)
        }
        var commits = Int(try store.setting(Self.commitsSetting) ?? "0") ?? 0
        var activity = FieldActivity(seed: seed &+ UInt64(commits))
        var done = 0
        while operations == 0 || done < operations {
            let before = activity.committed
            try activity.step(store) { writer in try writer.setSetting(Self.commitsSetting, String(commits + 1)) }
            if activity.committed > before {
                commits += 1
                committed(commits)
            }
            done += 1
        }
    }
}
