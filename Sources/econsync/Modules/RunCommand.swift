import ArgumentParser
import Foundation
import Synchronization
import Sync

/// `econsync run`: the scheduler, until stopped.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: Speech.say(
            "Kør planlæggeren: hvert modul, der er slået til, når det er tid (ca. hvert 15. minut), indtil SIGINT eller SIGTERM.",
            "Run the scheduler: every enabled module when due (about every 15 minutes), until SIGINT or SIGTERM."),
        discussion: Examples.text(Examples.noted("econsync run", "indtil Ctrl-C eller SIGTERM", "until Ctrl-C or SIGTERM"), Examples.noted("econsync run --once", "én runde, derefter afslut", "one round, then exit"), after: Speech.say("""
            Kører de moduler, der skal køre, efter hinanden i rækkefølge efter afhængigheder og venter på de næste. \
            Ved SIGINT eller SIGTERM gøres det kørende modul færdigt, og econsync afslutter med kode 0. En fuld \
            afstemning afløser den trinvise hver schedule.fullInterval timer. Ved "Token udløbet" venter alle moduler, \
            indtil `econsync reconnect` er kørt.

            Hver linje, der skrives, skrives også, efter sit tidspunkt, til run.log i datamappen (roteres ved 1 MiB, \
            tre gamle filer gemmes: run.log.1 til run.log.3).
            """, """
            Runs due modules one after another in dependency order and waits for the next. On SIGINT or SIGTERM the \
            module running is finished, then econsync exits with status 0. A full reconcile replaces the incremental one \
            every schedule.fullInterval hours. With "Token expired" every module waits until `econsync reconnect` is run.

            Every line printed is also written, after its time, to run.log in the data directory (rotated at 1 MiB, \
            three old files kept: run.log.1 to run.log.3).
            """)))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Flag(help: .say(
        "Kør de moduler, der skal køre nu, én gang, og afslut (til cron).",
        "Run the modules due now once, then exit (for cron).")) var once = false

    func run() async throws {
        let stop = StopSignal()
        let (loop, log) = try Self.scheduler(global, stop: stop)
        log(Self.started)
        if try loop.scheduler.settings().paused {
            log("the integration is paused: no module runs until `econsync resume`" + (once ? "" : " (the scheduler waits for it)"))
        }
        if once { return try await loop.runDue() }
        try await loop.run()
    }

    /// The scheduler of this data directory as `econsync run` (and `econsync serve --scheduler`) runs it:
    /// every line, after its time, on standard output and in run.log; it stops between modules once `stop`
    /// is requested. Returns the loop and its log (where `started` is to be said first).
    static func scheduler(_ global: GlobalOptions, stop: StopSignal) throws -> (SchedulerLoop, @Sendable (String) -> Void) {
        let context = try ModuleContext(global: global)
        let runner = try context.runner()
        let file = RunLog(directory: global.directory, now: try GlobalOptions.clock())
        let log: @Sendable (String) -> Void = { line in
            Self.log(line)
            file.write(line)
        }
        let verbose = global.verbose
        var loop = SchedulerLoop(scheduler: context.scheduler, runModule: { try await runner.run($0, force: false) },
                                 sleep: { await stop.wait(seconds: $0) }, isStopping: { stop.requested })
        loop.onEvent = { event in
            switch event {
            case .ran(let result): log(ModuleContext.line(result))
            case .notRun(let module, let error): log("\(module.rawValue): not run: \(error.detail(CommandLineWording()))")
            case .waiting(let seconds): if verbose { log("waiting \(Int(seconds)) s") }
            case .stopped: log("stopped")
            }
        }
        return (loop, log)
    }

    static var started: String { "scheduler started (pid \(getpid())); stop with SIGINT or SIGTERM" }

    static func log(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// SIGINT and SIGTERM, turned into a request to stop that the loop sees
/// between modules. A wait ends the moment one arrives: the signal resumes
/// the waiting task, nothing polls.
final class StopSignal: Sendable {
    private let waiters = Waiters()
    // Safety: the sources are created and resumed in `init` and never touched
    // again; they are kept only so that they live as long as the process.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    init(signals: [Int32] = [SIGINT, SIGTERM]) {
        let waiters = waiters
        sources = SignalSources.install(signals) { waiters.request() }
    }

    var requested: Bool { waiters.requested }

    /// Requests a stop, as a signal does.
    func request() { waiters.request() }

    /// Sleeps up to `seconds`, ending early when a stop is requested.
    func wait(seconds: Double) async {
        await withTaskGroup(of: Void.self) { [waiters] group in
            group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            group.addTask { await waiters.stopped() }
            await group.next()
            group.cancelAll()
        }
    }

    /// The request to stop, and the tasks waiting for it.
    private final class Waiters: Sendable {
        private struct State {
            var requested = false
            var next: UInt64 = 0
            var waiting: [UInt64: CheckedContinuation<Void, Never>] = [:]
        }

        private let state = Mutex(State())

        var requested: Bool { state.withLock { $0.requested } }

        /// Marks the stop requested and wakes every waiting task.
        func request() {
            let woken = state.withLock { state in
                state.requested = true
                defer { state.waiting = [:] }
                return Array(state.waiting.values)
            }
            for continuation in woken { continuation.resume() }
        }

        /// Returns once a stop is requested, or when the calling task is cancelled.
        func stopped() async {
            let id = state.withLock { state in
                state.next += 1
                return state.next
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let now = state.withLock { state in
                        if state.requested || Task.isCancelled { return true }
                        state.waiting[id] = continuation
                        return false
                    }
                    if now { continuation.resume() }
                }
            } onCancel: {
                state.withLock { $0.waiting.removeValue(forKey: id) }?.resume()
            }
        }
    }
}
