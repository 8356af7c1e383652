import ArgumentParser
import EconomicEmulator
import Foundation
import Synchronization
import Workbench

/// `econsync emulator`: runs a local e-conomic (legacy REST, the Projects API,
/// the install URL and the `/_emulator/` control API) until SIGINT or SIGTERM.
///
/// ```sh
/// econsync emulator --port 8080 --save-on-exit after.ndjson.gz
/// # listening on http://127.0.0.1:8080
/// curl -H 'X-AppSecretToken: emulator-app-secret' -H 'X-AgreementGrantToken: emulator-grant' \
///      http://127.0.0.1:8080/customers
/// ```
struct EmulatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: Speech.say("Kør en lokal e-conomic-emulator, indtil den afbrydes.", "Run a local e-conomic emulator until interrupted."),
        discussion: Examples.text(Examples.noted("econsync emulator --port 0", "skriver: listening on URL", "prints: listening on URL"), "econsync emulator --port 8088 --save-on-exit state.ndjson.gz", after: Speech.say("""
            Den første linje, der skrives, er `listening on http://HOST:PORT`. Tokens: X-AppSecretToken \
            `emulator-app-secret` med X-AgreementGrantToken `emulator-grant` læser og skriver; \
            `demo`/`demo` læser kun. Installationsforløb: GET /secure/api1/requestaccess.aspx?appPublicToken=\
            emulator-app-public&redirectUrl=URL. Kontrol-API (kun loopback): /_emulator/state, \
            /_emulator/records, /_emulator/orders/N/send (eller /archive), /_emulator/grants/TOKEN/revoke, /_emulator/faults. \
            Ved SIGINT eller SIGTERM stopper den, gemmer, hvis --save-on-exit er givet, og afslutter med 0.
            """, """
            The first line printed is `listening on http://HOST:PORT`. Tokens: X-AppSecretToken \
            `emulator-app-secret` with X-AgreementGrantToken `emulator-grant` read and write; \
            `demo`/`demo` only reads. Install flow: GET /secure/api1/requestaccess.aspx?appPublicToken=\
            emulator-app-public&redirectUrl=URL. Control API (loopback only): /_emulator/state, \
            /_emulator/records, /_emulator/orders/N/send (or /archive), /_emulator/grants/TOKEN/revoke, /_emulator/faults. On SIGINT or \
            SIGTERM it stops, saves if --save-on-exit is given, and exits 0.
            """))
    )

    @Option(help: .say("Porten, der lyttes på; 0 vælger en ledig.", "The port to listen on; 0 picks a free one."))
    var port: Int = 0

    @Option(help: .say("Adressen, der bindes til (loopback, hvis ikke angivet).", "The address to bind (loopback unless given)."))
    var host: String = "127.0.0.1"

    @Option(name: .customLong("seed-snapshot"),
            help: .say(
                "Øjebliksbilledet, emulatoren starter fra (standard: demoaftalen, der er bygget ind i econsync).",
                "The snapshot the emulator starts from (default: the demo agreement built into econsync).", valueName: "file"))
    var seedSnapshot: String?

    @Flag(help: .say(
        "Start uden poster (aftale 1118081) i stedet for startøjebliksbilledet.",
        "Start with no records (agreement 1118081) instead of the seed snapshot."))
    var empty = false

    @Option(help: .say(
        "Start fra en demoaftale med så mange kunder (med --products: til at måle med en aftales størrelse).",
        "Start from a demo agreement with this many customers (with --products: to measure at an agreement's size)."))
    var customers: Int?

    @Option(help: .say("Varer i demoaftalen, som --customers bygger.", "Products in the demo agreement --customers builds."))
    var products: Int?

    @Option(name: .customLong("save-on-exit"), help: .say(
        "Skriv den endelige tilstand til denne øjebliksbilledfil ved afslutning.",
        "Write the final state to this snapshot file on exit.", valueName: "file"))
    var saveOnExit: String?
    @Flag(help: .say("Med --save-on-exit: erstat filen, hvis den findes.", "With --save-on-exit: replace the file if it exists.")) var force = false
    @OptionGroup(visibility: .hidden) var global: GlobalOptions

    @Option(name: .customLong("fault-seed"),
            help: .say(
                "Indsæt reproducerbare fejl ud fra dette frø (10 % 5xx, 5 % afbrudte forbindelser, 429 i byger på 3).",
                "Inject reproducible faults from this seed (10% 5xx, 5% dropped connections, 429 bursts of 3).", valueName: "n"))
    var faultSeed: UInt64?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty.") }
        for (name, count) in [("--customers", customers), ("--products", products)] {
            guard let count else { continue }
            guard count >= 1 else { throw ValidationError("\(name) skal være 1 eller mere", "\(name) must be 1 or more") }
            guard !empty, seedSnapshot == nil else { throw ValidationError("\(name) bygger aftalen og kan ikke gives sammen med --empty eller --seed-snapshot",
                                                                           "\(name) builds the agreement; it cannot go with --empty or --seed-snapshot") }
        }
    }

    func run() throws {
        // Checked before serving: the state is written at the end, when nobody is there to read a refusal.
        if let saveOnExit { _ = try OutputFile(path: saveOnExit, dataDirectory: global.directory, force: force) }
        let emulator = try empty ? EconomicEmulator()
            : seedSnapshot.map { try EconomicEmulator(snapshotPath: $0) } ?? DemoAgreement(size: size).emulator()
        if let faultSeed { emulator.injectFaults(seed: faultSeed) }
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        let host = self.host
        let port = self.port
        Task.detached {
            do {
                try await emulator.run(host: host, port: port) { bound in
                    // Written straight to the descriptor, so it is flushed at once.
                    FileHandle.standardOutput.write(Data("listening on http://\(host):\(bound)\n".utf8))
                }
            } catch {
                outcome.fail(error)
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error {
            throw CommandFailure("the emulator stopped: \(error)")
        }
        if let saveOnExit {
            let trailer = try emulator.save(to: saveOnExit)
            print("saved \(trailer.records) records to \(saveOnExit)")
        }
    }

    /// The demo agreement's size: the embedded one, or as large as --customers and --products say.
    var size: DemoAgreement.Size {
        guard customers != nil || products != nil else { return .demo }
        let demo = DemoAgreement.Size.demo
        return DemoAgreement.Size(customers: customers ?? demo.customers, products: products ?? demo.products,
                                  employees: demo.employees, projects: demo.projects, timeEntries: demo.timeEntries)
    }

    /// The error the server task ended with, handed to the waiting thread.
    final class Outcome: Sendable {
        private let stored = Mutex<(any Error)?>(nil)

        func fail(_ error: any Error) {
            stored.withLock { $0 = error }
        }

        var error: (any Error)? {
            stored.withLock { $0 }
        }
    }
}
