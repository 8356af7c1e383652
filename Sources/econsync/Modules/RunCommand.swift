import ArgumentParser
import Foundation
import Synchronization
import Sync

/// `econsync run`: the scheduler, until stopped.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the scheduler: every enabled module when due (about every 15 minutes), until SIGINT or SIGTERM.",
        discussion: """
            Runs due modules one after another in dependency order and waits for the next. On SIGINT or SIGTERM the \
            module running is finished, then econsync exits with status 0. A full reconcile replaces the incremental one \
            every schedule.fullInterval hours. With "Token expired" every module waits until `econsync reconnect` is run.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Run the modules due now once, then exit (for cron).") var once = false

    func run() async throws {
        let context = try ModuleContext(global: global)
        let runner = try context.runner()
        let stop = StopSignal()
        var loop = SchedulerLoop(scheduler: context.scheduler, runModule: { try await runner.run($0, force: false) },
                                 sleep: { await stop.wait(seconds: $0) }, isStopping: { stop.requested })
        loop.onEvent = { event in
            switch event {
            case .ran(let result): Self.log(ModuleContext.line(result))
            case .notRun(let module, let error): Self.log("\(module.name): not run: \(error.detail(CommandLineWording()))")
            case .waiting(let seconds): if global.verbose { Self.log("waiting \(Int(seconds)) s") }
            case .stopped: Self.log("stopped")
            }
        }
        Self.log("scheduler started (pid \(getpid())); stop with SIGINT or SIGTERM")
        if once { return try await loop.runDue() }
        try await loop.run()
    }

    static func log(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// SIGINT and SIGTERM, turned into a request to stop that the loop sees between modules.
final class StopSignal: Sendable {
    private final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }

    private let flag = Flag()
    /// Kept alive for the process's life; only touched in `init`.
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    init(signals: [Int32] = [SIGINT, SIGTERM]) {
        let flag = flag
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.value.store(true, ordering: .sequentiallyConsistent) }
            source.resume()
            return source
        }
    }

    var requested: Bool { flag.value.load(ordering: .sequentiallyConsistent) }

    /// Sleeps up to `seconds`, waking early when a stop is requested.
    func wait(seconds: Double) async {
        let end = Date().addingTimeInterval(seconds)
        while !requested, Date() < end {
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}
