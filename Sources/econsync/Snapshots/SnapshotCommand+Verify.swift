import ArgumentParser
import Foundation
import Snapshot

extension SnapshotCommand {
    /// `econsync snapshot verify FILE`: reads a snapshot to the end and checks everything.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Kontrollér et øjebliksbillede: gzip-strøm, hoved, rækkefølge, kanoniske poster, antal og SHA-256. Afslutter med 1 ved enhver fejl.",
                "Check a snapshot: gzip stream, header, order, canonical records, counts and SHA-256. Exits 1 on any defect."),
            discussion: Examples.text("econsync snapshot verify snapshot.ndjson.gz", "econsync snapshot verify a.ndjson.gz b.ndjson.gz --json"))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: .say(
            "Øjebliksbillederne: filer, filer, som `snapshot list` viser dem, @latest eller @base.",
            "The snapshots: files, files as `snapshot list` shows them, @latest or @base.", valueName: "snapshot"))
        var files: [String]

        struct Report: Encodable {
            var file: String
            var ok: Bool
            var records: Int?
            var counts: [String: Int]?
            var sha256: String?
            var error: String?
            var code: String?
            /// For a delta: the snapshot it builds on.
            var base: String?
            /// The error as econsync prints it (in the language it speaks); `error` is its English words.
            var said: String?

            enum CodingKeys: String, CodingKey { case file, ok, records, counts, sha256, error, code, base }
        }

        func run() throws {
            var reports: [Report] = []
            for name in files {
                let path = try SnapshotName.path(name, global: global)
                // A file as given; a name (@latest, a store file) as the file it names.
                let file = FileManager.default.fileExists(atPath: name) ? name : path
                do {
                    let (header, trailer) = try SnapshotReader.verify(path: file, strict: true)
                    // A delta is sound when its bases are there and sound too; its counts are those of the whole state.
                    let counts = header.mode == .delta ? try SnapshotChain.verify(path: file).counts : trailer.counts
                    reports.append(Report(file: file, ok: true, records: counts.values.reduce(0, +), counts: counts, sha256: trailer.sha256,
                                          base: header.base))
                } catch let error as SnapshotError {
                    reports.append(Report(file: file, ok: false, error: error.description, code: error.code.rawValue, said: error.commandLineText))
                }
            }
            if output.json {
                try Output.json("snapshots", reports)
            } else {
                for report in reports {
                    if report.ok {
                        let over = report.base.map {
                            Speech.say(" (et delta oven på \(SnapshotName.shown($0)), kontrolleret sammen med det)", " (a delta over \(SnapshotName.shown($0)), verified with it)")
                        } ?? ""
                        print("\(report.file): ok, \(SnapshotCommand.records(report.records ?? 0))\(over), sha256 \(report.sha256 ?? "")")
                    } else {
                        FileHandle.standardError.write(Data("\(Speech.say("fejl", "error")): \(report.said ?? report.error ?? "")\n".utf8))
                    }
                }
            }
            if reports.contains(where: { !$0.ok }) { throw ExitCode.failure }
        }
    }
}
