import ArgumentParser
import Foundation
import Replica
import Vocabulary
import Workbench

extension Bench {
    /// `econsync bench generate`: deterministic realistic data into the replica.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Generér realistiske danske data fra marken i replikaen (deterministisk pr. frø).",
                "Generate realistic Danish field-service data into the replica (deterministic per seed)."),
            discussion: Examples.text("econsync bench generate --customers 1000", "econsync bench generate --seed 3 --hours 50000"))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: .say("Tilfældighedsfrø; samme frø giver samme data.", "Random seed; the same seed gives the same data.")) var seed: UInt64 = 1
        @Option(help: .say("Kunder.", "Customers.")) var customers = 30
        @Option(help: .say("Varer.", "Products.")) var products = 50
        @Option(help: .say("Projekter, underprojekter medregnet.", "Projects, sub-projects included.")) var projects = 20
        @Option(help: .say("Timeregistreringer.", "Time entries.")) var hours = 200
        @Option(help: .say(
            "Medarbejdere (standard: en femtedel af kunderne, 3 til 50).",
            "Employees (default: a fifth of the customers, 3 to 50).")) var employees: Int?
        @Option(help: .say(
            "Materialeregistreringer (standard: en femtedel af timerne).",
            "Material registrations (default: a fifth of the hours).")) var materials: Int?
        @Option(help: .say("Den sidste dag med registreringer, ÅÅÅÅ-MM-DD.", "The last day with registrations, YYYY-MM-DD.")) var until = "2026-11-27"

        func validate() throws {
            for (name, value) in [("customers", customers), ("products", products), ("projects", projects), ("hours", hours),
                                  ("employees", employees ?? 0), ("materials", materials ?? 0)] where value < 0 {
                throw ValidationError("--\(name) must be 0 or more")
            }
            if LocalDate(until) == nil { throw ValidationError("--until \(until) is not a date: write it as YYYY-MM-DD") }
        }

        func run() throws {
            try FileManager.default.createDirectory(at: global.directory, withIntermediateDirectories: true)
            let store = try ReplicaStore.open(at: global.replicaURL, create: true, now: GlobalOptions.clock())
            let options = FieldDataGenerator.Options(
                seed: seed, customers: customers, products: products, projects: projects, hours: hours,
                employees: employees, materials: materials, until: LocalDate(until)!)
            let started = Date()
            let line = ProgressLine()
            defer { line.finish() }
            var before: [Kind: Int] = [:]
            let created = try FieldDataGenerator(options).generate(into: store) { counts in
                let new = counts.filter { before[$0.key] != $0.value }.keys.sorted().map(\.noun)
                before = counts
                guard !output.json, !new.isEmpty else { return }
                line.show("generating: \(Output.count(counts.values.reduce(0, +), "record")) (\(new.joined(separator: ", ")))")
            }
            line.finish()
            let seconds = Date().timeIntervalSince(started)
            let counts = Dictionary(uniqueKeysWithValues: created.map { ($0.key.rawValue, $0.value) })
            if output.json { return try Output.json(["created": counts]) }
            let total = created.values.reduce(0, +)
            print("generated \(total) records in \(String(format: "%.2f", seconds)) s (seed \(seed)) into \(store.url.path)")
            Output.table(["KIND", "CREATED"], created.sorted { $0.key < $1.key }.map { [$0.key.rawValue, String($0.value)] }, rightAligned: [1], fit: nil)
        }
    }
}
