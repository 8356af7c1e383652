import ArgumentParser
import Foundation
import Replica
import Sync
import Vocabulary

/// `econsync conflicts`: the conflict journal.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: Speech.say(
            "Vis afgørelserne om felter, der er ændret på begge sider: værdierne, vinderen og reglen.",
            "List the decisions on fields changed on both sides: the values, the winner, and the rule."),
            discussion: Examples.text("econsync conflicts", "econsync conflicts --since 2026-11-01 --json", "econsync conflicts --module customers"))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var table: TableOptions
    @Option(help: .say(
        "Kun afgørelser på eller efter dette tidspunkt (2026-11-02 eller 2026-11-02T08:00:00Z).",
        "Only decisions at or after this time (2026-11-02 or 2026-11-02T08:00:00Z).", valueName: "time"))
    var since: String?
    @Option(help: .say("Kun dette moduls afgørelser.", "Only this module's decisions.")) var module: Module?

    func validate() throws {
        if let since, Timestamp.bound(since) == nil {
            throw ValidationError("--since \(since) er hverken en dato (2026-11-02) eller et UTC-tidspunkt (2026-11-02T08:00:00Z)",
                                  "--since \(since) is not a date (2026-11-02) or a UTC time (2026-11-02T08:00:00Z)")
        }
    }

    func run() throws {
        let entries = try global.openReplica().conflicts(since: since.flatMap { Timestamp.bound($0) }, module: module?.rawValue)
        if output.json { return try Output.json("conflicts", entries.map(ConflictReport.init)) }
        if entries.isEmpty { return print(ConflictReport.none(since: since)) }
        // The three values are wide by nature: shown with --wide (and in --json).
        Output.table(ConflictReport.head, entries.map(ConflictReport.row), cut: [2, 3, 5], columns: table.wide ? nil : Array(0..<6), fit: table.width)
    }
}
