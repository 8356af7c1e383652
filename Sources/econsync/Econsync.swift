import ArgumentParser
import Foundation
import Economic
import Replica
import Reconcile
import Snapshot
import Sync
import Vocabulary

/// The econsync command-line tool.
@main
struct Econsync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "econsync",
        abstract: Speech.say("Offline-first lokalt synkroniseringslager for Mobilplan, afstemt med Visma e-conomic.",
                             "Offline-first local sync store for Mobilplan, reconciled with Visma e-conomic."),
        discussion: Speech.say("""
            Arbejdet i marken registreres offline i en lokal replika (se `econsync local`) og \
            afstemmes med e-conomic, når der forbindes igen.

            Afslutningskoder: 0 lykkedes; 1 handlingen fejlede (forkert input, manglende post, \
            låst registrering); 2 forkert brug; 3 replikaen kan ikke bruges (ikke \
            initialiseret, skrevet af en nyere econsync, ikke en replika, beskadiget); 4 e-conomics \
            token er udløbet (kør `econsync reconnect`); 5 et synkroniseringsmodul kørte ikke (hviletid, \
            slået fra eller kører i en anden proces); 6 e-conomic kunne ikke nås (arbejdet i marken \
            gemmes og sendes ved næste synkronisering); 130 afbrudt (Ctrl-C).

            Med --json skriver en fejl {"error": {"code", "message", "exitStatus", \
            "records", "remedy"}} på standard output i stedet for tekst på standard error.
            """, """
            Field work is recorded offline in a local replica (see `econsync local`) and \
            reconciled with e-conomic on reconnect.

            Exit codes: 0 success; 1 the operation failed (bad input, missing record, \
            locked registration); 2 usage error; 3 the replica cannot be used (not \
            initialised, written by a newer econsync, not a replica, corrupt); 4 e-conomic's \
            token expired (run `econsync reconnect`); 5 a sync module did not run (cooling down, \
            disabled, or running in another process); 6 e-conomic could not be reached (field \
            work is kept and sent by the next sync); 130 interrupted (Ctrl-C).

            With --json, a failure prints {"error": {"code", "message", "exitStatus", \
            "records", "remedy"}} on standard output instead of words on standard error.
            """),
        version: Econsync.version,
        subcommands: [Init.self, Connect.self, Reconnect.self, Disconnect.self, Local.self, ReconcileCommand.self, SyncCommand.self, StatusCommand.self, LogCommand.self, WhyCommand.self, PendingCommand.self, RunCommand.self, PauseCommand.self, ResumeCommand.self, OrderCommand.self, SetupCommand.self, DemoCommand.self, ConflictsCommand.self, ConfigCommand.self, AuditCommand.self, SnapshotCommand.self, EmulatorCommand.self, ServeCommand.self, Bench.self]
    )

    /// The release, as `econsync --version` prints it.
    static let version = "0.9.0"

    @OptionGroup var global: GlobalOptions

    static func main() async {
        // Everything econsync writes (replica, snapshots, plans, credentials) is the owner's alone.
        umask(0o077)
        armCrashPoint()
        do {
            try await run(parseAsRoot(LocalIDs.coalescing(Array(CommandLine.arguments.dropFirst()))))
        } catch {
            exit(with: error)
        }
    }

    /// Runs a parsed command, asynchronous or not (the tool's `main`, and the demo's steps).
    static func run(_ command: any ParsableCommand) async throws {
        var command = command
        if var asynchronous = command as? any AsyncParsableCommand {
            try await asynchronous.run()
        } else {
            try command.run()
        }
    }

    /// Prints the error the way users and scripts expect (Foundation's file
    /// errors in words, control characters escaped; `{"error": …}` under
    /// `--json`), and exits with the documented code.
    static func exit(with error: any Error) -> Never {
        if let code = error as? ExitCode, code != .validationFailure {
            Foundation.exit(code.rawValue)
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        let report = ErrorReport(FileProblem(error) ?? error, arguments: arguments)
        if report.status == ExitStatus.success {
            if !report.message.isEmpty { print(report.message) }
        } else if ErrorReport.wantsJSON(arguments) {
            try? Output.json(report)
        } else {
            FileHandle.standardError.write(Data((VisibleText.escaped(report.text, keepingLineBreaks: true) + "\n").utf8))
        }
        Foundation.exit(report.status)
    }
}

extension Econsync {
    /// The crash matrix's hook (`$ECONSYNC_TEST_CRASH=STEP:N`, see ``CrashPoint``);
    /// only in a build with the test hooks.
    static func armCrashPoint() {
        #if ECONSYNC_TEST_HOOKS
        if let text = ProcessInfo.processInfo.environment["ECONSYNC_TEST_CRASH"] {
            CrashPoint.arm(CrashPoint(parsing: text))
        }
        #endif
    }

    /// The exit code of econsync's own errors (every ``CodedError``, by its
    /// outcome); nil for the argument parser's.
    static func status(of error: any Error) -> Int32? {
        switch (error as? any CodedError)?.outcome {
        case .failure: ExitStatus.failure
        case .usage: ExitStatus.usage
        case .replicaUnusable: ExitStatus.replicaUnusable
        case .needsReconnect: ExitStatus.needsReconnect
        case .notRun: ExitStatus.notRun
        case .unreachable: ExitStatus.unreachable
        case nil: nil
        }
    }
}
