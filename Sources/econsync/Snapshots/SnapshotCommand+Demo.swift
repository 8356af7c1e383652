import ArgumentParser
import Foundation
import Snapshot

extension SnapshotCommand {
    /// `econsync snapshot demo`: writes the embedded demo agreement.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the deterministic Danish demo agreement as a snapshot (the file checked in under Snapshots/).")

        @Option(help: "Where to write it.") var out = "Snapshots/demo-agreement.ndjson.gz"
        @Option(help: "Random seed; the default gives the checked-in file byte for byte.") var seed: UInt64 = 2026
        @Flag(help: "Replace the file if it exists.") var force = false
        @OptionGroup var global: GlobalOptions

        func run() throws {
            _ = try OutputFile(path: out, dataDirectory: global.directory, force: force)
            let trailer = try DemoAgreement(seed: seed, size: .demo).write(to: out)
            print("wrote \(out): \(Output.count(trailer.records, "record")), sha256 \(trailer.sha256)")
        }
    }
}
