import ArgumentParser
import Foundation
import Replica

/// `econsync conflicts`: the conflict journal.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List the decisions on fields changed on both sides: the values, the winner, and the rule.",
            discussion: Examples.text("econsync conflicts", "econsync conflicts --since 2026-11-01 --json"))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var table: TableOptions
    @Option(help: ArgumentHelp("Only decisions at or after this time (2026-11-02 or 2026-11-02T08:00:00Z).", valueName: "time"))
    var since: String?

    func validate() throws {
        if let since, Timestamp.bound(since) == nil {
            throw ValidationError("--since \(since) is not a date (2026-11-02) or a UTC time (2026-11-02T08:00:00Z)")
        }
    }

    func run() throws {
        let entries = try global.openReplica().conflicts(since: since.flatMap { Timestamp.bound($0) })
        if output.json { return try Output.json("conflicts", entries.map(ConflictReport.init)) }
        if entries.isEmpty { return print("no conflicts\(since.map { " since \($0)" } ?? "")") }
        // The three values are wide by nature: shown with --wide (and in --json).
        let rows = entries.map {
            [LocalTime.string($0.decidedAt), $0.module, "\($0.kind) \($0.recordKey)", $0.field, $0.winner, $0.rule,
             $0.baseValue ?? "-", $0.localValue ?? "-", $0.remoteValue ?? "-"]
        }
        Output.table(["DECIDED", "MODULE", "RECORD", "FIELD", "WINNER", "RULE", "BASE", "MOBILPLAN", "E-CONOMIC"], rows, cut: [2, 3, 5],
                     columns: table.wide ? nil : Array(0..<6), fit: table.width)
    }
}
