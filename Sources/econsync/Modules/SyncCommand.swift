import ArgumentParser
import Foundation
import Replica
import Sync
import Vocabulary

/// `econsync sync`: run sync modules now.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Run sync modules now (all enabled ones, or those named), respecting each module's cooldown.",
        discussion: Examples.text("econsync sync  (every module that is due)", "econsync sync customers projects --force", "econsync sync --json", after: """
            Modules: \(Module.allCases.map { "\($0.number) \($0.rawValue)" }.joined(separator: ", ")). Without names, every \
            enabled module except orders (exported by hand with `econsync order export`) runs, in dependency order; \
            `econsync sync orders` also releases the registrations of exported drafts deleted in e-conomic. A module \
            that ran less than the cooldown (15 minutes) ago is not run: econsync says when it may run again; --force runs it \
            anyway, and the run is recorded as forced.

            Ctrl-C stops at once, as safely as a crash: econsync says which modules had finished and what to run \
            (exit 130).

            Exit status: 0 every module ran (blocked records are warnings); 1 a module failed; 4 e-conomic's token expired \
            (run `econsync reconnect`); 5 a module did not run (cooling down, disabled, or busy in another process); 6 \
            e-conomic could not be reached (no network): nothing is lost, field work goes on offline and the next sync sends \
            it; the remaining modules are not tried.
            """))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("Modules to run (default: every enabled one).", valueName: "module")) var modules: [Module] = []
    @Flag(help: "Run even inside the cooldown (recorded).") var force = false

    func run() async throws {
        let context = try ModuleContext(global: global)
        let runner = try context.runner()
        let settings = try context.scheduler.settings()
        if let paused = settings.pausedError() { throw paused }   // once, not once per module
        let named = Set(modules)
        let chosen = Module.runOrder.filter { named.isEmpty ? !$0.isManual && settings.isEnabled($0) : named.contains($0) }
        var reports: [ModuleRunReport] = []
        var status = ExitStatus.success
        let interruption = Interruption("interrupted before any module ran: nothing changed")
        for module in chosen {
            interruption.say(Self.interrupted(finished: reports.filter { $0.run != nil }.map(\.module), cutOff: module))
            do {
                let result = try await runner.run(module, force: force, progress: progress())
                reports.append(ModuleRunReport(result))
                if !output.json { Output.line(ModuleContext.line(result)) }
                if result.outcome.error?.code == .needsReconnect {
                    status = ExitStatus.needsReconnect
                    break
                }
                if result.outcome.error?.code == .unreachable {
                    // The other modules would wait out the same retries: one calm line says where the field work is.
                    status = ExitStatus.unreachable
                    if !output.json { Output.line(try Self.keptLocally(context.replica)) }
                    break
                }
                if result.outcome.failed { status = max(status, ExitStatus.failure) }
            } catch let error as SyncError {
                reports.append(ModuleRunReport(notRun: module.rawValue, error))
                if !output.json { Output.line("\(module.rawValue): not run: \(error.detail(CommandLineWording()))"
                                                 + (error.troubleshooting.map { "\n  what to do: \(CommandLineWording().words(for: $0))" } ?? "")) }
                if error.code == .needsReconnect {
                    status = ExitStatus.needsReconnect
                    break
                }
                if status == ExitStatus.success { status = ExitStatus.notRun }
            }
        }
        if output.json { try Output.json(reports) }
        if status != ExitStatus.success { throw ExitCode(status) }
    }

    /// What Ctrl-C says while `cutOff` runs, after `finished`.
    static func interrupted(finished: [String], cutOff: Module) -> String {
        let done = finished.isEmpty ? "no module had finished" : "\(finished.joined(separator: ", ")) had finished"
        return "interrupted: \(done); \(cutOff.rawValue) was cut off. Nothing is lost and nothing is sent twice: "
            + "`econsync sync` finishes it (a cut-off push is settled first)"
    }

    /// What waits in the replica for e-conomic, said once when it cannot be reached.
    static func keptLocally(_ replica: ReplicaStore) throws -> String {
        let hours = try replica.countRegistrations(TimeEntry.self, matching: RegistrationFilter(status: .approved))
        let materials = try replica.countRegistrations(Material.self, matching: RegistrationFilter(status: .approved))
        return "e-conomic is unreachable: \(Output.count(hours, "approved time entry", plural: "approved time entries")) and "
            + "\(Output.count(materials, "approved material")) are kept locally and will be sent by the next sync; field work goes on offline"
    }

    func progress() -> (PlanApplier.Progress) -> Void {
        guard !output.json, let bar = try? ProgressBar(clock: GlobalOptions.clock()) else { return { _ in } }
        return { bar.update(done: $0.done, total: $0.total) }
    }
}
