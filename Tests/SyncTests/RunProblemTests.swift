import Reconcile
@testable import Sync
import Testing
import Vocabulary

/// A module run's error about its records kept as data: stored in the
/// replica's text column, read back whole, worded in each language.
@Suite("a run's problem as data")
struct RunProblemTests {
    static let lars = ReferencedRecord(kind: .employee, id: 3, name: "Lars Lærling")
    static let failure = ApplyReport.Failure(kind: .customer, key: "12", error: "e-conomic refused: 400 {\"message\": \"Ugyldigt CVR\"}")

    static let every: [RunProblem] = [
        .blocked([.employeeMissingID(lars), .notApproved], total: 5),
        .blocked([.customerNotFound(ReferencedRecord(kind: .customer, id: 7, name: "Ærø \"Tømrer\""))], total: 1),
        .failed([failure], total: 1, blocked: [], blockedTotal: 0),
        .failed([failure, failure], total: 4, blocked: [.employeeMissingID(lars)], blockedTotal: 2),
        .tokenRefused("GET /customers answered 401: Unauthorized"),
        .unreachable(request: "GET /customers", "Could not connect to server"),
        .rateLimited(request: "GET /products", "Too many requests"),
    ]

    @Test("stored and read back whole; words an earlier econsync stored, and any other text, read back as recorded words")
    func stored() {
        for problem in Self.every {
            #expect(problem.stored.hasPrefix("{"), "\(problem.stored)")
            #expect(RunProblem(stored: problem.stored) == problem)
        }
        let old = "Employee is missing an e-conomic ID: Lars (employee 3): set …"
        #expect(RunProblem(stored: old) == .recorded(old) && RunProblem.recorded(old).stored == old)
        #expect(RunProblem(stored: "{not json") == .recorded("{not json"))
        #expect(RunProblem.recorded(old).words(.da) == old)
    }

    @Test("English as a run has always said it; Danish with the catalogue's words for every reason and e-conomic's own words kept")
    func words() {
        let blocked = Self.every[0]
        #expect(blocked.words(.en) == PlanReason.employeeMissingID(Self.lars).description + "; " + PlanReason.notApproved.description + " (5 blocked in all)")
        #expect(blocked.words(.da) == PlanReason.employeeMissingID(Self.lars).words(.da) + "; " + PlanReason.notApproved.words(.da) + " (5 blokeret i alt)")
        #expect(Self.every[1].words(.en) == PlanReason.customerNotFound(ReferencedRecord(kind: .customer, id: 7, name: "Ærø \"Tømrer\"")).description,
                "no count when every blocked record is shown")
        let failed = Self.every[3]
        #expect(failed.words(.en) == "4 operations failed: \(Self.failure); \(Self.failure); also blocked: "
                + PlanReason.employeeMissingID(Self.lars).description + " (2 blocked in all)")
        #expect(failed.words(.da) == "4 handlinger fejlede: kunde 12: \(Self.failure.error); kunde 12: \(Self.failure.error); også blokeret: "
                + PlanReason.employeeMissingID(Self.lars).words(.da) + " (2 blokeret i alt)")
        #expect(Self.every[2].words(.da).hasPrefix("1 handling fejlede: kunde 12: e-conomic refused: 400"))
    }

    @Test("why a module did not run, in both languages: the English as econsync has always said it, Danish of its own; kept as the English words")
    func notRun() {
        let reasons: [(RunProblem, String)] = [
            (.paused, "the integration is paused (field work goes on offline)"),
            (.switchedOff(.customers), "disabled (customers.enabled is false)"),
            (.awaitingFinance, "disabled until the finance module is active (finance.enabled)"),
            (.coolingDown(minutesAgo: 0, cooldown: 15), "ran less than a minute ago (cooldown 15 minutes)"),
            (.coolingDown(minutesAgo: 1, cooldown: 15), "ran 1 minute ago (cooldown 15 minutes)"),
            (.running(other: nil, owner: "host:12", since: "2026-11-02T08:00:00Z"),
             "is already running (in process host:12 since 2026-11-02T08:00:00Z); one agreement's modules run one at a time, try again when it finishes"),
            (.running(other: "units", owner: "host:12", since: "2026-11-02T08:00:00Z"),
             "cannot start while units is running (in process host:12 since 2026-11-02T08:00:00Z); one agreement's modules run one at a time, try again when it finishes"),
            (.locked(pid: "4711"), "running in another process (pid 4711); one process at a time syncs an agreement, try again when it finishes"),
            (.locked(pid: nil), "running in another process (pid unknown: it may have just finished); one process at a time syncs an agreement, try again when it finishes"),
            (.tokenExpired, "Token expired: e-conomic refused the connection; every module waits for a reconnect"),
        ]
        for (reason, english) in reasons {
            #expect(reason.words(.en) == english)
            let danish = reason.words(.da)
            #expect(danish != english && !["ago", "running", "process", "disabled", "refused"].contains { danish.contains($0) }, "\(danish)")
            #expect(reason.stored == english && RunProblem(stored: reason.stored) == .recorded(english))
        }
    }

    @Test("e-conomic's answers a run stopped on, kept as data: English as before, Danish headed by the brief's words, e-conomic's own words kept as they came")
    func economic() {
        let (token, unreachable, limited) = (Self.every[4], Self.every[5], Self.every[6])
        #expect(token.words(.en) == "Token expired: e-conomic refused the connection (GET /customers answered 401: Unauthorized)")
        #expect(token.words(.da) == "Token udløbet: e-conomic afviste forbindelsen (GET /customers answered 401: Unauthorized)")
        #expect(unreachable.words(.en) == "e-conomic is unreachable (GET /customers: Could not connect to server)")
        #expect(unreachable.words(.da) == "e-conomic kan ikke nås (GET /customers: Could not connect to server)")
        #expect(limited.words(.en).hasPrefix("Rate limited: GET /products: Too many requests; e-conomic limits each agreement's calls"))
        #expect(limited.words(.da).hasPrefix("e-conomic begrænser kaldene: GET /products: Too many requests; e-conomic tillader kun"))
        for problem in [token, unreachable, limited] {
            let error = SyncError(.failed, problem, module: "customers")
            #expect(ModuleScheduler.kept(error, NeutralRemedyWording()) == problem.stored && problem.isKeptAsData)
            #expect(SyncError.Code.needsReconnect.heading(problem.words(.da), in: .da) == problem.words(.da) || problem != token)
        }
    }

    @Test("a run's error carries its problem: the message is the English words, the detail is worded in the language asked for")
    func syncError() {
        let error = SyncError(.employeeMissingID, Self.every[0], module: "projectEntries")
        #expect(error.message == Self.every[0].words(.en) && error.problem == Self.every[0])
        #expect(error.detail(NeutralRemedyWording(), in: .da) == Self.every[0].words(.da))
        let plain = SyncError(.unreachable, "e-conomic could not be reached", module: "units")
        #expect(plain.detail(NeutralRemedyWording(), in: .da) == "e-conomic could not be reached" && plain.problem == nil)
    }

    @Test("a run keeps its records' reasons as data and any other error as it was worded, with its action")
    func kept() {
        let blocked = SyncError(.employeeMissingID, Self.every[0], module: "projectEntries")
        #expect(ModuleScheduler.kept(blocked, NeutralRemedyWording()) == Self.every[0].stored)
        let layout = SyncError(.missingSetting, .order(.noLayout), module: "orders", action: .setOrderLayout)
        #expect(ModuleScheduler.kept(layout, NeutralRemedyWording()) == "no order layout: " + NeutralRemedyWording().words(for: .setOrderLayout))
    }
}
