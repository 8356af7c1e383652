import ArgumentParser
import Foundation
import Replica
import Sync
import Vocabulary

/// `econsync sync`: run sync modules now.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: Speech.say(
            "Kør synkroniseringsmoduler nu (alle, der er slået til, eller de nævnte) med respekt for hvert moduls hviletid.",
            "Run sync modules now (all enabled ones, or those named), respecting each module's cooldown."),
        discussion: Examples.text(Examples.noted("econsync sync", "hvert modul, der er tid til", "every module that is due"), "econsync sync customers projects --force", "econsync sync --json",
                                "econsync sync --project n:1042  (a trial run on one project)", after: Speech.say("""
            Moduler: \(Module.allCases.map { "\($0.number) \($0.rawValue)" }.joined(separator: ", ")). Uden navne kører \
            alle moduler, der er slået til, undtagen orders (eksporteres i hånden med `econsync order export`), i \
            rækkefølge efter afhængigheder; `econsync sync orders` frigiver også registreringerne fra eksporterede \
            ordrekladder, der er slettet i e-conomic. Et modul, der kørte for mindre end hviletiden (15 minutter) siden, \
            køres ikke: econsync siger, hvornår det må køre igen; --force kører det alligevel, og kørslen registreres \
            som tvunget.

            --project P er vejledningens prøvekørsel ("Test med ét projekt før du aktiverer automatisk synkronisering"): én \
            kørsel af de moduler, projektet har brug for, over projektet, dets kunde, dets registreringer, medarbejderne \
            på dets timer og de varer, dets materialer bruger, og intet andet; se `econsync reconcile --help`.

            Ctrl-C stopper med det samme, lige så sikkert som et nedbrud: econsync siger, hvilke moduler der var \
            færdige, og hvad der skal køres (afslutningskode 130; med --json som {"error": {"code": "interrupted", …}} \
            på standard output).

            Afslutningskode: 0 alle moduler kørte (blokerede poster er advarsler); 1 et modul fejlede; 4 e-conomics \
            token er udløbet (kør `econsync reconnect`); 5 et modul kørte ikke (hviletid, slået fra eller optaget i en \
            anden proces); 6 e-conomic kunne ikke nås (intet netværk): intet går tabt, arbejdet i marken fortsætter \
            offline, og næste synkronisering sender det; de resterende moduler forsøges ikke.
            """, """
            Modules: \(Module.allCases.map { "\($0.number) \($0.rawValue)" }.joined(separator: ", ")). Without names, every \
            enabled module except orders (exported by hand with `econsync order export`) runs, in dependency order; \
            `econsync sync orders` also releases the registrations of exported drafts deleted in e-conomic. A module \
            that ran less than the cooldown (15 minutes) ago is not run: econsync says when it may run again; --force runs it \
            anyway, and the run is recorded as forced.

            --project P is the brief's trial run ("test with one project before activating automatic sync"): one run \
            of the modules the project needs, over the project, its customer, its registrations, the employees on its \
            hours and the products its materials use, and nothing else; see `econsync reconcile --help`.

            Ctrl-C stops at once, as safely as a crash: econsync says which modules had finished and what to run \
            (exit 130; with --json as {"error": {"code": "interrupted", …}} on standard output).

            Exit status: 0 every module ran (blocked records are warnings); 1 a module failed; 4 e-conomic's token expired \
            (run `econsync reconnect`); 5 a module did not run (cooling down, disabled, or busy in another process); 6 \
            e-conomic could not be reached (no network): nothing is lost, field work goes on offline and the next sync sends \
            it; the remaining modules are not tried.
            """)))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: .say(
        "Moduler, der skal køres (standard: alle, der er slået til).",
        "Modules to run (default: every enabled one).", valueName: "module")) var modules: [Module] = []
    @Flag(help: .say("Kør også inden for hviletiden (registreres).", "Run even inside the cooldown (recorded).")) var force = false
    @OptionGroup var trial: TrialOption

    func validate() throws {
        if trial.project != nil, !modules.isEmpty { throw ValidationError(
            "--project kører de moduler, projektet har brug for; nævn ingen moduler sammen med det",
            "--project runs the modules the project needs; name no modules with it") }
    }

    func run() async throws {
        let interruption = Interruption(InterruptionReport(.beforeAnyModule), json: output.json)
        var events = SyncEvents()
        events.starting = { module, finished in interruption.say(InterruptionReport(.modules(finished: finished, cutOff: module))) }
        events.finished = { result in if !output.json { Output.line(Self.line(result)) } }
        events.applying = progress()
        let pulls = ProgressLine()
        defer { pulls.finish() }
        events.pulling = { if !output.json { pulls.show(ProgressLine.pulled($0)) } }
        events.pulled = { pulls.finish() }
        let workspace = try global.workspace()
        let outcome: SyncOutcome
        if let project = trial.project {
            let scope = try workspace.projectScope(project)
            if !output.json { Output.line(Speech.say("prøvekørsel på \(scope.kind.noun(.da)) \(scope.name): intet andet synkroniseres", "trial run on \(scope): nothing else is synced")) }
            outcome = try await workspace.sync(trial: scope, force: force, events: events)
        } else {
            outcome = try await workspace.sync(modules, force: force, events: events)
        }
        if let kept = outcome.keptLocally, !output.json { Output.line(Self.keptLocally(kept)) }
        if output.json { try Output.json(SyncReport(outcome)) }
        let status = Self.status(outcome)
        if status != ExitStatus.success { throw ExitCode(status) }
    }

    /// The exit status: the token expired (4), e-conomic unreachable (6), a module failed (1), a module not run (5), else 0.
    static func status(_ outcome: SyncOutcome) -> Int32 {
        switch outcome.stopped {
        case .needsReconnect?: return ExitStatus.needsReconnect
        case .unreachable?: return ExitStatus.unreachable
        default: break
        }
        if outcome.results.contains(where: { if case .ran(let result) = $0 { result.outcome.failed } else { false } }) { return ExitStatus.failure }
        if outcome.results.contains(where: { if case .notRun = $0 { true } else { false } }) { return ExitStatus.notRun }
        return ExitStatus.success
    }

    /// One line about a module: what its run did, or why it did not run and what to do.
    static func line(_ result: ModuleSyncResult) -> String {
        switch result {
        case .ran(let result):
            return ModuleContext.line(result)
        case .notRun(let module, let error):
            return "\(module.rawValue): \(Speech.say("ikke kørt", "not run")): \(error.spokenDetail)"
                + (error.spokenTroubleshooting.map { "\n  " + $0 } ?? "")
        }
    }

    /// What waits in the replica for e-conomic, said once when it cannot be reached.
    static func keptLocally(_ kept: (timeEntries: Int, materials: Int)) -> String {
        guard Speech.language == .da else {
            return "e-conomic is unreachable: \(Output.count(kept.timeEntries, "approved time entry", plural: "approved time entries")) and "
                + "\(Output.count(kept.materials, "approved material")) are kept locally and will be sent by the next sync; field work goes on offline"
        }
        let entries = Speech.count(kept.timeEntries, "godkendt timeregistrering", "godkendte timeregistreringer", "approved time entry")
        let materials = Speech.count(kept.materials, "godkendt materiale", "godkendte materialer", "approved material")
        return "e-conomic kan ikke nås: \(entries) og \(materials) gemmes lokalt og sendes ved næste synkronisering; arbejdet i marken fortsætter offline"
    }

    func progress() -> (PlanApplier.Progress) -> Void {
        guard !output.json, let bar = try? ProgressBar(noun: Speech.say("afsendelser", "pushes"), clock: GlobalOptions.clock()) else { return { _ in } }
        return { bar.update(done: $0.done, total: $0.total) }
    }
}
