import Replica
import Sync
import Vocabulary

/// Every fixed text of the panel, in Danish and English: one place to read
/// and correct the office's words. The brief's Danish wording is used for its
/// errors ("Kunde ikke fundet i e-conomic", "Token udløbet", …).
///
/// ```swift
/// PanelText.overview.in(.da)   // "Oversigt"
/// ```
public enum PanelText: CaseIterable, Sendable {
    case overview, title, module, state, lastRun, lastSuccess, nextRun, lastRunDid, apiCallsToday, errors
    case never, now, manual, paused, pausedNotice, noError
    case pulled, pushed, skipped, blocked, conflicts
    case idle, running, failed, disabled, needsReconnect
    case action, syncNow, syncAll, canRunAgainAt, force, forceQuestion, forceConfirm, cancel
    case log, allModules, started, ended, outcome, apiCalls, notifications, at, forced, full
    case succeeded, timedOut, recorded, sent, suppressed
    case pending, record, reasons, whatToDo
    case synced, changed, new, deleted, exported
    case conflictJournal, decided, field, base, mobilplan, economic, winner, rule, from, to, show, noConflicts
    case badRequest, notADate, dateFormat
    case apiCallsPerHour, fairUseBudget, callsInLast24Hours, mostInOneHour, hour, calls
    case runsLast24Hours, runsInAll, noRuns
    case audit, runAudit, auditRunning, noAuditYet, auditClean, auditAgainst, auditFailed, auditTaken, matching, problem, problems
    case connection, connectedTo, connectedSince, notConnected, reconnect, reconnectHelp, disconnect, disconnectQuestion
    case reconnected, disconnectedNotice, grantRefused, unknownGrantLink, cannotReconnect, onToEconomic
    case logIn, logOut, password, wrongPassword, tooManyAttempts, tryAgainIn, second, seconds
    case pageFailed, replicaUnusable, replicaBusy, errorCode

    /// The text in `language`.
    public func `in`(_ language: PanelLanguage) -> String {
        let (da, en) = words
        return language == .da ? da : en
    }

    private var words: (String, String) {
        switch self {
        case .overview: ("Oversigt", "Overview")
        case .title: ("econsync: integration med e-conomic", "econsync: the e-conomic integration")
        case .module: ("Modul", "Module")
        case .state: ("Tilstand", "State")
        case .lastRun: ("Seneste kørsel", "Last run")
        case .lastSuccess: ("Seneste succes", "Last success")
        case .nextRun: ("Næste kørsel", "Next run")
        case .lastRunDid: ("Seneste kørsel gjorde", "What the last run did")
        case .apiCallsToday: ("API-kald i dag", "API calls today")
        case .errors: ("Fejl", "Errors")
        case .never: ("aldrig", "never")
        case .now: ("nu", "now")
        case .manual: ("manuelt", "by hand")
        case .paused: ("sat på pause", "paused")
        case .pausedNotice: ("Integrationen er sat på pause: ingen moduler kører, før den genoptages.",
                            "The integration is paused: no module runs until it is resumed.")
        case .noError: ("ingen", "none")
        case .pulled: ("hentet", "pulled")
        case .pushed: ("sendt", "pushed")
        case .skipped: ("sprunget over", "skipped")
        case .blocked: ("blokeret", "blocked")
        case .conflicts: ("konflikter", "conflicts")
        case .idle: (ModuleReport.State.idle.words(.da), ModuleReport.State.idle.words(.en))
        case .running: (ModuleReport.State.running.words(.da), ModuleReport.State.running.words(.en))
        case .failed: (ModuleReport.State.failed.words(.da), ModuleReport.State.failed.words(.en))
        case .disabled: (ModuleReport.State.disabled.words(.da), ModuleReport.State.disabled.words(.en))
        case .needsReconnect: (ModuleReport.State.needsReconnect.words(.da), ModuleReport.State.needsReconnect.words(.en))
        case .action: ("Handling", "Action")
        case .syncNow: ("Synkroniser nu", "Sync now")
        case .syncAll: ("Synkroniser alle nu", "Sync all now")
        case .canRunAgainAt: ("kan køre igen kl.", "can run again at")
        case .force: ("Tving", "Force")
        case .forceQuestion: ("Modulet kørte for nylig. Vil du køre det alligevel, før pausen er gået?",
                              "The module ran a short while ago. Run it anyway, before its cooldown is over?")
        case .forceConfirm: ("Ja, kør det nu", "Yes, run it now")
        case .cancel: ("Fortryd", "Cancel")
        case .log: ("Log", "Log")
        case .allModules: ("Alle moduler", "All modules")
        case .started: ("Startet", "Started")
        case .ended: ("Sluttet", "Ended")
        case .outcome: ("Udfald", "Outcome")
        case .apiCalls: ("API-kald", "API calls")
        case .notifications: ("Notifikationer", "Notifications")
        case .at: ("Tidspunkt", "When")
        case .forced: ("tvunget", "forced")
        case .full: ("fuld sammenligning", "full compare")
        case .succeeded: (ModuleRun.Outcome.succeeded.words(.da), ModuleRun.Outcome.succeeded.words(.en))
        case .timedOut: (ModuleRun.Outcome.timedOut.words(.da), "hung, released")
        case .recorded: ("gemt (ingen mail sat op)", "recorded (no mail set up)")
        case .sent: ("sendt", "sent")
        case .suppressed: ("ikke sendt: samme fejl inden for en time", "not sent: the same error within the hour")
        case .pending: ("Venter", "Pending")
        case .record: ("Post", "Record")
        case .reasons: ("Hvorfor", "Why")
        case .whatToDo: ("Hvad gør jeg?", "What to do")
        case .synced: (RecordStatus.State.synced.words(.da), RecordStatus.State.synced.words(.en))
        case .changed: (RecordStatus.State.changed.words(.da), RecordStatus.State.changed.words(.en))
        case .new: (RecordStatus.State.new.words(.da), RecordStatus.State.new.words(.en))
        case .deleted: (RecordStatus.State.deleted.words(.da), RecordStatus.State.deleted.words(.en))
        case .exported: (RecordStatus.State.exported.words(.da), RecordStatus.State.exported.words(.en))
        case .conflictJournal: ("Konflikter", "Conflicts")
        case .decided: ("Afgjort", "Decided")
        case .field: ("Felt", "Field")
        case .base: ("Før", "Base")
        case .mobilplan: ("Mobilplan", "Mobilplan")
        case .economic: ("e-conomic", "e-conomic")
        case .winner: ("Vinder", "Winner")
        case .rule: ("Regel", "Rule")
        case .from: ("Fra", "From")
        case .to: ("Til", "To")
        case .show: ("Vis", "Show")
        case .noConflicts: ("Ingen konflikter.", "No conflicts.")
        case .badRequest: ("Forkert forespørgsel", "Bad request")
        case .notADate: ("er ikke en dato", "is not a date")
        case .dateFormat: ("Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-02.", "Write the date as YYYY-MM-DD, e.g. 2026-11-02.")
        case .apiCallsPerHour: ("API-kald pr. time, seneste 24 timer", "API calls per hour, last 24 hours")
        case .fairUseBudget: ("e-conomics fair use pr. time (50.000 kald pr. døgn)", "e-conomic's fair use per hour (50,000 calls a day)")
        case .callsInLast24Hours: ("API-kald de seneste 24 timer", "API calls in the last 24 hours")
        case .mostInOneHour: ("flest på en time", "most in one hour")
        case .hour: ("kl.", "at")
        case .calls: ("kald", "calls")
        case .runsLast24Hours: ("Kørsler de seneste 24 timer", "Runs in the last 24 hours")
        case .runsInAll: ("kørsler", "runs")
        case .noRuns: ("ingen kørsler", "no runs")
        case .audit: ("Revision", "Audit")
        case .runAudit: ("Kør revision nu", "Run an audit now")
        case .auditRunning: ("Revisionen kører: e-conomic hentes og sammenlignes med Mobilplan …",
                             "The audit is running: e-conomic is pulled and compared with Mobilplan …")
        case .noAuditYet: ("Ingen revision er kørt fra panelet endnu. En revision henter e-conomic på ny og sammenligner hver post med Mobilplan.",
                           "No audit has run from the panel yet. An audit pulls e-conomic afresh and compares every record with Mobilplan.")
        case .auditClean: ("Ingen afvigelser: Mobilplan og e-conomic stemmer overens.", "No discrepancies: Mobilplan and e-conomic agree.")
        case .auditAgainst: ("Revision mod øjebliksbillede", "Audit against snapshot")
        case .auditFailed: ("Revisionen mislykkedes", "The audit failed")
        case .auditTaken: ("kørt", "run at")
        case .matching: ("stemmer", "matching")
        case .problem: ("Problem", "Problem")
        case .problems: ("Afvigelser", "Discrepancies")
        case .connection: ("Forbindelse", "Connection")
        case .connectedTo: ("Forbundet til e-conomic-aftale", "Connected to e-conomic agreement")
        case .connectedSince: ("forbundet", "connected")
        case .notConnected: ("Ikke forbundet til e-conomic. Forbind fra kommandolinjen med econsync connect.",
                             "Not connected to e-conomic. Connect from the command line with econsync connect.")
        case .reconnect: ("Forbind igen", "Reconnect")
        case .reconnectHelp: ("Åbner e-conomics side, hvor aftalen giver econsync adgang igen; bagefter kommer du tilbage hertil.",
                              "Opens e-conomic's page where the agreement grants econsync access again; afterwards you come back here.")
        case .disconnect: ("Afbryd forbindelsen", "Disconnect")
        case .disconnectQuestion: ("Vil du afbryde forbindelsen til e-conomic? Modulerne kan ikke køre, før der er forbundet igen.",
                                   "Disconnect from e-conomic? The modules cannot run until econsync is connected again.")
        case .reconnected: ("Forbundet igen: modulerne kan køre.", "Reconnected: the modules can run.")
        case .disconnectedNotice: ("Forbindelsen til e-conomic er afbrudt.", "Disconnected from e-conomic.")
        case .grantRefused: ("e-conomic gav ikke adgang", "e-conomic did not grant access")
        case .unknownGrantLink: ("Linket er ukendt eller allerede brugt: tryk \"Forbind igen\" på ny.",
                                 "The link is unknown or used already: press \"Reconnect\" again.")
        case .cannotReconnect: ("Kan ikke forbinde igen herfra", "Cannot reconnect from here")
        case .onToEconomic: ("Videre til e-conomic, hvor aftalen giver adgang", "On to e-conomic, where the agreement grants access")
        case .logIn: ("Log ind", "Log in")
        case .logOut: ("Log ud", "Log out")
        case .password: ("Adgangskode", "Password")
        case .wrongPassword: ("Forkert adgangskode.", "Wrong password.")
        case .tooManyAttempts: ("For mange forsøg.", "Too many tries.")
        case .tryAgainIn: ("Prøv igen om", "Try again in")
        case .second: ("sekund", "second")
        case .seconds: ("sekunder", "seconds")
        case .pageFailed: ("Siden kunne ikke vises", "The page could not be shown")
        case .replicaUnusable: ("Replikaen, econsyncs lokale database, kan ikke bruges", "The replica, econsync's local database, cannot be used")
        case .replicaBusy: ("Replikaen er optaget af en anden econsync-proces: prøv igen om lidt", "The replica is busy with another econsync process: try again in a moment")
        case .errorCode: ("Fejlkode", "Error code")
        }
    }

    /// A module's state in words.
    static func state(_ state: ModuleReport.State) -> PanelText {
        switch state {
        case .idle: .idle
        case .running: .running
        case .failed: .failed
        case .disabled: .disabled
        case .needsReconnect: .needsReconnect
        }
    }

    /// A run's outcome in words.
    static func outcome(_ outcome: ModuleRun.Outcome) -> PanelText {
        switch outcome {
        case .running: .running
        case .succeeded: .succeeded
        case .failed: .failed
        case .timedOut: .timedOut
        case .needsReconnect: .needsReconnect
        }
    }

    /// What became of a notification, in words.
    static func notification(_ state: NotificationEntry.State) -> PanelText {
        switch state {
        case .recorded: .recorded
        case .sent: .sent
        case .failed: .failed
        case .suppressed: .suppressed
        }
    }

    /// A module's name as the brief's Danish text and the English one name it.
    static func module(_ module: Module, _ language: PanelLanguage) -> String {
        module.name(language)
    }

    /// The headline of an error kind, in the brief's words where it has them.
    static func headline(_ code: SyncError.Code, _ language: PanelLanguage) -> String {
        code.headline(language) ?? (language == .da ? "Fejl" : "Error")
    }
}
