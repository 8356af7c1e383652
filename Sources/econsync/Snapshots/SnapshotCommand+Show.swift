import ArgumentParser
import Foundation
import Snapshot

extension SnapshotCommand {
    /// `econsync snapshot show FILE`: the records of a snapshot, optionally one kind or key.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a snapshot's header and records (verified as they are read).",
            discussion: Examples.text("econsync snapshot show @latest --kind customer", "econsync snapshot show @base --kind product --key 1001"))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp(SnapshotName.help, valueName: "snapshot")) var file: String
        @Option(help: "Only records of this kind.") var kind: String?
        @Option(help: "Only the record with this key (needs --kind).") var key: String?

        func validate() throws {
            if key != nil && kind == nil { throw ValidationError("--key needs --kind") }
        }

        func wanted(_ line: RecordLine) -> Bool {
            (kind == nil || line.kind == kind) && (key == nil || line.key.description == key)
        }

        func run() throws {
            let reader = try SnapshotChain.open(try SnapshotName.path(file, global: global))
            var records: [Record] = []
            var matched = 0
            while let line = try reader.next() {
                guard wanted(line) else { continue }
                matched += 1
                if output.json {
                    records.append(try line.record())
                } else {
                    print(String(decoding: line.bytes, as: UTF8.self))
                }
            }
            if output.json {
                try Output.json(ShowReport(header: .init(reader.header), records: records.map(RecordReport.init)))
            } else if matched == 0 && (kind != nil || key != nil) {
                Output.info("no record matches")
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

extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let text):
            if let int = Int64(text) { try container.encode(int) } else { try container.encode(Decimal(string: text) ?? 0) }
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let fields): try container.encode(fields)
        }
    }
}
