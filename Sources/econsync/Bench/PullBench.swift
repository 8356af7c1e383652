import ArgumentParser
import Foundation
import Workbench

extension Bench {
    /// `econsync bench pull`: pulling customers and products from the emulator.
    struct PullBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: Speech.say(
                "Hent kunder og varer fra en emulator i processen; API-kald mod minimum, poster/s, bytes over nettet.",
                "Pull customers and products from an in-process emulator; API calls against the minimum, records/s, bytes on the wire."),
            discussion: Examples.text("econsync bench pull", "econsync bench pull --customers 100000 --products 50000", after: Speech.say(
                "Minimum er ét kald pr. 1000 poster pr. samling (mål: lig med). Hver hentning køres med og uden gzip.",
                "The minimum is one call per 1000 records per collection (goal: equal). Each pull runs with and without gzip.")))

        @OptionGroup(visibility: .hidden) var quiet: QuietOption
        @OptionGroup var output: OutputOptions
        @Option(help: .say("Kunder i emulatoren.", "Customers in the emulator.")) var customers = 100_000
        @Option(help: .say("Varer i emulatoren.", "Products in the emulator.")) var products = 50_000

        func validate() throws {
            if customers < 0 || products < 0 { throw ValidationError("--customers and --products must be 0 or more") }
        }

        func run() async throws {
            let result = try await PullBenchmark(customers: customers, products: products).run()
            let (minimum, runs) = (result.minimumCalls, result.runs)
            if output.json { return try Output.json(result) }
            print("\(customers) customers and \(products) products; minimum API calls: \(minimum)")
            Output.table(["GZIP", "CALLS", "SECONDS", "RECORDS/S", "BYTES ON WIRE"], runs.map { run in
                [run.compressed ? "yes" : "no", String(run.calls), String(format: "%.3f", run.seconds), String(format: "%.0f", run.recordsPerSecond),
                 String(run.bytesOnWire)]
            }, rightAligned: [1, 2, 3, 4], fit: nil)
            print("goal (calls equal to the minimum): \(result.goalMet ? "met" : "NOT met")")
        }
    }
}
