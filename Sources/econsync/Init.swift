import ArgumentParser
import Foundation
import Sync

/// `econsync init`: creates the data directory and its replica.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Speech.say("Opret datamappen og dens lokale replika (eller opgradér en eksisterende).",
                             "Create the data directory and its local replica (or upgrade an existing one)."),
            discussion: Examples.text("econsync init", Examples.noted("econsync init --data-dir /srv/econsync", "en anden datamappe", "another data directory")))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        var dataDir: String
        var replica: String
        var schemaVersion: Int
        var created: Bool
    }

    func run() throws {
        let result = try global.workspace().initialise()
        let report = Report(dataDir: global.directory.path, replica: result.replica.path, schemaVersion: result.schemaVersion,
                            created: result.created)
        if output.json { return try Output.json(report) }
        print(!result.created
              ? Speech.say("replikaen i \(report.replica) er klar (skemaversion \(report.schemaVersion))",
                           "replica at \(report.replica) is ready (schema version \(report.schemaVersion))")
              : Speech.say("replikaen er oprettet i \(report.replica) (skemaversion \(report.schemaVersion))",
                           "created replica at \(report.replica) (schema version \(report.schemaVersion))"))
    }
}
