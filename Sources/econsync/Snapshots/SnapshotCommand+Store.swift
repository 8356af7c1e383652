import ArgumentParser
import Foundation
import Replica
import Snapshot
import Sync

extension GlobalOptions {
    /// The snapshot store of the data directory.
    func snapshotStore(readOnly: Bool = false) throws -> SnapshotStore {
        try workspace().snapshotStore(readOnly: readOnly)
    }
}

extension SnapshotCommand {
    /// `econsync snapshot list`: the snapshots in the store.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Speech.say(
            "Vis øjebliksbillederne i datamappens lager.",
            "List the snapshots in the data directory's store."),
            discussion: Examples.text("econsync snapshot list", "econsync snapshot list --all --json"))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var table: TableOptions
        @Option(help: .say("Kun denne aftale.", "Only this agreement.")) var agreement: Int?
        @Flag(help: .say(
            "Også øjebliksbillederne fra kørsler af enkelte moduler og de grundlag, de efterlod (synkroniseringens eget arbejde).",
            "Also the snapshots of single-module runs and the bases they left behind (the sync's own workings)."))
        var all = false

        func run() throws {
            let (entries, hidden) = try global.snapshotStore(readOnly: true).listing(agreement: agreement, all: all)
            if output.json { return try Output.json("snapshots", entries.map(SnapshotEntryReport.init)) }
            let rows = entries.map { entry in
                let needs = [entry.baseFor.map { Speech.say("grundlag for ", "base of ") + $0 },
                             entry.auditReferences > 0 ? Speech.say("\(entry.auditReferences) revision(er)", "\(entry.auditReferences) audit(s)") : nil]
                return [SnapshotName.shown(entry.file), entry.mode, String(entry.records), String(entry.bytes), needs.compactMap { $0 }.joined(separator: ", "),
                        String(entry.agreement), LocalTime.string(entry.takenAt)]
            }
            // The file names the snapshot for `snapshot show` and carries its time: 80 columns hold it whole.
            let header = Speech.language == .da ? ["FIL", "TYPE", "POSTER", "BYTES", "BRUGES AF", "AFTALE", "TAGET"]
                : ["FILE", "MODE", "RECORDS", "BYTES", "NEEDED BY", "AGREEMENT", "TAKEN AT"]
            Output.table(header, rows, rightAligned: [2, 3], cut: [4],
                         columns: table.wide ? nil : [0, 1, 2, 3, 4], fit: table.width)
            if hidden > 0 {
                print(Speech.language == .da ? "(\(Speech.count(hidden, "øjebliksbillede", "øjebliksbilleder", "snapshot")) fra modulkørsler vises ikke; --all viser dem)"
                    : "(\(Output.count(hidden, "snapshot")) of module runs not shown; --all lists them)")
            }
        }
    }

    /// `econsync snapshot import FILE`: adds a snapshot file to the store.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Speech.say(
            "Kontrollér en øjebliksbilledfil, og læg en kopi af den i lageret.",
            "Verify a snapshot file and add a copy of it to the store."),
            discussion: Examples.text("econsync snapshot import old.ndjson.gz", "econsync snapshot import a.ndjson.gz b.ndjson.gz"))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: .say("Øjebliksbilledfilerne.", "The snapshot files.")) var files: [String]

        func run() throws {
            let store = try global.snapshotStore()
            let entries = try files.map { try store.add(copyOf: $0) }
            if output.json { return try Output.json("snapshots", entries.map(SnapshotEntryReport.init)) }
            for entry in entries {
                print(Speech.say("tilføjet \(entry.file): aftale \(entry.agreement), ", "added \(entry.file): agreement \(entry.agreement), ")
                      + SnapshotCommand.records(entry.records))
            }
        }
    }

    /// `econsync snapshot prune --keep N`: deletes old snapshots no one needs.
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Slet alle undtagen de nyeste N øjebliksbilleder af hver aftale; aldrig et, en afstemning eller en revision stadig har brug for.",
                "Delete all but the newest N snapshots of each agreement; never one a reconcile or an audit still needs."),
            discussion: Examples.text("econsync snapshot prune --keep 10 --dry-run", "econsync snapshot prune --keep 10"))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(parsing: .unconditional, help: .say(
            "Hvor mange af hver aftales nyeste øjebliksbilleder der skal beholdes.",
            "How many of each agreement's newest snapshots to keep.")) var keep: Int
        @Flag(name: .customLong("dry-run"), help: .say(
            "Sig kun, hvad der ville blive slettet.",
            "Only say what would be deleted.")) var dryRun = false

        func validate() throws {
            if keep < 0 { throw ValidationError("--keep skal være 0 eller mere", "--keep must be 0 or more") }
        }

        func run() throws {
            let store = try global.snapshotStore()
            let removed = try store.prune(keep: keep, dryRun: dryRun)
            // Merged bases a crash left unindexed go too (never in a dry run).
            let orphans = dryRun ? [] : try store.removeOrphanedBases(now: try GlobalOptions.clock()())
            if output.json { return try Output.json(PruneReport(removed: removed.map(\.file) + orphans, dryRun: dryRun)) }
            if removed.isEmpty && orphans.isEmpty { print(Speech.say("intet at rydde op", "nothing to prune")) }
            for entry in removed { print("\(dryRun ? Speech.say("ville slette", "would delete") : Speech.say("slettet", "deleted")) \(entry.file)") }
            for file in orphans {
                print(Speech.say("slettet \(file) (et grundlag, der aldrig blev registreret: kørslen blev afbrudt)", "deleted \(file) (a base never indexed: its run was cut off)"))
            }
        }
    }

    struct PruneReport: Encodable {
        var removed: [String]
        var dryRun: Bool
    }
}
