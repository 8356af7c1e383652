import ArgumentParser
import Foundation
import Replica
import Workbench

extension Bench {
    /// `econsync bench churn`: simulated field activity, for soak and crash tests.
    struct Churn: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Skriv tilfældige feltoperationer, én transaktion hver, og skriv antallet efter hver commit.",
                "Write random field operations, one transaction each, printing the count after each commit."),
            discussion: Examples.text("econsync bench churn", "econsync bench churn --seed 4 --operations 500", after: Speech.say(
                "Hver transaktion tæller også indstillingen churn.commits op, så filen efter et nedbrud viser, hvor mange der blev gemt.",
                "Each transaction also bumps the setting churn.commits, so after a crash the file shows how many committed.")))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @Option(help: .say("Tilfældighedsfrø.", "Random seed.")) var seed: UInt64 = 1
        @Option(help: .say("Antal operationer (0: indtil processen dræbes).", "Operations to run (0: until killed).")) var operations = 0

        func run() throws {
            try FileManager.default.createDirectory(at: global.directory, withIntermediateDirectories: true)
            let store = try ReplicaStore.open(at: global.replicaURL, create: true, now: GlobalOptions.clock())
            try FieldChurn(seed: seed, operations: operations).run(on: store) { commits in
                FileHandle.standardOutput.write(Data("committed \(commits)\n".utf8))
            }
        }
    }
}
