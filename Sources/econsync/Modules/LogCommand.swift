import ArgumentParser
import Foundation
import Replica
import Sync
import Vocabulary

/// `econsync log`: what the modules did, and what the office was told.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: Speech.say(
            "Vis kørselshistorikken: hver modulkørsel (start, slut, udfald, antal, API-kald, dens fejl) og de notifikationer, der er sendt eller holdt tilbage.",
            "Show the run history: each module run (start, end, outcome, counts, API calls, its errors) and the notifications sent or held back."),
        discussion: Examples.text("econsync log", "econsync log --module projectEntries --since 2026-11-01 --json",
                                  after: Speech.say(
                                      "Ældste først. En notifikation er `sent` (sendt), `recorded` (registreret: ingen mailindstillinger), "
                                          + "`failed` (mailen kunne ikke sendes) eller `suppressed` (holdt tilbage: en om samme modul og fejl "
                                          + "blev sendt inden for den seneste time).",
                                      "Oldest first. A notification is `sent`, `recorded` (no mail settings), `failed` (the mail could not be sent) or "
                                          + "`suppressed` (one about the same module and error went out within the hour).")))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var table: TableOptions
    @Option(help: .say("Kun dette modul.", "Only this module.")) var module: Module?
    @Option(help: .say(
        "Kun fra dette tidspunkt: en dag (ÅÅÅÅ-MM-DD) eller et UTC-tidspunkt (2026-11-02T08:00:00Z).",
        "Only from this time on: a day (YYYY-MM-DD) or a UTC time (2026-11-02T08:00:00Z).", valueName: "time"))
    var since: String?
    @Option(help: .say(
        "Højst så mange af de nyeste kørsler og af de nyeste notifikationer.",
        "At most this many of the newest runs, and of the newest notifications.")) var limit = 50

    func validate() throws {
        if let since, Timestamp.bound(since) == nil { throw ValidationError(
            "\(since) er hverken en dag (ÅÅÅÅ-MM-DD) eller et UTC-tidspunkt (2026-11-02T08:00:00Z)",
            "\(since) is neither a day (YYYY-MM-DD) nor a UTC time (2026-11-02T08:00:00Z)") }
        if limit < 1 { throw ValidationError("--limit skal være 1 eller mere", "--limit must be 1 or more") }
    }

    func run() throws {
        let context = try ModuleContext(global: global)
        let history = try context.scheduler.history(module: module, since: since.flatMap { Timestamp.bound($0) }, limit: limit)
        if output.json { return try Output.json(history) }
        guard !history.runs.isEmpty || !history.notifications.isEmpty else {
            return print(Speech.language == .da
                ? "ingen kørsel\(module.map { " af \($0.rawValue)" } ?? "")\(since.map { " siden \($0)" } ?? "")"
                : "no module run\(module.map { " of \($0.rawValue)" } ?? "")\(since.map { " since \($0)" } ?? "")")
        }
        // 80 columns hold a run's number, module, start, outcome and calls; --wide adds its end and what it did.
        let head = Speech.language == .da
            ? ["KØRSEL", "MODUL", "STARTET", "SLUT", "UDFALD", "HENT/SEND/SPRING/BLOK/KONFL", "KALD"]
            : ["RUN", "MODULE", "STARTED", "ENDED", "OUTCOME", "PULL/PUSH/SKIP/BLOCK/CONFL", "CALLS"]
        Output.table(head, history.runs.map { run in
            [String(run.id ?? 0), run.module + (run.full ? Speech.say(" (fuld)", " (full)") : "") + (run.forced ? Speech.say(" (tvunget)", " (forced)") : ""),
             LocalTime.string(run.startedAt), run.endedAt.map(LocalTime.string) ?? "-", run.outcome.words(Speech.language),
             "\(run.pulled)/\(run.pushed)/\(run.skipped)/\(run.blocked)/\(run.conflicts)", String(run.apiCalls)]
        }, rightAligned: [0, 6], cut: [], columns: table.wide ? nil : [0, 1, 2, 4, 6], fit: table.width)
        for run in history.runs {
            guard let error = run.error.map({ RunProblem(stored: $0).words(Speech.language) }) else { continue }
            let spoken = run.errorKind.map { SyncError.headed(error, kind: SyncError.Code($0)) } ?? error
            Output.line("\(Speech.say("kørsel", "run")) \(run.id ?? 0) (\(run.module)): \(spoken)")
        }
        guard !history.notifications.isEmpty else { return }
        print(Speech.say("\nbeskeder:", "\nnotifications:"))
        Output.table(Speech.language == .da ? ["TID", "MODUL", "FEJL", "TILSTAND", "EMNE"] : ["AT", "MODULE", "ERROR", "STATE", "SUBJECT"],
                     history.notifications.map { note in
            [LocalTime.string(note.at), note.module, note.errorKind, note.state.rawValue + (note.error.map { " (\($0))" } ?? ""), note.subject]
        }, fit: table.width)
    }
}
