import ArgumentParser
import Foundation
import Replica
import Snapshot

extension SnapshotCommand {
    /// `econsync snapshot pack FILE`: makes a snapshot from record lines.
    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Lav et øjebliksbillede ud fra en NDJSON-fil med poster ({\"kind\":…,\"key\":…,\"data\":{…}}, i enhver rækkefølge og stavning).",
                "Make a snapshot from an NDJSON file of records ({\"kind\":…,\"key\":…,\"data\":{…}}, any order and spelling)."),
            discussion: Examples.text("econsync snapshot pack r.ndjson --out s.ndjson.gz --agreement 1118081", "econsync snapshot pack r.ndjson --out s.ndjson.gz --header-from @base", after: Speech.say(
                "Posterne sorteres og skrives kanonisk med en ny afslutning. Beregnet til fixtures og håndlavede testdata: posterne holdes i hukommelsen.",
                "The records are sorted and written canonically, with a fresh trailer. Meant for fixtures and hand-made test data: it holds the records in memory.")))

        @Argument(help: .say("NDJSON-filen med poster.", "The NDJSON file of records.")) var file: String
        @Option(help: .say("Hvor øjebliksbilledet skal skrives.", "Where to write the snapshot.")) var out: String
        @Option(name: .customLong("header-from"), help: .say(
            "Tag aftale, kilder, tidspunkt og tilstand fra dette øjebliksbilledes hoved.",
            "Take agreement, sources, time and mode from this snapshot's header.")) var headerFrom: String?
        @Option(help: .say("Aftalenummeret (uden --header-from).", "The agreement number (without --header-from).")) var agreement: Int?
        @Option(name: .customLong("taken-at"), help: .say(
            "Hvornår dataene blev læst, UTC (standard: nu).",
            "When the data was read, UTC (default: now).")) var takenAt: String?
        @Flag(help: .say("Erstat øjebliksbilledet, hvis det findes.", "Replace the snapshot if it exists.")) var force = false
        @OptionGroup(visibility: .hidden) var global: GlobalOptions

        func validate() throws {
            if headerFrom == nil && agreement == nil { throw ValidationError("giv --header-from SNAPSHOT eller --agreement N", "give --header-from SNAPSHOT or --agreement N") }
        }

        func run() throws {
            _ = try OutputFile(path: out, dataDirectory: global.directory, force: force)
            guard let text = String(data: try Data(contentsOf: URL(fileURLWithPath: file)), encoding: .utf8) else {
                throw CommandFailure("\(file): kan ikke læses som UTF-8-tekst", "\(file): cannot be read as UTF-8 text")
            }
            var records: [Record] = []
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                records.append(try Self.record(String(line), file: file, line: index + 1))
            }
            ProgressLine().show(Speech.say("læste \(SnapshotCommand.records(records.count)) fra \(file)", "read \(Output.count(records.count, "record")) from \(file)"))
            records.sort { $0.kind == $1.kind ? $0.key < $1.key : $0.kind.utf8.lexicographicallyPrecedes($1.kind.utf8) }
            var header: SnapshotHeader
            if let headerFrom {
                header = try SnapshotReader(path: headerFrom).header
            } else {
                header = SnapshotHeader(agreement: agreement!, takenAt: Timestamp.string(try GlobalOptions.clock()()), kinds: [])
            }
            if let takenAt { header.takenAt = takenAt }
            header = SnapshotHeader(agreement: header.agreement, sources: header.sources, takenAt: header.takenAt,
                                    kinds: Array(Set(header.kinds).union(records.map(\.kind))), mode: header.mode == .delta ? .full : header.mode,
                                    base: header.mode == .delta ? nil : header.base)
            let writer = try SnapshotWriter(path: out, header: header)
            let bar = ProgressBar(noun: Speech.say("poster", "records"), clock: try GlobalOptions.clock())
            for (index, record) in records.enumerated() {
                try writer.append(record)
                bar.update(done: index + 1, total: records.count)
            }
            let trailer = try writer.finish()
            print("\(Speech.say("skrev", "wrote")) \(out): \(SnapshotCommand.records(trailer.records)), sha256 \(trailer.sha256)")
        }

        static func record(_ line: String, file: String, line number: Int) throws -> Record {
            let value: JSONValue
            do {
                value = try CanonicalJSON.parse(line)
            } catch {
                throw CommandFailure("\(file):\(number): ikke gyldig JSON: \(error)", "\(file):\(number): not valid JSON: \(error)")
            }
            guard let kind = value["kind"]?.stringValue, let key = value["key"].flatMap(RecordKey.init), let data = value["data"]?.objectValue else {
                throw CommandFailure("\(file):\(number): forventede {\"kind\": TEKST, \"key\": TAL eller TEKST, \"data\": {…}}",
                                     "\(file):\(number): expected {\"kind\": TEXT, \"key\": NUMBER or TEXT, \"data\": {…}}")
            }
            return Record(kind: kind, key: key, entity: data)
        }
    }
}
