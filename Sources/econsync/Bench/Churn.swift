import ArgumentParser
import Foundation
import Replica
import Workbench

extension Bench {
    /// `econsync bench churn`: simulated field activity, for soak and crash tests.
    struct Churn: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write random field operations, one transaction each, printing the count after each commit.",
            discussion: Examples.text("econsync bench churn", "econsync bench churn --seed 4 --operations 500", after: "Each transaction also bumps the setting churn.commits, so after a crash the file shows how many committed."))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Option(help: "Operations to run (0: until killed).") var operations = 0

        func run() throws {
            try FileManager.default.createDirectory(at: global.directory, withIntermediateDirectories: true)
            let store = try ReplicaStore.open(at: global.replicaURL, create: true, now: GlobalOptions.clock())
            try FieldChurn(seed: seed, operations: operations).run(on: store) { commits in
                FileHandle.standardOutput.write(Data("committed \(commits)\n".utf8))
            }
        }
    }
}
