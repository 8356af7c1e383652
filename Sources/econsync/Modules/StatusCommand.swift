import ArgumentParser
import Foundation
import Replica
import Sync

/// `econsync status`: every module's state.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: Speech.say(
            "Vis hvert synkroniseringsmoduls tilstand, seneste og næste kørsel, hvad seneste kørsel gjorde, og dets seneste fejl.",
            "Show each sync module's state, last and next run, what its last run did, and its last error."),
        discussion: Examples.text("econsync status", Examples.noted("econsync status --json", "afslutningskode 1 eller 4, når noget kræver dig", "exit 1 or 4 when something needs you"), after: Speech.say("""
            Tilstande: idle (klar), running (kører), failed (fejlet; forsøges igen, når det er tid), disabled (slået fra \
            i konfigurationen), needs reconnect (skal forbindes igen: e-conomics token er udløbet; kør \
            `econsync reconnect`). Et modul, der har vist "kører" i over 12 timer, stoppes og frigives.

            Til overvågning siger afslutningskoden, om noget kræver dig: 4 når e-conomics token er udløbet, 1 når et \
            moduls seneste kørsel fejlede, eller en afstemning blev afbrudt, ellers 0 (også under pause).
            """, """
            States: idle, running, failed (tried again when due), disabled (in config), needs reconnect (e-conomic's \
            token expired: run `econsync reconnect`). A module shown running for over 12 hours is timed out and released.

            For monitoring, the exit code says whether something needs you: 4 when e-conomic's token expired, 1 when \
            a module's last run failed or a reconcile was interrupted, 0 otherwise (also while paused).
            """)))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var table: TableOptions

    func run() throws {
        let context = try ModuleContext(global: global)
        let reports = try context.scheduler.report()
        let interrupted = try context.replica.unfinishedRuns()
        let status = Self.exitStatus(reports, interrupted: !interrupted.isEmpty)
        if output.json {
            try Output.json("modules", reports)
            if status != ExitStatus.success { throw ExitCode(status) }
            return
        }
        let paused = try context.scheduler.settings().paused
        if paused {
            Swift.print(Speech.say("integrationen er sat på pause: intet modul kører før `econsync resume`",
                                   "the integration is paused: no module runs until `econsync resume`"))
        }
        Self.print(reports, now: context.scheduler.now(), paused: paused, width: table.width)
        for run in interrupted {
            let id = run.id.map(String.init) ?? "?"
            Output.line(Speech.say("afstemning \(id) blev afbrudt: næste synkronisering gør den færdig, eller kør `econsync reconcile --resume`",
                                   "reconcile run \(id) was interrupted: the next sync finishes it, or run `econsync reconcile --resume`"))
        }
        let warnings = Dictionary(grouping: try DataWarning.scan(context.scheduler.replica), by: \.rule)
        for rule in DataWarning.Rule.allCases {
            guard let some = warnings[rule] else { continue }
            Output.line(Speech.language == .da
                ? "advarsel: \(Speech.count(some.count, "kunde", "kunder", "customer")) med \(rule == .cvr ? "et CVR, der ikke er et dansk CVR-nummer" : "flere adresser i e-mailfeltet"), "
                    + "f.eks. \(some[0].line(.da)) (alle: econsync audit)"
                : "warning: \(Output.count(some.count, "customer")) with \(rule == .cvr ? "a CVR that is not a Danish CVR number" : "several addresses in the e-mail field"), "
                    + "e.g. \(some[0]) (all: econsync audit)")
        }
        if status != ExitStatus.success { throw ExitCode(status) }
    }

    /// 4 when e-conomic's token expired, 1 when a last run failed or a reconcile was interrupted, else 0.
    static func exitStatus(_ reports: [ModuleReport], interrupted: Bool) -> Int32 {
        if reports.contains(where: { $0.state == .needsReconnect }) { return ExitStatus.needsReconnect }
        if interrupted || reports.contains(where: { $0.state == .failed }) { return ExitStatus.failure }
        return ExitStatus.success
    }

    /// The modules' table: state, last run and next run fit 80 columns; with
    /// no `width` (`--wide`), also the last success, what the last run did and today's API calls.
    static func print(_ reports: [ModuleReport], now: Date, paused: Bool = false, width: Int?) {
        let rows = reports.map { report in
            [
                "\(report.number) \(report.module)", report.state.words(Speech.language) + (report.lastRunForced ? Speech.say(" (tvunget)", " (forced)") : ""),
                report.lastEnd.map(LocalTime.string) ?? Speech.say("aldrig", "never"), report.lastSuccess.map(LocalTime.string) ?? Speech.say("aldrig", "never"),
                report.manual ? Speech.say("manuelt", "manual") : paused ? Speech.say("på pause", "paused") : report.nextDue.map { due($0, now: now) } ?? "-",
                "\(report.pulled)/\(report.pushed)/\(report.skipped)/\(report.blocked)/\(report.conflicts)", String(report.apiCallsToday),
            ]
        }
        let head = Speech.language == .da
            ? ["MODUL", "TILSTAND", "SENESTE KØRSEL", "SENESTE SUCCES", "NÆSTE", "HENT/SEND/SPRING/BLOK/KONFL", "KALD I DAG"]
            : ["MODULE", "STATE", "LAST RUN", "LAST SUCCESS", "NEXT", "PULL/PUSH/SKIP/BLOCK/CONFL", "CALLS TODAY"]
        Output.table(head, rows, rightAligned: [6],
                     columns: width == nil ? nil : [0, 1, 2, 4], fit: width)
        for (modules, error) in errorLines(reports) { Output.line("\(modules): \(error)") }
        for report in reports {
            if report.state == .disabled, let reason = report.disabledReason, report.module.requiresFinance { Swift.print("\(report.module): \(reason.words(Speech.language))") }
        }
    }

    /// What needs saying once, after the modules it concerns: first the
    /// modules that need a reconnect ("all modules" when every module not
    /// disabled does: one expired token stops them all), with the error that
    /// said so; then each other last error ("all modules" when every module
    /// that ran has it).
    static func errorLines(_ reports: [ModuleReport]) -> [(modules: String, error: String)] {
        let reconnect = reports.filter { $0.state == .needsReconnect }
        var lines: [(modules: String, error: String)] = []
        if !reconnect.isEmpty {
            let enabled = reports.filter { $0.state != .disabled }.count
            let cause = reconnect.lazy.compactMap(\.lastError).first.map { " (\($0.words(Speech.language)))" } ?? ""
            lines.append((names(reconnect.map(\.module.rawValue), of: enabled),
                          Speech.say("Token udløbet: kør `econsync reconnect`", "needs reconnect: run `econsync reconnect`") + cause))
        }
        var order: [String] = []
        var modules: [String: [String]] = [:]
        for report in reports where report.state != .needsReconnect {
            guard let problem = report.lastError?.words(Speech.language) else { continue }
            let error = report.lastErrorKind.map { SyncError.headed(problem, kind: SyncError.Code($0)) } ?? problem
            if modules[error] == nil { order.append(error) }
            modules[error, default: []].append(report.module.rawValue)
        }
        let ran = reports.filter { $0.state != .disabled && ($0.lastEnd != nil || $0.lastError != nil) }.count
        return lines + order.map { (names(modules[$0]!, of: ran), $0) }
    }

    /// "all modules" when `names` are all `of` them (and more than one), else the names.
    static func names(_ names: [String], of all: Int) -> String {
        names.count > 1 && names.count == all ? Speech.say("alle moduler", "all modules") : names.joined(separator: ", ")
    }

    static func due(_ timestamp: String, now: Date) -> String {
        guard let date = Timestamp.date(timestamp), date > now else { return Speech.say("nu", "due now") }
        return LocalTime.string(timestamp)
    }
}
