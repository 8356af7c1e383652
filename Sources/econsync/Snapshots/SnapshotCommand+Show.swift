import ArgumentParser
import Foundation
import Replica
import Snapshot

extension SnapshotCommand {
    /// `econsync snapshot show FILE`: the records of a snapshot, optionally one kind or key.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Speech.say(
            "Skriv et øjebliksbilledes hoved og poster (kontrolleres, mens de læses).",
            "Print a snapshot's header and records (verified as they are read)."),
            discussion: Examples.text("econsync snapshot show @latest --kind customer", "econsync snapshot show @base --kind product --key 1001",
                                      "econsync snapshot show @latest --raw > records.ndjson", after: Speech.say("""
                En tabel pr. type: hver posts nøgle, navn og andre felter (tilpasset 80 kolonner; --wide skriver dem hele). \
                --raw skriver posterne, som øjebliksbilledet har dem, én JSON-linje hver; --json hovedet og posterne som ét objekt.
                """, """
                A table per kind: each record's key, name and other fields (fitting 80 columns; --wide prints them whole). \
                --raw prints the records as the snapshot holds them, one JSON line each; --json the header and records as one object.
                """)))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var table: TableOptions
        @Argument(help: ArgumentHelp(SnapshotName.help, valueName: "snapshot")) var file: String
        @Option(help: .say("Kun poster af denne type.", "Only records of this kind.")) var kind: String?
        @Option(help: .say("Kun posten med denne nøgle (kræver --kind).", "Only the record with this key (needs --kind).")) var key: String?
        @Flag(help: .say(
            "Skriv hver post, som øjebliksbilledet har den: én JSON-linje (NDJSON).",
            "Print each record as the snapshot holds it: one JSON line (NDJSON).")) var raw = false

        func validate() throws {
            if key != nil && kind == nil { throw ValidationError("--key kræver --kind", "--key needs --kind") }
            if raw && output.json { throw ValidationError("--raw og --json: vælg én af dem", "--raw and --json: choose one") }
        }

        func wanted(_ line: RecordLine) -> Bool {
            (kind == nil || line.kind == kind) && (key == nil || line.key.description == key)
        }

        func run() throws {
            let reader = try SnapshotChain.open(try SnapshotName.path(file, global: global))
            var records: [Record] = []
            var rows = RecordTable(width: table.width)
            var matched = 0
            if !raw && !output.json { HeaderReport(reader.header).lines(file).forEach { Output.line($0) } }
            while let line = try reader.next() {
                guard wanted(line) else { continue }
                matched += 1
                if output.json {
                    records.append(try line.record())
                } else if raw {
                    print(String(decoding: line.bytes, as: UTF8.self))
                } else {
                    rows.add(try line.record())
                }
            }
            rows.finish()
            if output.json {
                try Output.json(ShowReport(header: .init(reader.header), records: records.map(RecordReport.init)))
            } else if matched == 0 && (kind != nil || key != nil) {
                Output.info(Speech.say("ingen post passer", "no record matches"))
            }
        }
    }

    struct ShowReport: Encodable {
        var header: HeaderReport
        var records: [RecordReport]
    }

    struct HeaderReport: Encodable {
        var agreement: Int
        var takenAt: String
        var mode: String
        var kinds: [String]
        var base: String?
        var sources: [String: String]

        init(_ header: SnapshotHeader) {
            agreement = header.agreement
            takenAt = header.takenAt
            mode = header.mode.rawValue
            kinds = header.kinds
            base = header.base
            sources = header.sources
        }

        /// `FILE: agreement N, MODE snapshot taken TIME` (in the local zone), and the snapshot it builds on, as `show` and `stats` begin.
        func lines(_ file: String) -> [String] {
            Speech.language == .da
                ? ["\(file): aftale \(agreement), øjebliksbillede (\(mode)) taget \(LocalTime.string(takenAt))"] + (base.map { ["bygger på \($0)"] } ?? [])
                : ["\(file): agreement \(agreement), \(mode) snapshot taken \(LocalTime.string(takenAt))"] + (base.map { ["based on \($0)"] } ?? [])
        }
    }

    struct RecordReport: Encodable {
        var kind: String
        var key: JSONValue
        var data: JSONValue

        init(_ record: Record) {
            kind = record.kind
            key = record.key.json
            data = .object(record.data)
        }
    }
}
