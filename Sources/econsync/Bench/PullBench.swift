import ArgumentParser
import Economic
import EconomicEmulator
import Foundation
import Snapshot
import Vocabulary

extension Bench {
    /// `econsync bench pull`: pulling customers and products from the emulator.
    struct PullBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Pull customers and products from an in-process emulator; API calls against the minimum, records/s, bytes on the wire.",
            discussion: "The minimum is one call per 1000 records per collection (goal: equal). Each pull runs with and without gzip.")

        @OptionGroup var output: OutputOptions
        @Option(help: "Customers in the emulator.") var customers = 100_000
        @Option(help: "Products in the emulator.") var products = 50_000

        struct Run: Encodable {
            var compressed: Bool
            var seconds: Double
            var records: Int
            var recordsPerSecond: Double
            var calls: Int
            var bytesOnWire: Int64
        }

        struct Result: Encodable {
            var minimumCalls: Int
            var runs: [Run]
            var goalMet: Bool
        }

        func validate() throws {
            if customers < 0 || products < 0 { throw ValidationError("--customers and --products must be 0 or more") }
        }

        func run() async throws {
            var seed: [Record] = []
            let size = DemoAgreement.Size(customers: customers, products: products, employees: 0, projects: 0, timeEntries: 0)
            let pulled: [Kind] = [.customer, .product]
            try DemoAgreement(size: size).generate { record in
                if let kind = Kind(rawValue: record.kind), pulled.contains(kind) { seed.append(record) }
            }
            let emulator = EconomicEmulator(seed: seed, kinds: pulled.map(\.rawValue))
            let port = try await emulator.start()
            defer { Task { await emulator.stop() } }
            let minimum = max(1, (customers + 999) / 1000) + max(1, (products + 999) / 1000)
            var runs: [Run] = []
            for compressed in [true, false] {
                var configuration = EconomicClient.Configuration()
                configuration.restBaseURL = "http://127.0.0.1:\(port)"
                var transport = CurlTransport.Configuration()
                transport.acceptCompressed = compressed
                let client = EconomicClient(credentials: EconomicCredentials(appSecretToken: "emulator-app-secret", grantToken: "emulator-grant"),
                                            configuration: configuration, transport: CurlTransport(configuration: transport))
                var records = 0
                let seconds = try await Measure.seconds {
                    for path in ["/customers", "/products"] {
                        try await client.forEachPage(path, module: "bench") { page in
                            guard case .array(let items)? = try CanonicalJSON.parse(page.body)["collection"] else {
                                throw CommandFailure("a page of \(path) has no collection")
                            }
                            records += items.count
                        }
                    }
                }
                guard records == customers + products else { throw CommandFailure("pulled \(records) records, expected \(customers + products)") }
                let usage = client.accounting.total
                runs.append(Run(compressed: compressed, seconds: seconds, records: records, recordsPerSecond: Double(records) / seconds,
                                calls: usage.requests, bytesOnWire: usage.bytesReceived))
            }
            let result = Result(minimumCalls: minimum, runs: runs, goalMet: runs.allSatisfy { $0.calls == minimum })
            if output.json { return try Output.json(result) }
            print("\(customers) customers and \(products) products; minimum API calls: \(minimum)")
            Output.table(["GZIP", "CALLS", "SECONDS", "RECORDS/S", "BYTES ON WIRE"], runs.map { run in
                [run.compressed ? "yes" : "no", String(run.calls), String(format: "%.3f", run.seconds), String(format: "%.0f", run.recordsPerSecond),
                 String(run.bytesOnWire)]
            }, rightAligned: [1, 2, 3, 4])
            print("goal (calls equal to the minimum): \(result.goalMet ? "met" : "NOT met")")
        }
    }
}
