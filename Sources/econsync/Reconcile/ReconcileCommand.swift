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
        abstract: "Reconcile the replica with e-conomic: snapshot, plan, apply.",
        discussion: Examples.text("econsync reconcile --dry-run  (see the plan, change nothing)", "econsync reconcile", "econsync reconcile --resume  (after an interrupted run)", "econsync reconcile --module products --plan-out plan.json", after: """
            Takes a fresh snapshot of e-conomic, computes the plan against the base snapshot and the replica, \
            prints its counts by module and action (every operation with -v), and applies it: pulls in one \
            transaction, pushes in dependency order through a durable outbox. A run killed at any moment is \
            finished by `econsync reconcile --resume`, which settles every push that may have reached e-conomic \
            before sending anything new. Exit status 1 when an operation failed (the rest are applied).
            """))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Compute and print the plan; write nothing anywhere (the snapshot is taken into a scratch folder).")
    var dryRun = false
    @Option(help: ArgumentHelp("Write the plan to this file instead of applying it (its snapshot is kept in the store).", valueName: "file"))
    var planOut: String?
    @Option(help: ArgumentHelp("Apply a plan written by --plan-out; refused if the replica or the base moved since.", valueName: "file"))
    var apply: String?
    @Option(name: .customLong("module"), help: "Only this module (repeat for several).")
    var modules: [Module] = []
    @Flag(help: "With --plan-out: replace the file if it exists.") var force = false
    @Flag(help: "Finish an interrupted reconcile.") var resume = false
    @Flag(help: "Compare every record, not only those changed since the last reconcile.") var full = false

    func validate() throws {
        let modes = [dryRun, planOut != nil, apply != nil, resume].filter { $0 }.count
        if modes > 1 { throw ValidationError("--dry-run, --plan-out, --apply and --resume cannot be combined") }
        if apply != nil, !modules.isEmpty { throw ValidationError("--module is fixed by the plan given to --apply") }
        if force, planOut == nil { throw ValidationError("--force goes with --plan-out") }
    }

    func run() async throws {
        let planFile = try planOut.map { try OutputFile(path: $0, dataDirectory: global.directory, force: force) }
        let (client, connection) = try global.economicClient(readOnly: dryRun)
        let store = try global.snapshotStore(readOnly: dryRun)
        if !dryRun, let paused = try ModuleSettings(replica: store.replica).pausedError() { throw paused }
        var reconciliation = Reconciliation(store: store, client: client, agreement: connection.agreementNumber, now: try GlobalOptions.clock())
        reconciliation.modules = Set(modules)
        reconciliation.full = full
        // A dry run writes nothing and needs no lock; everything else is one process at a time.
        if dryRun { return try await run(reconciliation, planFile: planFile) }
        try await AgreementLock(replica: store.replica).holding { try await run(reconciliation, planFile: planFile) }
    }

    func run(_ reconciliation: Reconciliation, planFile: OutputFile?) async throws {
        var reconciliation = reconciliation
        var report = ReconcileReport()
        if resume {
            guard let applied = try await resumable({ try await reconciliation.resume(progress: try progress()) }) else {
                if output.json { return try Output.json(report) }
                return print("nothing to resume: no reconcile of agreement \(reconciliation.agreement) was interrupted")
            }
            report.applied = .init(applied)
            return try finish(report)
        }
        if let run = try reconciliation.interrupted() {
            throw ApplyError(.interrupted, "reconcile run \(run.id!) (started \(run.startedAt)) was interrupted; "
                             + "finish it first with `econsync reconcile --resume`")
        }
        let plan: Plan
        if let apply {
            plan = try await Self.readPlan(apply, reconciliation: &reconciliation)
        } else {
            let taken = try await reconciliation.takeSnapshot(dryRun: dryRun) { if !output.json && global.verbose { print($0) } }
            defer { taken.discard() }
            report.snapshot = dryRun ? nil : taken.entry.file
            plan = try await reconciliation.plan(taken)
        }
        report.plan = .init(plan, verbose: global.verbose || output.json)
        if !output.json { printPlan(plan) }
        if dryRun { return try finish(report) }
        if let planOut, let planFile {
            try planFile.write(Data(reconciliation.planFile(plan)))
            report.planFile = planOut
            if !output.json { print("plan written to \(planOut); apply it with `econsync reconcile --apply \(planOut)`") }
            return try finish(report)
        }
        let interruption = Interruption("interrupted while applying the plan: `econsync reconcile --resume` finishes the run; "
                                        + "nothing is sent twice")
        let bar = try progress()
        report.applied = .init(try await resumable {
            try await reconciliation.apply(plan) { progress in
                interruption.say("interrupted after \(progress.done) of \(progress.total) operations: `econsync reconcile --resume` "
                                 + "finishes the run; nothing is sent twice")
                bar(progress)
            }
        })
        try finish(report)
    }

    /// The plan in `path`, checked to be the file econsync wrote and still valid (see ``Reconciliation/checkPlanFile(_:)``).
    static func readPlan(_ path: String, reconciliation: inout Reconciliation) async throws -> Plan {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot be read") }
        do {
            return try await reconciliation.checkPlanFile(Array(data))
        } catch let error as ApplyError {
            throw ApplyError(error.code, "\(path): \(error.message)", remedy: error.remedy)
        } catch let error as PlanError {
            throw CommandFailure("\(path): \(error.commandLineText)")
        } catch {
            throw CommandFailure("\(path): invalid plan: not JSON (\(error))")
        }
    }

    func progress() throws -> (PlanApplier.Progress) -> Void {
        guard !output.json else { return { _ in } }
        let bar = ProgressBar(clock: try GlobalOptions.clock())
        return { bar.update(done: $0.done, total: $0.total) }
    }

    func printPlan(_ plan: Plan) {
        let counts = plan.counts
        let total = plan.operations.count
        switch (plan.isEmpty, total) {
        case (true, 0): print("plan: nothing to do")
        case (true, _): print("plan: nothing to do (\(Output.count(total, "operation")) skipped or blocked)")
        case (false, _): print("plan: \(Output.count(total, "operation"))")
        }
        for module in counts.keys.sorted() {
            let actions = PlanOperation.Action.allCases.compactMap { action in counts[module]![action.rawValue].map { "\(action.rawValue) \($0)" } }
            print("  \(module): \(actions.joined(separator: ", "))")
        }
        for op in plan.operations where op.action == .block {
            Output.line("  blocked: \(op.kind) \(op.key): \(op.reason)")
        }
        guard global.verbose else { return }
        for op in plan.operations {
            let fields = op.fields.isEmpty ? "" : " " + CanonicalJSON.string(.object(op.fields))
            Output.line("  \(op.action.rawValue) \(op.kind) \(op.key): \(op.reason)\(fields)")
        }
    }

    func finish(_ report: ReconcileReport) throws {
        if output.json {
            try Output.json(report)
        } else if let applied = report.applied {
            print("applied: \(applied.pulled) pulled, \(applied.pushed) pushed"
                  + (applied.replayed + applied.foundByLookup > 0 ? " (\(applied.replayed) replayed, \(applied.foundByLookup) found in e-conomic)" : "")
                  + ", \(applied.failures.count) failed")
            for failure in applied.failures { Output.line("  failed: \(failure)") }
        }
        if let applied = report.applied, !applied.failures.isEmpty { throw ExitCode(ExitStatus.failure) }
    }
}
