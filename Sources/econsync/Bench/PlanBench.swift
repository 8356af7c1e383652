import ArgumentParser
import Foundation
import Workbench

extension Bench {
    /// `econsync bench plan`: one plan computation in a process of its own, so
    /// that its time and peak memory are the plan's alone (used by `bench reconcile`).
    struct PlanBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan", abstract: Speech.say(
                "Beregn én plan mod grundlaget, og rapportér dens tid og højeste RSS som JSON.",
                "Compute one plan against the base and report its time and peak RSS as JSON."),
            shouldDisplay: false)

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @Option(help: .say(
            "Øjebliksbilledet, der skal planlægges, som lageret navngiver det (snapshots/<agreement>/<name>.ndjson.gz).",
            "The snapshot to plan, as the store names it (snapshots/<agreement>/<name>.ndjson.gz).")) var snapshot: String

        func run() throws {
            let replica = try global.openReplica(readOnly: true)
            try Output.json(try PlanBenchmark(dataDirectory: global.directory, snapshot: snapshot).run(replica: replica))
        }

        /// Runs `econsync bench plan` on `snapshot` in `directory` in a child process (this executable) and reads its result.
        static func inChildProcess(directory: URL, snapshot: String) throws -> PlanBenchmark.Result {
            let process = Process()
            process.executableURL = Bundle.main.executableURL
            process.arguments = ["bench", "plan", "--data-dir", directory.path, "--snapshot", snapshot]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CommandFailure("`econsync bench plan` failed with status \(process.terminationStatus)") }
            return try JSONDecoder().decode(PlanBenchmark.Result.self, from: data)
        }
    }
}
