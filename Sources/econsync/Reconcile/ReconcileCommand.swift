import ArgumentParser
import Foundation
import Reconcile
import Replica
import Snapshot
import Sync
import Vocabulary

/// `econsync reconcile`: bring the replica and e-conomic into agreement.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: Speech.say(
            "Afstem replikaen med e-conomic: øjebliksbillede, plan, udførelse.",
            "Reconcile the replica with e-conomic: snapshot, plan, apply."),
        discussion: Examples.text(Examples.noted("econsync reconcile --dry-run", "se planen, ændr intet", "see the plan, change nothing"), "econsync reconcile", Examples.noted("econsync reconcile --resume", "efter en afbrudt kørsel", "after an interrupted run"), "econsync reconcile --module products --plan-out plan.json",
                                "econsync reconcile --project n:1042 --dry-run  (a trial run on one project)", after: Speech.say("""
            Tager et nyt øjebliksbillede af e-conomic, beregner planen ud fra grundlagets øjebliksbillede og replikaen, \
            skriver dens antal pr. modul og handling (hver operation med -v) og udfører den: hentninger i én \
            transaktion, afsendelser i rækkefølge efter afhængigheder gennem en holdbar udbakke. En kørsel, der dræbes \
            når som helst, gøres færdig med `econsync reconcile --resume`, som afklarer hver afsendelse, der kan have \
            nået e-conomic, før noget nyt sendes. Afslutningskode 1, når en operation fejlede (resten udføres). \
            En afstemning, der udføres, er en kørsel af hvert modul, den dækker, som `econsync sync` kører dem: den \
            vises i `econsync status` og `econsync log`, og et modul inden for sin hviletid afviser den \
            (afslutningskode 5), medmindre --force er givet.

            --project P er vejledningens prøvekørsel ("Test med ét projekt før du aktiverer automatisk synkronisering"): \
            kun projektet (og dets hovedprojekt), dets kunde, dets registreringer, medarbejderne på dets timer og de \
            varer, dets materialer bruger, afstemmes, plus hvad de kræver oprettet først. Intet andet hentes eller \
            sendes, og næste kørsel over det hele ser stadig alle andre ændringer.
            """, """
            Takes a fresh snapshot of e-conomic, computes the plan against the base snapshot and the replica, \
            prints its counts by module and action (every operation with -v), and applies it: pulls in one \
            transaction, pushes in dependency order through a durable outbox. A run killed at any moment is \
            finished by `econsync reconcile --resume`, which settles every push that may have reached e-conomic \
            before sending anything new. Exit status 1 when an operation failed (the rest are applied). \
            A reconcile that applies is a run of each module it covers, as `econsync sync` runs them: it shows in \
            `econsync status` and `econsync log`, and a module inside its cooldown refuses it (exit status 5) unless \
            --force is given.

            --project P is the brief's trial run ("test with one project before activating automatic sync"): \
            only the project (and its main project), its customer, its registrations, the employees on its hours \
            and the products its materials use are reconciled, plus what they need created first. Nothing else \
            is pulled or pushed, and the next run over everything still sees every other change.
            """)))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: .say(
        "Beregn og skriv planen; skriv intet nogen steder (øjebliksbilledet tages i en midlertidig mappe).",
        "Compute and print the plan; write nothing anywhere (the snapshot is taken into a scratch folder)."))
    var dryRun = false
    @Option(help: .say(
        "Skriv planen til denne fil i stedet for at udføre den (dens øjebliksbillede gemmes i lageret).",
        "Write the plan to this file instead of applying it (its snapshot is kept in the store).", valueName: "file"))
    var planOut: String?
    @Option(help: .say(
        "Udfør en plan skrevet med --plan-out; afvises, hvis replikaen eller grundlaget har ændret sig siden.",
        "Apply a plan written by --plan-out; refused if the replica or the base moved since.", valueName: "file"))
    var apply: String?
    @Option(name: .customLong("module"), help: .say("Kun dette modul (gentag for flere).", "Only this module (repeat for several)."))
    var modules: [Module] = []
    @Flag(help: .say(
        "Kør uden om modulernes hviletid (registreres på deres kørsler); med --plan-out: erstat filen, hvis den findes.",
        "Run past the modules' cooldown (recorded on their runs); with --plan-out: replace the file if it exists."))
    var force = false
    @OptionGroup var trial: TrialOption
    @Flag(help: .say("Gør en afbrudt afstemning færdig.", "Finish an interrupted reconcile.")) var resume = false
    @Flag(help: .say(
        "Sammenlign alle poster, ikke kun dem, der er ændret siden seneste afstemning.",
        "Compare every record, not only those changed since the last reconcile.")) var full = false

    func validate() throws {
        let modes = [dryRun, planOut != nil, apply != nil, resume].filter { $0 }.count
        if modes > 1 { throw ValidationError("--dry-run, --plan-out, --apply og --resume kan ikke kombineres", "--dry-run, --plan-out, --apply and --resume cannot be combined") }
        if apply != nil, !modules.isEmpty { throw ValidationError("--module ligger fast i den plan, --apply får", "--module is fixed by the plan given to --apply") }
        if trial.project != nil, apply != nil || resume || !modules.isEmpty {
            throw ValidationError(
                "--project kan ikke bruges med --apply eller --resume (planen eller kørslen bestemmer, hvad den dækker) og heller ikke med --module",
                "--project does not go with --apply or --resume (the plan or the run fixes what it covers) nor with --module")
        }
        if force, dryRun { throw ValidationError(
            "--force kan ikke bruges med --dry-run, som intet skriver og ingen hviletid har",
            "--force does not go with --dry-run, which writes nothing and has no cooldown") }
    }

    func run() async throws {
        let planFile = try planOut.map { try OutputFile(path: $0, dataDirectory: global.directory, force: force) }
        let mode: ReconcileMode
        switch (dryRun, planFile, apply, resume) {
        case (true, _, _, _): mode = .dryRun
        case (_, let file?, _, _): mode = .writePlan(to: { try file.write(Data($0)) })
        case (_, _, let path?, _): mode = .applyPlan(try Self.planBytes(path))
        case (_, _, _, true): mode = .resume
        default: mode = .apply
        }
        let interruption = Self.interruption(mode, json: output.json)
        var events = ReconcileEvents()
        let pulls = ProgressLine()
        defer { pulls.finish() }
        events.pulling = { if !output.json { pulls.show(ProgressLine.pulled($0)) } }
        events.planned = { plan in
            pulls.finish()
            if !output.json { printPlan(plan) }
            switch mode {
            case .apply, .applyPlan: interruption?.say(InterruptionReport(.applying))
            case .dryRun, .writePlan, .resume: break
            }
        }
        let bar = try progress()
        events.applying = { progress in
            interruption?.say(InterruptionReport(.operations(done: progress.done, total: progress.total)))
            bar(progress)
        }
        let outcome: ReconcileOutcome
        do {
            let workspace = try global.workspace()
            let scope = try trial.project.map { try workspace.projectScope($0) }
            if let scope, !output.json {
                print(Speech.say("prøvekørsel på \(scope.kind.noun(.da)) \(scope.name): intet andet synkroniseres, og grundlaget bevares til en kørsel over alt",
                                 "trial run on \(scope): nothing else is synced, and the base stays for a run over everything"))
            }
            outcome = try await workspace.reconcile(mode, modules: Set(modules), scope: scope, full: full, force: force, events: events)
        } catch let error as ApplyError where apply != nil && error.code == .stalePlan {
            throw ApplyError(error.code, "\(apply!): \(error.message)", remedy: error.remedy)
        } catch let error as PlanError where apply != nil {
            throw CommandFailure("\(apply!): \(ErrorReport.words(error))")
        } catch let error as JSONError where apply != nil {
            throw CommandFailure("\(apply!): ugyldig plan: ikke JSON (\(error))", "\(apply!): invalid plan: not JSON (\(error))")
        }
        var report = ReconcileReport()
        report.snapshot = outcome.snapshotFile
        report.plan = outcome.plan.map { .init($0, verbose: global.verbose || output.json) }
        report.applied = outcome.applied.map(ReconcileReport.Applied.init)
        if !outcome.firstPulled.isEmpty {
            report.firstPulled = Dictionary(uniqueKeysWithValues: outcome.firstPulled.map { ($0.key.rawValue, $0.value) })
        }
        if resume, outcome.applied == nil, !output.json {
            let agreement = try global.credentialsFile.load().agreementNumber
            return print(Speech.say("intet at genoptage: ingen afstemning af aftale \(agreement) blev afbrudt",
                                    "nothing to resume: no reconcile of agreement \(agreement) was interrupted"))
        }
        if let planOut, !output.json {
            print(Speech.say("planen er skrevet til \(planOut); udfør den med `econsync reconcile --apply \(planOut)`",
                             "plan written to \(planOut); apply it with `econsync reconcile --apply \(planOut)`"))
        }
        report.planFile = planOut
        try finish(report)
    }

    /// What Ctrl-C says in `mode` until the plan is applied (as JSON with `json`); a dry run is simply stopped.
    static func interruption(_ mode: ReconcileMode, json: Bool) -> Interruption? {
        switch mode {
        case .dryRun: nil
        case .apply, .applyPlan: Interruption(InterruptionReport(.beforeApply), json: json)
        case .writePlan: Interruption(InterruptionReport(.beforePlanWritten), json: json)
        case .resume:
            Interruption(InterruptionReport(.resuming), json: json)
        }
    }

    /// The bytes of the plan file at `path`.
    static func planBytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): kan ikke læses", "\(path): cannot be read") }
        return Array(data)
    }

    func progress() throws -> (PlanApplier.Progress) -> Void {
        guard !output.json else { return { _ in } }
        let bar = ProgressBar(noun: Speech.say("afsendelser", "pushes"), clock: try GlobalOptions.clock())
        return { bar.update(done: $0.done, total: $0.total) }
    }

    func printPlan(_ plan: Plan) {
        let counts = plan.counts
        let total = plan.operations.count
        let operations = Speech.count(total, "handling", "handlinger", "operation")
        switch (plan.isEmpty, total) {
        case (true, 0): print(Speech.say("plan: intet at gøre", "plan: nothing to do"))
        case (true, _): print(Speech.say("plan: intet at gøre (\(operations) springes over eller er blokeret)", "plan: nothing to do (\(operations) skipped or blocked)"))
        case (false, _): print("plan: \(operations)")
        }
        let language = Speech.language
        for module in counts.keys.sorted() {
            let actions = PlanOperation.Action.allCases.compactMap { action in
                counts[module]![action.rawValue].map { language == .da ? "\($0) \(action.words(.da))" : "\(action.rawValue) \($0)" }
            }
            print("  \(language == .da ? module.name(.da) : module.rawValue): \(actions.joined(separator: ", "))")
        }
        for op in plan.operations where op.action == .block {
            Output.line(language == .da ? "  blokeret: \(op.kind.name(.da)) \(op.key): \(op.because.words(.da))" : "  blocked: \(op.kind) \(op.key): \(op.reason)")
        }
        guard global.verbose else { return }
        for op in plan.operations {
            let fields = op.fields.isEmpty ? "" : " " + CanonicalJSON.string(.object(op.fields))
            Output.line(language == .da ? "  \(op.kind.noun(.da)) \(op.key) \(op.action.words(.da)): \(op.because.words(.da))\(fields)"
                            : "  \(op.action.rawValue) \(op.kind) \(op.key): \(op.reason)\(fields)")
        }
    }

    func finish(_ report: ReconcileReport) throws {
        if output.json {
            try Output.json(report)
        } else if let applied = report.applied {
            if let first = report.firstPulled {
                let kinds = first.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                print(Speech.say("første hentning, skrevet direkte fra øjebliksbilledet (ikke i planen): ",
                                 "first pull, written straight from the snapshot (not in the plan): ") + kinds)
            }
            print(Self.appliedLine(applied))
            for failure in applied.failures { Output.line(Speech.say("  fejlede: ", "  failed: ") + failure) }
        }
        if let applied = report.applied, !applied.failures.isEmpty { throw ExitCode(ExitStatus.failure) }
    }

    /// `applied: 3 pulled, 2 pushed, 0 failed` (`udført: 3 hentet fra e-conomic, 2 sendt til e-conomic, 0 fejlede`).
    static func appliedLine(_ applied: ReconcileReport.Applied) -> String {
        let settled = applied.replayed + applied.foundByLookup > 0
        return Speech.language == .da
            ? "udført: \(applied.pulled) hentet fra e-conomic, \(applied.pushed) sendt til e-conomic"
                + (settled ? " (\(applied.replayed) sendt igen, \(applied.foundByLookup) fundet i e-conomic)" : "") + ", \(applied.failures.count) fejlede"
            : "applied: \(applied.pulled) pulled, \(applied.pushed) pushed"
                + (settled ? " (\(applied.replayed) replayed, \(applied.foundByLookup) found in e-conomic)" : "") + ", \(applied.failures.count) failed"
    }
}
