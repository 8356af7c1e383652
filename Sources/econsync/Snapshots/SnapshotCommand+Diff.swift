import ArgumentParser
import Foundation
import Snapshot

extension SnapshotCommand {
    /// `econsync snapshot diff A B`: what changed between two snapshots.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Speech.say(
                "Sammenlign to øjebliksbilleder: poster tilføjet, fjernet og ændret pr. type, med de ændrede felter.",
                "Compare two snapshots: records added, removed and changed per kind, with the changed fields."),
            discussion: Examples.text("econsync snapshot diff @base @latest", "econsync snapshot diff @base @latest --kind customer --json", after: Speech.say(
                "Afslutningskode 0, uanset om de er forskellige; 1, når en fil er beskadiget.",
                "Exit code 0 whether or not they differ; 1 when a file is damaged.")))

        @OptionGroup(visibility: .hidden) var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: .say(
            "Det ældste øjebliksbillede (en fil, en fil, som `snapshot list` viser den, @latest eller @base).",
            "The older snapshot (a file, a file as `snapshot list` shows it, @latest or @base).")) var old: String
        @Argument(help: .say("Det nyeste øjebliksbillede (det samme).", "The newer snapshot (the same).")) var new: String
        @Option(name: .customLong("kind"), help: .say(
            "Kun denne type (gentag for flere).",
            "Only this kind (repeat for several).")) var kinds: [String] = []

        struct Report: Encodable {
            var old: String
            var new: String
            var kinds: [KindCounts]
            var changes: [ChangeReport]
        }

        struct KindCounts: Encodable {
            var kind: String
            var added: Int
            var removed: Int
            var changed: Int
            var unchanged: Int
        }

        struct ChangeReport: Encodable {
            var change: String
            var kind: String
            var key: JSONValue
            var fields: [FieldReport]?
            var data: JSONValue?
        }

        struct FieldReport: Encodable {
            var field: String
            var old: JSONValue?
            var new: JSONValue?
        }

        func run() throws {
            var changes: [ChangeReport] = []
            let (older, newer) = (try SnapshotName.path(old, global: global), try SnapshotName.path(new, global: global))
            let summary = try SnapshotDiff.compare(older, newer, kinds: kinds.isEmpty ? nil : Set(kinds)) { change in
                let report = Self.report(change)
                if output.json { changes.append(report) } else { print(Self.line(report)) }
            }
            let names = Set(summary.added.keys).union(summary.removed.keys).union(summary.changed.keys).union(summary.unchanged.keys)
            let counts = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { kind in
                KindCounts(kind: kind, added: summary.added[kind] ?? 0, removed: summary.removed[kind] ?? 0,
                           changed: summary.changed[kind] ?? 0, unchanged: summary.unchanged[kind] ?? 0)
            }
            if output.json { return try Output.json(Report(old: old, new: new, kinds: counts, changes: changes)) }
            if summary.isEmpty { print(Speech.say("ingen forskelle", "no differences")) }
            Output.table(Speech.language == .da ? ["ART", "TILFØJET", "FJERNET", "ÆNDRET", "UÆNDRET"] : ["KIND", "ADDED", "REMOVED", "CHANGED", "UNCHANGED"],
                         counts.map { [$0.kind, String($0.added), String($0.removed), String($0.changed), String($0.unchanged)] },
                         rightAligned: [1, 2, 3, 4], fit: nil)
        }

        static func report(_ change: SnapshotDiff.Change) -> ChangeReport {
            switch change {
            case .added(let record):
                ChangeReport(change: "added", kind: record.kind, key: record.key.json, data: .object(record.data))
            case .removed(let record):
                ChangeReport(change: "removed", kind: record.kind, key: record.key.json, data: .object(record.data))
            case .changed(_, let record, let fields):
                ChangeReport(change: "changed", kind: record.kind, key: record.key.json,
                             fields: fields.map { FieldReport(field: $0.path, old: $0.old, new: $0.new) })
            }
        }

        /// `+ customer 1042 {…}`, `- product 10003 {…}`, `~ customer 1001 city: "Aarhus C" → "Vejle"`.
        static func line(_ report: ChangeReport) -> String {
            let subject = "\(report.kind) \(report.key.keyText)"
            switch report.change {
            case "added": return "+ \(subject) \(report.data?.description ?? "")"
            case "removed": return "- \(subject) \(report.data?.description ?? "")"
            default:
                let fields = (report.fields ?? []).map { "\($0.field): \($0.old?.description ?? "(none)") → \($0.new?.description ?? "(none)")" }
                return "~ \(subject) " + fields.joined(separator: "; ")
            }
        }
    }
}
