import Vocabulary
import ArgumentParser
import Foundation
import Replica

/// `econsync local changes`: the change log.
struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Speech.say("Vis ændringer logget efter et løbenummer.", "List changes logged after a sequence number."),
        discussion: Examples.text("econsync local changes --since 120", "econsync local changes --since 0 --limit 20 --json", after: Speech.say(
            "Hver oprettelse, ændring og sletning af en post logges i samme transaktion som ændringen.",
            "Every insert, update and delete of a record is logged in the same transaction as the change.")))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var table: TableOptions
    @Option(parsing: .unconditional, help: .say(
        "Kun ændringer efter dette løbenummer.",
        "Only changes after this sequence number.")) var since: Int64 = 0
    @Option(parsing: .unconditional, help: .say("Højst så mange ændringer.", "At most this many changes.")) var limit: Int?

    func validate() throws {
        if since < 0 { throw ValidationError("--since skal være 0 eller mere", "--since must be 0 or more") }
        if let limit, limit < 1 { throw ValidationError("--limit skal være 1 eller mere", "--limit must be 1 or more") }
    }

    func run() throws {
        let changes = try global.openReplica().changes(since: since, limit: limit)
        if output.json { return try Output.json("changes", changes) }
        Output.table(LocalColumn.headings([.sequence, .kind, .row, .operation, .at]),
                     changes.map { [String($0.seq), LocalWords.kind($0.kind), String($0.row), LocalWords.operation($0.operation), LocalTime.string($0.at)] },
                     rightAligned: [0, 2], fit: table.width)
    }
}

/// `econsync local unsynced`: records changed since the last reconcile.
struct Unsynced: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Speech.say(
            "Vis poster, hvis tilknyttede felter er ændret siden seneste synkronisering (eller som aldrig er synkroniseret).",
            "List records whose mapped fields changed since they were last synced (or were never synced)."),
            discussion: Examples.text("econsync local unsynced", "econsync local unsynced --kind timeEntry --json"))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var table: TableOptions
    @Option(help: .say(
        "Kun denne type (\(Kind.allCases.map(\.rawValue).joined(separator: ", "))).",
        "Only this kind (\(Kind.allCases.map(\.rawValue).joined(separator: ", "))).")) var kind: Kind?

    struct Entry: Encodable {
        var kind: Kind
        var ids: [Int64]
    }

    func run() throws {
        let store = try global.openReplica()
        let entries = try (kind.map { [$0] } ?? Kind.allCases).map { Entry(kind: $0, ids: try store.unsyncedRows($0)) }
        if output.json { return try Output.json("unsynced", entries.filter { !$0.ids.isEmpty }) }
        Output.table(LocalColumn.headings([.kind, .unsynced, .ids]), entries.filter { !$0.ids.isEmpty }.map { entry in
            let shown = entry.ids.prefix(10).map(String.init).joined(separator: ",")
            return [LocalWords.kind(entry.kind), String(entry.ids.count), entry.ids.count > 10 ? shown + ",…" : shown]
        }, rightAligned: [1], fit: table.width)
    }
}

/// `econsync local import FILE`: bulk import, all or nothing.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Speech.say(
            "Importér poster fra Mobilplans side fra en NDJSON-fil, alt eller intet.",
            "Import Mobilplan-side records from an NDJSON file, all or nothing."),
        discussion: Examples.text("econsync local import mobilplan-export.ndjson", "econsync local import day.ndjson --json", after: Speech.say("""
            Én post pr. linje: {"kind": TYPE, "ref": ALIAS, "data": {FELTER}}. Referencer tager et \
            lokalt id, e:NØGLE, n:NUMMER eller @ALIAS fra en tidligere linje. Ved enhver fejl importeres intet, \
            og den linje, der fejler, nævnes.
            """, """
            One record per line: {"kind": KIND, "ref": ALIAS, "data": {FIELDS}}. References take a \
            local id, e:KEY, n:NUMBER or @ALIAS of an earlier line. On any error nothing is imported \
            and the failing line is named.
            """)))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: .say("NDJSON-filen.", "The NDJSON file.")) var file: String

    func run() throws {
        let summary = try global.openReplica().importRecords(from: URL(fileURLWithPath: file))
        if output.json { return try Output.json(summary) }
        let total = summary.created.values.reduce(0, +)
        print(Speech.say("importerede \(Output.count(total, "post", plural: "poster")) fra \(file)", "imported \(total) records from \(file)"))
        for (kind, count) in summary.created.sorted(by: { $0.key < $1.key }) { print("  \(Kind(rawValue: kind).map(LocalWords.kind) ?? kind): \(count)") }
    }
}

