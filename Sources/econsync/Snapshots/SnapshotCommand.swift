import ArgumentParser
import Foundation
import Snapshot

/// `econsync snapshot …`: the compressed snapshots of e-conomic's state.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: Speech.say(
            "Undersøg, kontrollér, sammenlign og gem komprimerede øjebliksbilleder af e-conomic.",
            "Inspect, verify, compare and keep compressed snapshots of e-conomic."),
        discussion: Speech.say("""
            Et øjebliksbillede er en gzip-fil med NDJSON: en hovedlinje, poster sorteret efter type og nøgle \
            og en afslutning med antal og SHA-256 (se Snapshots/README.md). `zcat FIL` viser det.
            """, """
            A snapshot is a gzip file of NDJSON: a header line, records sorted by kind and key, \
            and a trailer with counts and SHA-256 (see Snapshots/README.md). `zcat FILE` shows it.
            """),
        subcommands: [List.self, Show.self, Verify.self, Diff.self, Stats.self, Take.self, Import.self, Prune.self, Pack.self, Demo.self])

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
}

extension SnapshotCommand {
    /// `4 records` (`4 poster`, `1 post`), as econsync speaks.
    static func records(_ count: Int) -> String {
        Speech.count(count, "post", "poster", "record")
    }
}
