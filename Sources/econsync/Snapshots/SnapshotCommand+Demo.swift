import ArgumentParser
import Foundation
import Snapshot
import Workbench

extension SnapshotCommand {
    /// `econsync snapshot demo`: writes the embedded demo agreement.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the deterministic Danish demo agreement as a snapshot (the file checked in under Snapshots/).",
            discussion: Examples.text("econsync snapshot demo --out demo.ndjson.gz", "econsync snapshot demo --messy --seed 7 --out m.ndjson.gz"))

        @Option(help: "Where to write it (default: Snapshots/demo-agreement.ndjson.gz, or Snapshots/messy-agreement.ndjson.gz with --messy).")
        var out: String?
        @Flag(help: ArgumentHelp("The messy agreement: 2,000 customers and 300 products as real agreements hold them (odd CVRs, "
                                 + "e-mail lists, negative prices, product numbers paths must escape, fields econsync does not model)."))
        var messy = false
        @Option(help: "Random seed; the default gives the checked-in file byte for byte.") var seed: UInt64 = 2026
        @Flag(help: "Replace the file if it exists.") var force = false
        @OptionGroup(visibility: .hidden) var global: GlobalOptions

        func run() throws {
            let out = out ?? (messy ? "Snapshots/messy-agreement.ndjson.gz" : "Snapshots/demo-agreement.ndjson.gz")
            _ = try OutputFile(path: out, dataDirectory: global.directory, force: force)
            let trailer = try DemoAgreement(seed: seed, size: messy ? .messy : .demo, messy: messy).write(to: out)
            print("wrote \(out): \(Output.count(trailer.records, "record")), sha256 \(trailer.sha256)")
        }
    }
}
