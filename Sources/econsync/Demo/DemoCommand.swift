import ArgumentParser
import Economic
import EconomicEmulator
import Foundation
import Replica
import Snapshot
import Sync
import Workbench

/// `econsync demo`: the whole job on the embedded demo agreement.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: Speech.say(
            "Kør hele forløbet på den indbyggede demoaftale: e-conomic emuleret i processen, arbejde i marken offline, afstemning, ordreeksport.",
            "Run the whole job on the embedded demo agreement: e-conomic emulated in-process, offline field work, reconcile, order export."),
        discussion: Examples.text("econsync demo", Examples.noted("econsync demo --keep", "behold datamappen, så den kan ses", "keep the data directory to look at"), after: Speech.say("""
            Starter en emulator af e-conomic på loopback med data fra demoaftalen (Snapshots/), laver en replika i en \
            midlertidig mappe, sætter integrationen op, importerer e-conomics poster, registrerer arbejde i marken \
            offline (godkendte og ikke godkendte timer, et materiale, hvis vare e-conomic mangler, en kunde oprettet \
            lokalt, et projekt ændret på begge sider, en medarbejder uden e-conomic-id), viser prøvekørslens plan, \
            udfører den, eksporterer en ordre og skriver modulernes status og et resumé af en revision. Intet uden for \
            den midlertidige mappe røres.
            """, """
            Starts an emulator of e-conomic on loopback seeded from the demo agreement (Snapshots/), makes a replica in a \
            temporary directory, sets the integration up, imports e-conomic's records, records offline field work (approved \
            and unapproved hours, a material whose product e-conomic lacks, a customer created locally, a project edited on \
            both sides, an employee without an e-conomic id), shows the dry-run plan, applies it, exports an order, and \
            prints module status and an audit summary. Nothing outside the temporary directory is touched.
            """)))

    @Option(help: .say(
        "Aftalen, emulatoren startes med (standard: Snapshots/demo-agreement.ndjson.gz, ellers den indbyggede).",
        "The agreement to seed the emulator with (default: Snapshots/demo-agreement.ndjson.gz, else the embedded one).", valueName: "file"))
    var snapshot: String?
    @Flag(help: .say(
        "Behold den midlertidige datamappe, og skriv, hvor den er.",
        "Keep the temporary data directory and print where it is.")) var keep = false
    @OptionGroup(visibility: .hidden) var quiet: QuietOption

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("econsync-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
        let seed = try seedFile(directory)
        let emulator = try EconomicEmulator(snapshotPath: seed)
        try await emulator.serving { port in
            let demo = DemoRun(directory: directory, emulator: emulator, port: port)
            demo.heading("e-conomic: an emulator on \(demo.base), seeded from \(snapshot ?? seed) (\(Output.count(emulator.records().count, "record")))")
            try await demo.run()
        }
        if keep { print("\nthe demo's data directory is kept: \(directory.path)") }
    }

    /// The seed: the given file, the checked-in one, or the embedded agreement written to `directory`.
    func seedFile(_ directory: URL) throws -> String {
        if let snapshot { return snapshot }
        let checkedIn = "Snapshots/demo-agreement.ndjson.gz"
        if FileManager.default.fileExists(atPath: checkedIn) { return checkedIn }
        let path = directory.appendingPathComponent("demo-agreement.ndjson.gz").path
        _ = try DemoAgreement(seed: 2026, size: .demo).write(to: path)
        return path
    }
}
