import ArgumentParser
import Foundation
import Snapshot
import Workbench

extension SnapshotCommand {
    /// `econsync snapshot demo`: writes the embedded demo agreement.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Skriv den deterministiske danske demoaftale som et øjebliksbillede (filen, der er tjekket ind under Snapshots/).",
                "Write the deterministic Danish demo agreement as a snapshot (the file checked in under Snapshots/)."),
            discussion: Examples.text("econsync snapshot demo --out demo.ndjson.gz", "econsync snapshot demo --messy --seed 7 --out m.ndjson.gz"))

        @Option(help: .say(
            "Hvor den skal skrives (standard: Snapshots/demo-agreement.ndjson.gz, eller Snapshots/messy-agreement.ndjson.gz med --messy).",
            "Where to write it (default: Snapshots/demo-agreement.ndjson.gz, or Snapshots/messy-agreement.ndjson.gz with --messy)."))
        var out: String?
        @Flag(help: .say(
            "Den rodede aftale: 2.000 kunder og 300 varer, som rigtige aftaler har dem (mærkelige CVR-numre, "
                + "lister af e-mailadresser, negative priser, varenumre, som stier skal escape, felter, econsync ikke modellerer).",
            "The messy agreement: 2,000 customers and 300 products as real agreements hold them (odd CVRs, "
                + "e-mail lists, negative prices, product numbers paths must escape, fields econsync does not model)."))
        var messy = false
        @Option(help: .say(
            "Tilfældighedsfrø; standardværdien giver den tjekkede fil byte for byte.",
            "Random seed; the default gives the checked-in file byte for byte.")) var seed: UInt64 = 2026
        @Flag(help: .say("Erstat filen, hvis den findes.", "Replace the file if it exists.")) var force = false
        @OptionGroup(visibility: .hidden) var global: GlobalOptions

        func run() throws {
            let out = out ?? (messy ? "Snapshots/messy-agreement.ndjson.gz" : "Snapshots/demo-agreement.ndjson.gz")
            _ = try OutputFile(path: out, dataDirectory: global.directory, force: force)
            let trailer = try DemoAgreement(seed: seed, size: messy ? .messy : .demo, messy: messy).write(to: out)
            print("\(Speech.say("skrev", "wrote")) \(out): \(SnapshotCommand.records(trailer.records)), sha256 \(trailer.sha256)")
        }
    }
}
