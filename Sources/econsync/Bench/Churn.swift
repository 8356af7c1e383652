import ArgumentParser
import Foundation
import Replica

extension Bench {
    /// `econsync bench churn`: simulated field activity, for soak and crash tests.
    struct Churn: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write random field operations, one transaction each, printing the count after each commit.",
            discussion: "Each transaction also bumps the setting churn.commits, so after a crash the file shows how many committed.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Option(help: "Operations to run (0: until killed).") var operations = 0

        func run() throws {
            try FileManager.default.createDirectory(at: global.directory, withIntermediateDirectories: true)
            let store = try ReplicaStore.open(at: global.replicaURL, create: true, now: GlobalOptions.clock())
            if try store.setting("churn.commits") == nil {
                try FieldDataGenerator(.init(seed: seed, customers: 5, products: 5, projects: 4, hours: 10)).generate(into: store)
            }
            var commits = Int(try store.setting("churn.commits") ?? "0") ?? 0
            var activity = FieldActivity(seed: seed &+ UInt64(commits))
            var done = 0
            while operations == 0 || done < operations {
                let before = activity.committed
                try activity.step(store) { writer in try writer.setSetting("churn.commits", String(commits + 1)) }
                if activity.committed > before {
                    commits += 1
                    FileHandle.standardOutput.write(Data("committed \(commits)\n".utf8))
                }
                done += 1
            }
        }
    }
}
