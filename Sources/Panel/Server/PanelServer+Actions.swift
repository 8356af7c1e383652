import Blocking
import Foundation
import Hummingbird
import Sync
import Vocabulary

extension PanelServer {
    /// "Synkroniser nu": POST /sync (every module) and POST /sync/MODULE start
    /// a sync in the background and send the browser back to the overview;
    /// GET /force/MODULE asks before a forced run past the cooldown; GET
    /// /audit shows the last audit and POST /audit runs one ("Revision"). Every
    /// POST carries the panel's CSRF token and comes from the panel's own
    /// page, or it is refused (403) and nothing runs.
    func addActions(to router: Router<PanelContext>) {
        router.post("/sync") { request, context in
            try await startSync(request, context, modules: [])
        }
        router.post("/sync/:module") { request, context in
            guard let module = Module(rawValue: context.parameters.get("module") ?? "") else { return Self.response(.notFound, "no such module\n", type: "text/plain") }
            return try await startSync(request, context, modules: [module])
        }
        router.get("/force/:module") { request, context in
            guard let module = Module(rawValue: context.parameters.get("module") ?? "") else { return Self.response(.notFound, "no such module\n", type: "text/plain") }
            let language = Self.language(request)
            return Self.html(ForcePage(module: module, language: language, csrf: csrf(for: request) ?? "").html)
        }
        router.get("/audit") { request, _ in
            let page = AuditPage(running: audits.running, last: audits.last, failure: audits.failure, csrf: csrf(for: request) ?? "",
                                 language: Self.language(request))
            return Self.html(page.html)
        }
        router.post("/audit") { request, _ in
            guard try await ourForm(request) != nil else { return Self.refused }
            _ = audits.start(workspace: workspace)
            return Response.redirect(to: "/audit?lang=\(Self.language(request).rawValue)", type: .normal)
        }
        router.get("/panel.js") { _, _ in
            Self.response(.ok, PanelScript.text, type: "text/javascript; charset=utf-8")
        }
        router.get("/api/progress") { _, _ in
            let running = Dictionary(uniqueKeysWithValues: runs.progress.map { ($0.key.rawValue, $0.value) })
            return Self.response(.ok, try PanelJSON.encode(["modules": running]), type: "application/json")
        }
    }

    func startSync(_ request: Request, _ context: PanelContext, modules: [Module]) async throws -> Response {
        guard let form = try await ourForm(request) else { return Self.refused }
        _ = runs.start(modules, force: form["force"] == "1", workspace: workspace)
        let language = Self.language(request)
        return Response.redirect(to: "/?lang=\(language.rawValue)", type: .normal)
    }

    /// A POST's form when it carries the panel's token (the session's) and comes from the panel's own page; nil otherwise.
    func ourForm(_ request: Request) async throws -> FormBody? {
        var request = request
        let form = FormBody(String(buffer: try await request.collectBody(upTo: 16_384)))
        guard let token = csrf(for: request), form["csrf"] == token, Self.sameOrigin(request) else { return nil }
        return form
    }

    /// Whether a POST came from the panel's own pages: a browser's `Origin`, when it sends one, names the panel's host.
    static func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let host = request.head.authority else { return false }
        return origin == "http://\(host)"
    }
}
