import ArgumentParser
import Economic
import Foundation
import Logging
import Replica
import Sync

/// Options every command that touches the replica takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: .say(
        "Datamappen (standard: $ECONSYNC_HOME, ellers ~/.local/share/econsync).",
        "The data directory (default: $ECONSYNC_HOME, else ~/.local/share/econsync).", valueName: "dir"))
    var dataDir: String?

    @Flag(name: .shortAndLong, help: .say("Log, hvad der gøres, på standard error.", "Log what is done to standard error."))
    var verbose = false

    @OptionGroup var quietOption: QuietOption

    /// Whether `-q/--quiet` was given.
    var quiet: Bool { quietOption.quiet }

    @Option(help: .say(
        "Afdelingen, når hver afdeling har sin egen e-conomic-aftale: dens forbindelse og de poster, den synkroniserer "
            + "(nye poster kommer med i den).",
        "The department, when each has its own e-conomic agreement: its connection, and the records it syncs "
            + "(new records join it).", valueName: "number"))
    var department: Int?

    @Option(help: .say(
        "Sproget i beskeder og tabeller (standard: systemets, LC_ALL/LC_MESSAGES/LANG; "
            + "JSON-output er det samme på begge sprog).",
        "The language of messages and tables (default: the locale's, LC_ALL/LC_MESSAGES/LANG; "
            + "JSON output is the same in both).", valueName: "da|en"))
    var lang: Language?

    func validate() throws {
        if let department, department < 1 { throw ValidationError("--department skal være et afdelingsnummer (1 eller mere)", "--department must be a department number (1 or more)") }
    }

    /// The data directory chosen by `--data-dir`, `$ECONSYNC_HOME` or the default.
    var directory: URL {
        if let dataDir { return URL(fileURLWithPath: dataDir) }
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["ECONSYNC_HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/econsync")
    }

    var replicaURL: URL { directory.appendingPathComponent(ReplicaStore.fileName) }

    /// The clock: `$ECONSYNC_NOW` (an ISO 8601 UTC time) pins it for reproducible output.
    static func clock() throws -> @Sendable () -> Date {
        guard let pinned = ProcessInfo.processInfo.environment["ECONSYNC_NOW"], !pinned.isEmpty else {
            return { Date() }
        }
        guard let date = Timestamp.date(pinned) else {
            throw CommandFailure("ECONSYNC_NOW=\(pinned) er ikke et UTC-tidspunkt som 2026-11-02T08:00:00Z",
                                 "ECONSYNC_NOW=\(pinned) is not a UTC time such as 2026-11-02T08:00:00Z")
        }
        return { date }
    }

    /// The longest e-conomic may stay silent in the middle of an answer before the request is given up (and
    /// retried, then reported as e-conomic being unreachable): `$ECONSYNC_IDLE_TIMEOUT` seconds, else 30.
    static func transport() throws -> CurlTransport.Configuration {
        var configuration = CurlTransport.Configuration()
        guard let text = ProcessInfo.processInfo.environment["ECONSYNC_IDLE_TIMEOUT"], !text.isEmpty else { return configuration }
        guard let seconds = Int(text), (1...3600).contains(seconds) else {
            throw CommandFailure("ECONSYNC_IDLE_TIMEOUT=\(text) er ikke et helt antal sekunder fra 1 til 3600",
                                 "ECONSYNC_IDLE_TIMEOUT=\(text) is not a whole number of seconds from 1 to 3600")
        }
        configuration.lowSpeedTime = Double(seconds)
        return configuration
    }

    var logger: Logger {
        var logger = Logger(label: "econsync") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : quiet ? .error : .warning
        return logger
    }

    /// The workspace these options name: the data directory and department,
    /// with the process's clock, remedies worded for the command line, and
    /// notes about the directory on standard error (unless `--quiet`).
    func workspace() throws -> Workspace {
        var workspace = Workspace(directory: directory, department: department, now: try Self.clock())
        workspace.wording = CommandLineWording()
        workspace.notes = { tightened in Output.note(tightened.words(Speech.language)) }
        workspace.logger = logger
        workspace.transport = try Self.transport()
        #if ECONSYNC_TEST_HOOKS
        // Tests pin the scheduler's jitter (a build with the test hooks only).
        if let seed = ProcessInfo.processInfo.environment["ECONSYNC_TEST_JITTER"].flatMap(Double.init) {
            workspace.random = { seed }
        }
        #endif
        return workspace
    }

    /// Opens the replica of the data directory (which must have been initialised).
    func openReplica(readOnly: Bool = false) throws -> ReplicaStore {
        try workspace().replica(readOnly: readOnly)
    }
}

/// The `--json` flag of reporting commands.
struct OutputOptions: ParsableArguments {
    @Flag(help: .say("Skriv JSON til scripts i stedet for tekst til mennesker.", "Print JSON for scripts instead of text for people."))
    var json = false
}

extension GlobalOptions {
    /// Today's date by the clock (UTC).
    static func today() throws -> String {
        Timestamp.day(try clock()())
    }
}
