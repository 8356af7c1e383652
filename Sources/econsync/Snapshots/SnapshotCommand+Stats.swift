import ArgumentParser
import Foundation
import Snapshot

extension SnapshotCommand {
    /// `econsync snapshot stats FILE`: sizes and counts.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Speech.say(
            "Vis et øjebliksbilledes hoved, antal poster og størrelser pr. type.",
            "Show a snapshot's header, record counts and sizes per kind."),
            discussion: Examples.text("econsync snapshot stats @latest", "econsync snapshot stats @base --json"))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp(SnapshotName.help, valueName: "snapshot")) var file: String

        struct Report: Encodable {
            var file: String
            var header: HeaderReport
            var records: Int
            var kinds: [KindReport]
            var compressedBytes: Int64
            var uncompressedRecordBytes: Int64
            var sha256: String
        }

        struct KindReport: Encodable {
            var kind: String
            var records: Int
            var bytes: Int64
        }

        func run() throws {
            let path = try SnapshotName.path(file, global: global)
            let reader = try SnapshotReader(path: path)
            var kinds: [String: KindReport] = [:]
            while let line = try reader.next() {
                kinds[line.kind, default: KindReport(kind: line.kind, records: 0, bytes: 0)].records += 1
                kinds[line.kind]!.bytes += Int64(line.bytes.count + 1)
            }
            let trailer = reader.trailer!
            for kind in reader.header.kinds where kinds[kind] == nil { kinds[kind] = KindReport(kind: kind, records: 0, bytes: 0) }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
            let rows = kinds.values.sorted { $0.kind.utf8.lexicographicallyPrecedes($1.kind.utf8) }
            let report = Report(file: file, header: HeaderReport(reader.header), records: trailer.records, kinds: rows, compressedBytes: size,
                                uncompressedRecordBytes: rows.reduce(0) { $0 + $1.bytes }, sha256: trailer.sha256)
            if output.json { return try Output.json(report) }
            report.header.lines(file).forEach { Output.line($0) }
            Output.table(Speech.language == .da ? ["ART", "POSTER", "BYTES"] : ["KIND", "RECORDS", "BYTES"], rows.map { [$0.kind, String($0.records), String($0.bytes)] }, rightAligned: [1, 2], fit: nil)
            let ratio = size > 0 ? Double(report.uncompressedRecordBytes) / Double(size) : 0
            print("\(SnapshotCommand.records(report.records)), \(report.uncompressedRecordBytes) "
                + Speech.say("bytes poster i \(size) komprimerede bytes ", "bytes of records in \(size) compressed bytes ")
                + "(\(String(format: "%.1f", ratio))×); sha256 \(trailer.sha256)")
        }
    }
}
