import ArgumentParser
import Foundation
@_spi(Benchmark) import Replica

extension Bench {
    /// `econsync bench replica`: the cost of change tracking on inserts.
    struct ReplicaBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "replica",
            abstract: "Insert time entries with change tracking and into an identical untracked table; compare.",
            discussion: """
                Both replicas live in a temporary directory and get the same rows in the same batches, \
                alternating batch by batch so machine noise hits both alike. Goal (release build): \
                at least 200,000 tracked rows/s and a tracked/untracked ratio of at least 0.7.
                """)

        @OptionGroup var output: OutputOptions
        @Option(help: "Time entries to insert into each replica.") var rows = 1_000_000
        @Option(help: "Rows per transaction (a reconcile writes its pulls in one).") var batch = 100_000
        @Option(help: "Rows to insert through the validating field-operation API as well (0 to skip).") var validated = 20_000

        struct Result: Encodable {
            var rows: Int
            var trackedSeconds: Double
            var untrackedSeconds: Double
            var trackedRowsPerSecond: Double
            var untrackedRowsPerSecond: Double
            var ratio: Double
            var changeLogRows: Int
            var validatedRowsPerSecond: Double?
            var goalMet: Bool
        }

        func validate() throws {
            if rows < 1 || batch < 1 || validated < 0 { throw ValidationError("--rows and --batch must be 1 or more, --validated 0 or more") }
        }

        func run() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("econsync-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let tracked = try makeReplica(directory, "tracked")
            let untracked = try makeReplica(directory, "untracked")
            try untracked.removeChangeTracking(.timeEntry)
            // Hours go on open projects that take them: not on a main project with sub-projects (e-conomic's rule).
            let all = try tracked.list(Project.self)
            let mains = Set(all.compactMap(\.parentId))
            let projects = all.filter { !$0.barred && !$0.closed && !mains.contains($0.id!) }.compactMap(\.id)
            guard !projects.isEmpty else { throw CommandFailure("the fixture replica has no open project") }
            let logBefore = try tracked.latestChangeSequence()

            var random = SeededRandom(seed: 2026)
            var trackedSeconds = 0.0
            var untrackedSeconds = 0.0
            var done = 0
            while done < rows {
                let entries = (0..<min(batch, rows - done)).map { _ in Self.entry(&random, projects) }
                let order = done / batch % 2 == 0 ? [(tracked, true), (untracked, false)] : [(untracked, false), (tracked, true)]
                for (store, isTracked) in order {
                    let seconds = try Measure.seconds { _ = try store.insertUnchecked(entries) }
                    if isTracked { trackedSeconds += seconds } else { untrackedSeconds += seconds }
                }
                done += entries.count
            }
            let logged = Int(try tracked.latestChangeSequence() - logBefore)
            guard logged == rows else { throw CommandFailure("change log has \(logged) rows for \(rows) inserts") }

            var validatedRate: Double?
            if validated > 0 {
                let store = try makeReplica(directory, "validated")
                let entries = (0..<validated).map { _ in Self.entry(&random, projects) }
                let seconds = try Measure.seconds { try store.write { writer in for entry in entries { try writer.create(entry) } } }
                validatedRate = Double(validated) / seconds
            }
            let trackedRate = Double(rows) / trackedSeconds
            let untrackedRate = Double(rows) / untrackedSeconds
            let result = Result(
                rows: rows, trackedSeconds: trackedSeconds, untrackedSeconds: untrackedSeconds,
                trackedRowsPerSecond: trackedRate, untrackedRowsPerSecond: untrackedRate, ratio: trackedRate / untrackedRate,
                changeLogRows: logged, validatedRowsPerSecond: validatedRate,
                goalMet: trackedRate >= 200_000 && trackedRate / untrackedRate >= 0.7)
            if output.json { return try Output.json(result) }
            print("inserted \(rows) time entries into each replica, \(batch) per transaction")
            Output.table(["TABLE", "SECONDS", "ROWS/S"], [
                ["tracked (triggers + change log)", String(format: "%.3f", trackedSeconds), String(format: "%.0f", trackedRate)],
                ["untracked (same table, no triggers)", String(format: "%.3f", untrackedSeconds), String(format: "%.0f", untrackedRate)],
            ] + (validatedRate.map { [["tracked + validated (field API, \(validated) rows)", "", String(format: "%.0f", $0)]] } ?? []),
                         rightAligned: [1, 2])
            print(String(format: "ratio tracked/untracked: %.3f", result.ratio))
            print("goal (>= 200000 tracked rows/s, ratio >= 0.7): \(result.goalMet ? "met" : "NOT met")")
        }

        private func makeReplica(_ directory: URL, _ name: String) throws -> ReplicaStore {
            let store = try ReplicaStore.open(at: directory.appendingPathComponent("\(name).sqlite"), create: true)
            try FieldDataGenerator(.init(seed: 1, customers: 10, products: 10, projects: 8, hours: 0, employees: 8, materials: 0))
                .generate(into: store)
            return store
        }

        /// A time entry on the generated fixtures (employees 1…8, an open project, hour types 1…5).
        private static func entry(_ random: inout SeededRandom, _ projects: [Int64]) -> TimeEntry {
            let day = LocalDate(daysSinceEpoch: 20_400 + random.int(0...400))
            return TimeEntry(employeeId: Int64(random.int(1...8)), projectId: random.pick(projects), hourTypeId: Int64(random.int(1...5)),
                             date: day.description, hours: Double(random.int(1...20)) / 2,
                             note: random.chance(0.2) ? "Udskiftet pakning" : nil)
        }
    }
}
