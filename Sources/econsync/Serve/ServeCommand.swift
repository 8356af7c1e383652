import ArgumentParser
import Foundation
import Panel

/// `econsync serve`: the office's admin panel for this data directory.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Speech.say(
            "Vis administrationspanelet (på dansk; engelsk med ?lang=en) for denne datamappe.",
            "Serve the admin panel (in Danish; English with ?lang=en) for this data directory."),
        discussion: Examples.text(Examples.noted("econsync serve", "åbn så http://127.0.0.1:8080", "then open http://127.0.0.1:8080"), Examples.noted("econsync serve --port 0", "skriver: serving on URL", "prints: serving on URL"),
                                  "econsync serve --host 0.0.0.0 --password-file /etc/econsync/panel-password",
                                  "econsync serve --scheduler  (the panel and `econsync run` in one)", after: Speech.say("""
            Den første linje, der skrives, er `serving on http://HOST:PORT`. Panelet læser den samme replika, som \
            kommandolinjen skriver, så de kan bruges side om side. Sider: overblikket over de otte moduler (tilstand, \
            seneste kørsel, seneste succes, næste kørsel, hvad seneste kørsel gjorde, API-kald i dag, seneste kørsels \
            fejl med vejledningens ord; grafer over de seneste 24 timers API-kald og kørsler), loggen, de ventende poster \
            (/pending, med `econsync why`s grunde) og konflikterne (/conflicts?from=ÅÅÅÅ-MM-DD&to=ÅÅÅÅ-MM-DD). Til drift: \
            GET /healthz (200, når replikaen kan læses, og intet modul hænger, ellers 503), GET /metrics (Prometheus-tekst) \
            og GET /api/status (det JSON-objekt, `econsync status` skriver til scripts).

            Uden --password-file har panelet intet login og lytter kun på loopback-adresser (127.0.0.1, ::1, \
            localhost). Med den beder hver side undtagen /healthz først om adgangskoden i den fil (på enhver adresse, \
            også loopback); filen må kun tilhøre ejeren (chmod 600) og må ikke være tom. Et mislykket login får næste \
            forsøg fra den adresse til at vente 1 s, derefter 2, 4, … op til 60 s. Med --scheduler kører processen også \
            hvert modul, når det er tid, som `econsync run` gør (dens linjer efter `serving on` og i run.log). Ctrl-C \
            eller SIGTERM stopper den (et kørende modul gøres færdigt først).
            """, """
            The first line printed is `serving on http://HOST:PORT`. The panel reads the same replica the CLI \
            writes, so both can be used side by side. Pages: the overview of the eight modules (state, last run, \
            last success, next run, what the last run did, API calls today, the last run's error in the brief's \
            words; pictures of the last 24 hours' API calls and runs), the log, the records waiting (/pending, \
            with `econsync why`'s reasons) and the conflicts (/conflicts?from=YYYY-MM-DD&to=YYYY-MM-DD). For operators: GET /healthz (200 when the replica can be read and no module hangs, else 503), \
            GET /metrics (Prometheus text) and GET /api/status (the JSON object `econsync status` prints for scripts).

            Without --password-file the panel has no login and listens on loopback addresses only (127.0.0.1, ::1, \
            localhost). With it, every page but /healthz asks for the password in that file first (on any address, \
            loopback too); the file must be the owner's only (chmod 600) and not empty. A failed login makes the \
            next try from that address wait 1 s, then 2, 4, … up to 60 s. With --scheduler the process also runs every \
            module when due, as `econsync run` does (its lines after `serving on`, and in run.log). Ctrl-C or SIGTERM \
            stops it (a module running is finished first).
            """)))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @Option(help: .say(
        "Adressen, der lyttes på (andet end loopback kun med --password-file).",
        "The address to listen on (other than loopback only with --password-file).")) var host = "127.0.0.1"
    @Option(help: .say("Porten (0 vælger en ledig).", "The port (0 picks a free one).")) var port = 8080
    @Flag(help: .say(
        "Kør også modulerne, når det er tid, som `econsync run` gør (én proces til hele installationen).",
        "Also run the modules when due, as `econsync run` does (one process for the whole installation)."))
    var scheduler = false
    @Option(help: .say(
        "En fil (tilstand 600) med panelets adgangskode: slår login til.",
        "A file (mode 600) holding the panel's password: turns on the login.", valueName: "path"))
    var passwordFile: String?

    func validate() throws {
        if passwordFile == nil, !Self.isLoopback(host) {
            throw ValidationError("--host \(host) er ikke en loopback-adresse: at betjene andre maskiner kræver login, "
                                      + "så giv --password-file STI (en fil med adgangskoden, som kun ejeren må læse)",
                                  "--host \(host) is not a loopback address: serving other machines needs a login, "
                                      + "so give --password-file PATH (a file only its owner may read, holding the password)")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) er ikke en port (0…65535)", "--port \(port) is not a port (0…65535)") }
    }

    static func isLoopback(_ host: String) -> Bool {
        ["::1", "localhost"].contains(host) || host.hasPrefix("127.")
    }

    /// Why the password file is refused, in the language econsync speaks (English under `--json`).
    static func words(_ refusal: PanelPassword.Refusal) -> String {
        switch refusal {
        case .unreadable(let path):
            Speech.refusal("--password-file \(path) kan ikke læses", refusal.description)
        case .readableByOthers(let path, let mode):
            Speech.refusal("--password-file \(path) kan læses af andre (tilstand \(mode)): gør den kun læsbar for ejeren, fx chmod 600 \(path)",
                           refusal.description)
        case .empty(let path):
            Speech.refusal("--password-file \(path) er tom: skriv panelets adgangskode i den", refusal.description)
        }
    }

    func run() async throws {
        // The file is read here, not in validate(), which only parses; a refusal is still a usage error (status 2).
        var password: PanelPassword?
        if let passwordFile {
            do { password = try PanelPassword(file: passwordFile) } catch { throw ValidationError(Self.words(error)) }
        }
        // A data directory without a replica is refused now, not on the first page.
        let server = try PanelServer(workspace: try global.workspace(), password: password)
        let host = self.host
        // `--scheduler`: `econsync run`'s loop beside the server, in a task of its own (a page view reads the replica
        // through its own connection, so it never waits for a module). On SIGTERM the server stops and the module
        // running is finished before the process ends.
        let stop = StopSignal()
        let (listening, listens) = AsyncStream<Void>.makeStream()
        let scheduled = try scheduler ? Self.startScheduler(global, stop: stop, after: listening) : nil
        try await server.run(host: host, port: port) { bound in
            // Written straight to the descriptor, so a script waiting for it sees it at once.
            FileHandle.standardOutput.write(Data("serving on http://\(host.contains(":") ? "[\(host)]" : host):\(bound)\n".utf8))
            listens.finish()
        }
        stop.request()
        listens.finish()
        try await scheduled?.value
    }

    /// Starts `econsync run`'s scheduler in the background once `listening` ends (the panel
    /// listens, its first line said), unless a stop came first.
    static func startScheduler(_ global: GlobalOptions, stop: StopSignal, after listening: AsyncStream<Void>) throws -> Task<Void, any Error> {
        let (loop, log) = try RunCommand.scheduler(global, stop: stop)
        return Task {
            for await _ in listening {}
            guard !stop.requested else { return }
            log(RunCommand.started)
            try await loop.run()
        }
    }
}
