import ArgumentParser
import Foundation
import Workbench

extension Bench {
    /// `econsync bench day`: a day of `econsync run` on a simulated clock.
    struct DayBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "day",
            abstract: Speech.say(
                "En dags modulkørsler på et simuleret ur mod en emuleret aftale i processen: hvad den koster, og hvad den efterlader.",
                "A day of module runs on a simulated clock against an in-process emulated agreement: what it costs and what it leaves."),
            discussion: Examples.text("econsync bench day", "econsync bench day --records 15000 --rounds 96 --changed 1", after: Speech.say("""
                En første synkronisering, derefter --rounds runder med et kvarters mellemrum; hver runde ændrer --changed \
                procent af kunderne i e-conomic og af varerne i marken og kører hvert modul, der skal køre, som `econsync run` \
                ville (den daglige fulde sammenligning medregnet). Skriver dagens sekunder, API-kald og bytes i \
                øjebliksbilleder samt lagerets og replikaens størrelse ved dagens slutning ved siden af ét komprimeret fuldt \
                øjebliksbillede. Mål (issue 17): lageret vokser kun med de komprimerede ændringer, med oprydning slået til som standard.
                """, """
                A first sync, then --rounds rounds a quarter of an hour apart; each round changes --changed percent of the \
                customers in e-conomic and of the products in the field and runs every module that is due, as `econsync run` \
                would (the daily full compare included). Prints the seconds, API calls and snapshot bytes of the day, and the \
                store's and the replica's size at its end beside one compressed full snapshot. Goal (issue 17): the store \
                grows by the compressed changes only, retention on by default.
                """)))

        @OptionGroup(visibility: .hidden) var quiet: QuietOption
        @OptionGroup var output: OutputOptions
        @Option(help: .say(
            "Poster i den emulerede aftale: to tredjedele kunder, en tredjedel varer.",
            "Records in the emulated agreement: two thirds customers, one third products.")) var records = 150_000
        @Option(help: .say(
            "Runder med 15 simulerede minutters mellemrum (96 er en dag).",
            "Rounds, 15 simulated minutes apart (96 is a day).")) var rounds = 96
        @Option(help: .say(
            "Procent af kunderne ændret i e-conomic og af varerne ændret lokalt i hver runde.",
            "Percent of customers changed in e-conomic, and of products changed locally, each round.")) var changed = 1.0

        func validate() throws {
            if records < 3 { throw ValidationError("--records must be 3 or more") }
            if rounds < 1 { throw ValidationError("--rounds must be 1 or more") }
            if !(changed > 0 && changed <= 100) { throw ValidationError("--changed must be a percentage above 0, at most 100") }
        }

        func run() async throws {
            let day = try await DayBenchmark(records: records, rounds: rounds, changed: changed / 100).run()
            if output.json { return try Output.json(day) }
            print("\(day.customers) customers and \(day.products) products, \(day.rounds) rounds, \(String(format: "%g", changed))% changed a round")
            Output.table(["WHAT", "VALUE"], [
                ["first sync (s)", String(format: "%.3f", day.firstSyncSeconds)],
                ["the rounds (s)", String(format: "%.3f", day.roundSeconds)],
                ["slowest round (s)", String(format: "%.3f", day.slowestRoundSeconds)],
                ["module runs", String(day.moduleRuns)],
                ["API calls", String(day.apiCalls)],
                ["snapshot bytes written", String(day.snapshotBytesWritten)],
                ["one full snapshot (bytes)", String(day.fullSnapshotBytes)],
                ["store at the end (bytes)", String(day.storeBytes)],
                ["store files at the end", String(day.storeFiles)],
                ["replica at the end (bytes)", String(day.replicaBytes)],
                ["peak RSS (MB)", String(format: "%.0f", day.peakRSSMegabytes)],
            ], rightAligned: [1], fit: nil)
            if day.fullSnapshotBytes > 0 {
                print(String(format: "store / one full snapshot: %.2f", Double(day.storeBytes) / Double(day.fullSnapshotBytes)))
            }
        }
    }
}
