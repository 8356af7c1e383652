import ArgumentParser
import Foundation
import Snapshot

extension SnapshotCommand {
    /// `econsync snapshot verify FILE`: reads a snapshot to the end and checks everything.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a snapshot: gzip stream, header, order, canonical records, counts and SHA-256. Exits 1 on any defect.",
            discussion: Examples.text("econsync snapshot verify snapshot.ndjson.gz", "econsync snapshot verify a.ndjson.gz b.ndjson.gz --json"))

        @OptionGroup var output: OutputOptions
        @Argument(help: "The snapshot files.") var files: [String]

        struct Report: Encodable {
            var file: String
            var ok: Bool
            var records: Int?
            var counts: [String: Int]?
            var sha256: String?
            var error: String?
            var code: String?
        }

        func run() throws {
            var reports: [Report] = []
            for file in files {
                do {
                    let (_, trailer) = try SnapshotReader.verify(path: file, strict: true)
                    reports.append(Report(file: file, ok: true, records: trailer.records, counts: trailer.counts, sha256: trailer.sha256))
                } catch let error as SnapshotError {
                    reports.append(Report(file: file, ok: false, error: error.description, code: error.code.rawValue))
                }
            }
            if output.json {
                try Output.json(reports)
            } else {
                for report in reports {
                    if report.ok {
                        print("\(report.file): ok, \(Output.count(report.records ?? 0, "record")), sha256 \(report.sha256 ?? "")")
                    } else {
                        FileHandle.standardError.write(Data("error: \(report.error ?? "")\n".utf8))
                    }
                }
            }
            if reports.contains(where: { !$0.ok }) { throw ExitCode.failure }
        }
    }
}
