import Blocking
import Foundation
import Hummingbird
import Logging
import Replica
import Sync
import Vocabulary

/// The office's admin panel: web pages rendered on the server for one data
/// directory (the same replica the CLI uses, side by side), plus what an
/// operator watches (`/healthz`, `/metrics`) and the `/api/…` JSON a script reads.
///
/// ```swift
/// try await PanelServer(workspace: workspace).run(host: "127.0.0.1", port: 8080) { port in
///     print("serving on http://127.0.0.1:\(port)")
/// }
/// ```
public struct PanelServer: Sendable {
    public let workspace: Workspace
    /// The replica, opened once: a page view reads it, it does not open it again.
    let replica: ReplicaStore
    /// The token every form of this panel carries, new each time the panel starts.
    let csrf: String
    /// The syncs started from the panel.
    let runs = PanelRuns()
    /// The audits started from the panel ("Revision").
    let audits = PanelAudits()
    /// The reconnects started from the panel, awaiting e-conomic's answer.
    let grants = PanelGrants()
    /// The login, when the panel has a password (`--password-file`); none: every page is open.
    let login: PanelLogin?

    /// A panel for `workspace`, behind a login when it has a `password`; throws
    /// when its replica cannot be opened (no `econsync init` yet).
    public init(workspace: Workspace, password: PanelPassword? = nil) throws {
        self.workspace = workspace
        login = password.map { PanelLogin(password: $0, now: workspace.now) }
        HTML.hasLogin.store(login != nil, ordering: .relaxed)
        replica = try workspace.replica()
        csrf = RandomToken.make()
    }

    /// Serves on `host:port` (port 0 picks a free one) until SIGINT or
    /// SIGTERM; `onListening` gets the bound port first.
    public func run(host: String, port: Int, onListening: @escaping @Sendable (Int) -> Void) async throws {
        var logger = Logger(label: "econsync.panel")
        logger.logLevel = .critical
        let app = Application(router: router(), configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "econsync"),
                              onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) }, logger: logger)
        try await app.runService()
    }

    func router() -> Router<PanelContext> {
        let router = Router(context: PanelContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: FailureAnswers())
        if let login { addLogin(login, to: router) }
        router.get("/") { request, _ in
            let language = Self.language(request)
            let token = csrf(for: request) ?? ""
            let page = try await Blocking.run { [self] in
                var page = OverviewPage(reports: try reports(), language: language, now: workspace.now())
                page.cooldown = try ModuleSettings(replica: replica).cooldown
                page.csrf = token
                page.running = runs.progress
                page.notices = runs.notices
                page.runs = try recentRuns()
                return page.html
            }
            return Self.html(page)
        }
        router.get("/log") { request, _ in
            let language = Self.language(request)
            let module = request.uri.queryParameters.get("module").flatMap(Module.init(rawValue:))
            let page = try await Blocking.run { [self] in
                LogPage(runs: try replica.moduleRuns(module: module?.rawValue, limit: 200),
                               notifications: try replica.notifications(module: module?.rawValue, limit: 100), module: module, language: language).html
            }
            return Self.html(page)
        }
        router.get("/healthz") { _, _ in
            let problem = try await Blocking.run { [self] in health() }
            return Self.response(problem == nil ? .ok : .serviceUnavailable, (problem ?? "ok") + "\n", type: "text/plain; charset=utf-8")
        }
        router.get("/metrics") { _, _ in
            let text = try await Blocking.run { [self] in try metrics().text }
            return Self.response(.ok, text, type: "text/plain; version=0.0.4; charset=utf-8")
        }
        addAPI(to: router)
        addActions(to: router)
        addConnection(to: router)
        addRecordPages(to: router)
        addOrders(to: router)
        addSettings(to: router)
        return router
    }

    /// Every module's report, stale leases released first (as `econsync status` does).
    func reports() throws -> [ModuleReport] {
        try workspace.scheduler(replica).report()
    }

    /// Nil when the replica can be read and no module hangs; else what is wrong. A
    /// hung run is released as the report is made ("Modul hænger" is then its
    /// last error), so a module hangs until a run of it ends well.
    func health() -> String? {
        do {
            let stuck = try reports().filter { $0.lastErrorKind == SyncError.Code.timedOut.rawValue }
            return stuck.isEmpty ? nil : "module hangs: " + stuck.map(\.module.rawValue).joined(separator: ", ")
        } catch {
            return "the replica cannot be read: \(error)"
        }
    }

    /// The runs started in the last 24 hours, module by module (each read through the
    /// index of a module's runs by start: a year of history is not read to find them).
    func recentRuns() throws -> [ModuleRun] {
        let since = Timestamp.string(workspace.now().addingTimeInterval(-24 * 3600))
        return try Module.allCases.flatMap { try replica.moduleRuns(module: $0.rawValue, since: since, limit: 100_000) }
    }

    func metrics() throws -> Metrics {
        var recent: [Module: [ModuleRun.Outcome: Int]] = [:]
        for run in try recentRuns() {
            guard let module = Module(rawValue: run.module) else { continue }
            recent[module, default: [:]][run.outcome, default: 0] += 1
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: workspace.replicaURL.path)[.size] as? Int) ?? 0
        return Metrics(reports: try reports(), recentRuns: recent, replicaBytes: bytes)
    }

    static func language(_ request: Request) -> PanelLanguage {
        PanelLanguage.negotiate(query: request.uri.queryParameters.get("lang"), acceptLanguage: request.headers[.acceptLanguage])
    }

    /// A page of the panel.
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        response(status, page, type: "text/html; charset=utf-8")
    }

    static func response(_ status: HTTPResponse.Status, _ text: String, type: String) -> Response {
        Response(status: status, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
