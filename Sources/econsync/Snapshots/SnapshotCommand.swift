import ArgumentParser
import Foundation
import Snapshot

/// `econsync snapshot …`: the compressed snapshots of e-conomic's state.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Inspect, verify, compare and keep compressed snapshots of e-conomic.",
        discussion: """
            A snapshot is a gzip file of NDJSON: a header line, records sorted by kind and key, \
            and a trailer with counts and SHA-256 (see Snapshots/README.md). `zcat FILE` shows it.
            """,
        subcommands: [List.self, Show.self, Verify.self, Diff.self, Stats.self, Take.self, Import.self, Prune.self, Pack.self, Demo.self])

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
}

extension SnapshotCommand {
    /// `4 records` (`4 poster`, `1 post`), as econsync speaks.
    static func records(_ count: Int) -> String {
        Speech.count(count, "post", "poster", "record")
    }
}
