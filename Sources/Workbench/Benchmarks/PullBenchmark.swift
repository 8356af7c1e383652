import Economic
import EconomicEmulator
import Foundation
import Snapshot
import Vocabulary

/// Pulling customers and products from an in-process emulator seeded with
/// the demo agreement (`econsync bench pull`): API calls against the minimum
/// (one call per 1000 records per collection), records/s and bytes on the
/// wire, with and without gzip.
///
/// ```swift
/// let result = try await PullBenchmark(customers: 5000, products: 2000).run()
/// print(result.goalMet)
/// ```
public struct PullBenchmark: Sendable {
    /// Customers in the emulator.
    public var customers: Int
    /// Products in the emulator.
    public var products: Int

    public init(customers: Int, products: Int) {
        self.customers = customers
        self.products = products
    }

    /// One pull of both collections.
    public struct Run: Encodable, Sendable {
        public var compressed: Bool
        public var seconds: Double
        public var records: Int
        public var recordsPerSecond: Double
        public var calls: Int
        public var bytesOnWire: Int64
    }

    public struct Result: Encodable, Sendable {
        public var minimumCalls: Int
        public var runs: [Run]
        /// Every run made as many calls as the minimum.
        public var goalMet: Bool
    }

    public func run() async throws -> Result {
        var seed: [Record] = []
        let size = DemoAgreement.Size(customers: customers, products: products, employees: 0, projects: 0, timeEntries: 0)
        let pulled: [Kind] = [.customer, .product]
        try DemoAgreement(size: size).generate { record in
            if let kind = Kind(rawValue: record.kind), pulled.contains(kind) { seed.append(record) }
        }
        let emulator = EconomicEmulator(seed: seed, kinds: pulled.map(\.rawValue))
        let minimum = max(1, (customers + 999) / 1000) + max(1, (products + 999) / 1000)
        let runs = try await emulator.serving { port in
            var runs: [Run] = []
            for compressed in [true, false] {
                runs.append(try await pull(port: port, compressed: compressed))
            }
            return runs
        }
        return Result(minimumCalls: minimum, runs: runs, goalMet: runs.allSatisfy { $0.calls == minimum })
    }

    /// Pulls both collections once from the emulator on `port`.
    func pull(port: Int, compressed: Bool) async throws -> Run {
        var configuration = EconomicClient.Configuration()
        configuration.restBaseURL = "http://127.0.0.1:\(port)"
        var transport = CurlTransport.Configuration()
        transport.acceptCompressed = compressed
        let client = EconomicClient(credentials: CredentialsFile.Connection.emulator(agreement: 0, port: port).credentials,
                                    configuration: configuration, transport: CurlTransport(configuration: transport))
        var records = 0
        let seconds = try await Measure.seconds {
            for path in ["/customers", "/products"] {
                try await client.forEachPage(path, module: "bench") { page in
                    guard case .array(let items)? = try CanonicalJSON.parse(page.body)["collection"] else {
                        throw BenchmarkFailure("a page of \(path) has no collection")
                    }
                    records += items.count
                }
            }
        }
        guard records == customers + products else { throw BenchmarkFailure("pulled \(records) records, expected \(customers + products)") }
        let usage = client.accounting.total
        return Run(compressed: compressed, seconds: seconds, records: records, recordsPerSecond: Double(records) / seconds,
                   calls: usage.requests, bytesOnWire: usage.bytesReceived)
    }
}
