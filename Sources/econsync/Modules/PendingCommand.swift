import ArgumentParser
import Foundation
import Replica
import Sync
import Vocabulary

/// `econsync pending`: every record not in e-conomic as the replica has it,
/// each with the reasons and what to do that `econsync why` gives (the panel's "Venter").
struct PendingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pending",
        abstract: Speech.say(
            "Vis alle poster, der ikke er i e-conomic, som replikaen har dem, hver med alle grunde og hvad du kan gøre (`why` for dem alle).",
            "List every record not in e-conomic as the replica has it, each with every reason and what to do (`why` for all of them)."),
        discussion: Examples.text("econsync pending", "econsync pending --module projectEntries", "econsync pending --limit 20 --json", after: Speech.say("""
            Posterne kommer efter type og derefter lokalt id; ud over --limit tælles de uden at blive vist. --json giver \
            den form, administrationspanelets /api/pending giver: {"records": [hver, som `econsync why --json` giver \
            den], "total": N}.
            """, """
            The records come by kind, then local id; past --limit they are counted, not listed. --json gives the shape \
            the admin panel's /api/pending gives: {"records": [each as `econsync why --json` gives it], "total": N}.
            """)))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: .say("Kun dette moduls poster.", "Only this module's records.")) var module: Module?
    @Option(help: .say(
        "Højst så mange poster vist (alle ventende tælles med).",
        "At most this many records listed (every waiting one is counted).")) var limit = 500

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit skal være 1 eller mere", "--limit must be 1 or more") }
    }

    func run() throws {
        let replica = try global.openReplica()
        let agreement = try? global.credentialsFile.load().agreementNumber
        let pending = try PendingRecords(replica: replica, agreement: agreement, modules: module.map { [$0] } ?? Set(Module.allCases), limit: limit)
        if output.json { return try Output.json(PendingRecords.Report(pending)) }
        guard pending.total > 0 else { return print(PendingRecords.nothingWaits(Speech.language)) }
        pending.records.forEach(WhyCommand.explain)
        let total = pending.total
        print(pending.shown(Speech.language) ?? Speech.say(total == 1 ? "1 post venter" : "\(total) poster venter", total == 1 ? "1 record waits" : "\(total) records wait"))
    }
}
