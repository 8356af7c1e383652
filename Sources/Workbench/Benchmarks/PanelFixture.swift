import Foundation
import Replica
import Vocabulary

/// The replica `econsync bench panel` reads: generated field data (customers,
/// products, time entries and what goes with them) and a history of module
/// runs, every module every `interval` seconds for `days` days up to `now`,
/// as a year of `econsync run` leaves it (a failed run now and then).
///
/// ```swift
/// let built = try PanelFixture(customers: 100_000, products: 50_000, hours: 1_000_000, days: 365)
///     .build(at: directory, now: Date())
/// ```
public struct PanelFixture: Sendable {
    public var customers: Int
    public var products: Int
    public var hours: Int
    public var days: Int
    public var interval: TimeInterval = 15 * 60
    public var seed: UInt64 = 1

    /// What was built.
    public struct Built: Sendable, Encodable {
        public var records: Int
        public var moduleRuns: Int
        public var seconds: Double
    }

    public init(customers: Int, products: Int, hours: Int, days: Int) {
        self.customers = customers
        self.products = products
        self.hours = hours
        self.days = days
    }

    /// Creates the replica in `directory` (a data directory with none yet).
    public func build(at directory: URL, now: Date) throws -> Built {
        let replica = try ReplicaStore.open(at: directory.appendingPathComponent(ReplicaStore.fileName), create: true, now: { now })
        var built = Built(records: 0, moduleRuns: 0, seconds: 0)
        built.seconds = try Measure.seconds {
            let options = FieldDataGenerator.Options(seed: seed, customers: customers, products: products, projects: max(1, hours / 500),
                                                     hours: hours, until: LocalDate(Timestamp.day(now)) ?? LocalDate("2026-11-27")!)
            built.records = try FieldDataGenerator(options).generate(into: replica).values.reduce(0, +)
            built.moduleRuns = try history(into: replica, now: now)
        }
        return built
    }

    /// Writes the runs of every module, oldest first, and each module's status after its last run.
    func history(into replica: ReplicaStore, now: Date) throws -> Int {
        let rounds = Int(Double(days) * 86_400 / interval)
        let start = now.addingTimeInterval(-Double(rounds) * interval)
        return try replica.write { writer in
            var count = 0
            for (index, module) in Module.allCases.enumerated() {
                var status = ModuleStatus(module: module.rawValue)
                for round in 0..<rounds {
                    let began = start.addingTimeInterval(Double(round) * interval + Double(index) * 7)
                    var run = ModuleRun(module: module.rawValue, owner: "bench", startedAt: Timestamp.string(began), forced: false, full: round % 96 == 0)
                    run.endedAt = Timestamp.string(began.addingTimeInterval(4))
                    run.pulled = (round * 7 + index) % 13
                    run.pushed = (round * 3 + index) % 5
                    run.apiCalls = 2 + run.pulled + run.pushed
                    let failed = (round + index) % 211 == 0
                    run.outcome = failed ? .failed : .succeeded
                    if failed {
                        run.error = "e-conomic could not be reached"
                        run.errorKind = "unreachable"
                    }
                    _ = try writer.insert(run)
                    status.lastStart = run.startedAt
                    status.lastEnd = run.endedAt
                    if !failed { status.lastSuccess = run.endedAt }
                    status.lastError = run.error
                    status.lastErrorKind = run.errorKind
                    status.state = failed ? .failed : .idle
                    count += 1
                }
                status.nextDue = Timestamp.string(now.addingTimeInterval(interval))
                try writer.save(status)
            }
            return count
        }
    }
}
