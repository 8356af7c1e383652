import ArgumentParser
import Foundation
import Workbench

extension Bench {
    /// `econsync bench sync`: what a sync costs, first and when little or nothing changed.
    struct SyncBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: Speech.say(
                "Synkronisér en emuleret aftale i processen: hentningen alene, en første synkronisering, en uden ændringer og en med en andel ændret.",
                "Sync an in-process emulated agreement: the pull alone, a first sync, a sync with nothing changed, one with a share changed."),
            discussion: Examples.text("econsync bench sync", "econsync bench sync --customers 100000 --products 50000", after: Speech.say("""
                Hvert trin skriver sekunder, emulatorens travle tid med at svare (en hentnings sider besvares side om side, \
                så den kan overstige sekunderne; en stille synkroniserings kald kommer ét ad gangen), processortiden \
                for econsyncs eget arbejde (processens, minus emulatorens svar: den vokser ikke, når de to deler \
                processorerne), API-kald, bytes \
                skrevet i øjebliksbilleder, datamappens størrelse, processens højeste hukommelsesforbrug under trinnet og \
                trinnets eget hukommelsesforbrug (den top minus det, der var i hukommelsen, da det begyndte: emulatorens \
                poster i processen er ikke synkroniseringens). Mål (issue 17): en første synkronisering inden for 1,5× \
                hentningen alene (medianen af --rounds par, hvert i sin egen datamappe) og under 150 MB af sit eget; uden ændringer: under et sekund, ingen bytes skrevet i \
                øjebliksbilleder.
                """, """
                Every step prints seconds, the in-process emulator's busy time answering (a pull's pages are answered \
                side by side, so it can exceed the seconds; a quiet sync's calls come one at a time), the processor time of \
                econsync's own work (the process's, less the emulator's answering: it does not grow when the two share the \
                processors), API calls, snapshot \
                bytes written, the data directory's size, the process's peak memory during the step, and the step's own \
                memory (that peak less what was resident when it began: the in-process emulator's records are not the \
                sync's). Goals (issue 17): a first sync within 1.5× the pull \
                alone (the median of --rounds pairs, each in a data directory of its own) and under 150 MB of its own; nothing changed: under a second, no snapshot bytes written.
                """)))

        @OptionGroup(visibility: .hidden) var quiet: QuietOption
        @OptionGroup var output: OutputOptions
        @Option(help: .say("Kunder i emulatoren.", "Customers in the emulator.")) var customers = 100_000
        @Option(help: .say("Varer i emulatoren.", "Products in the emulator.")) var products = 50_000
        @Option(help: .say(
            "Procent af kunderne ændret i e-conomic og af varerne ændret lokalt i sidste trin.",
            "Percent of customers changed in e-conomic and of products changed locally in the last step.")) var changed = 1.0
        @Option(help: .say(
            "Par af hentningen alene og en første synkronisering, hvert i sin egen datamappe; målet læses af medianen.",
            "Pairs of the pull alone and a first sync, each in a data directory of its own; the goal is read from their median.")) var rounds = 3

        func validate() throws {
            if customers < 1 || products < 1 { throw ValidationError("--customers and --products must be 1 or more") }
            if !(changed > 0 && changed <= 100) { throw ValidationError("--changed must be a percentage above 0, at most 100") }
            if rounds < 1 { throw ValidationError("--rounds must be 1 or more") }
        }

        func run() async throws {
            let result = try await SyncBenchmark(customers: customers, products: products, changed: changed / 100, rounds: rounds).run()
            if output.json { return try Output.json(result) }
            print("\(customers) customers and \(products) products")
            Output.table(["STEP", "SECONDS", "EMULATOR BUSY", "SYNC CPU", "API CALLS", "SNAPSHOT BYTES WRITTEN", "DATA DIR BYTES",
                          "PEAK RSS MB", "STEP'S OWN MB"],
                         result.steps.map { step in
                [step.name, String(format: "%.3f", step.seconds), String(format: "%.3f", step.emulatorSeconds),
                 String(format: "%.3f", step.syncCPUSeconds), String(step.apiCalls),
                 String(step.snapshotBytesWritten), String(step.dataDirectoryBytes), String(format: "%.0f", step.peakRSSMegabytes),
                 String(format: "%.0f", step.stepMemoryMegabytes)]
            }, rightAligned: [1, 2, 3, 4, 5, 6, 7, 8], fit: nil)
            let (seconds, cpu) = (result.firstSyncRatio, result.firstSyncCPURatio)
            let rounds = seconds.rounds.map { String(format: "%.2f", $0) }.joined(separator: ", ")
            let figure = seconds.rounds.count > 1 ? String(format: "median %.2f of %@", seconds.median, rounds) : rounds
            print("first sync / pull alone: \(figure) (sync CPU: \(String(format: "%.2f", cpu.median))); goal ≤ 1.5: \(seconds.median <= 1.5 ? "met" : "NOT met")")
        }
    }
}
