import Blocking
import Foundation
import Hummingbird
import Replica
import Sync
import Vocabulary

extension PanelServer {
    /// "Ordrer" (module 7): GET /orders lists the projects to export from and
    /// the orders exported; GET /orders/project/ID shows a project's approved
    /// registrations not yet exported, ticked as `econsync order export` would
    /// take them (or as `?picked=1&entry=12&entry=m:3` ticks them), and the
    /// order lines they make; its POST …/export exports exactly the
    /// registrations previewed, as `econsync order export --entries` does,
    /// and leads back to /orders with the draft order's number.
    func addOrders(to router: Router<PanelContext>) {
        router.get("/orders") { request, _ in
            let language = Self.language(request)
            let exported = request.uri.queryParameters.get("exported").flatMap { Int64($0) }
            let page = try await Blocking.run { [self] in
                let exports = try replica.orderExports()
                var names: [Int64: String] = [:]
                for id in Set(exports.map(\.projectId)) { names[id] = try replica.name(of: .project, id: id) }
                return OrdersPage(projects: try replica.exportableProjects(), exports: exports, projectNames: names, exported: exported, language: language).html
            }
            return Self.html(page)
        }
        router.get("/orders/project/:id") { request, context in
            let language = Self.language(request)
            let query = request.uri.queryParameters
            let picked: [RegistrationRef]? = query.get("picked") == nil ? nil : query.getAll("entry").compactMap(RegistrationRef.init)
            let token = csrf(for: request) ?? ""
            let page = try await Blocking.run { [self] in
                try orderProjectPage(context.parameters.get("id", as: Int64.self), picked: picked, csrf: token, language: language)?.html
            }
            return page.map { Self.html($0) } ?? Self.html(Self.noSuchProject(language), status: .notFound)
        }
        router.post("/orders/project/:id/export") { request, context in
            guard let form = try await ourForm(request) else { return Self.refused }
            let language = Self.language(request)
            let token = csrf(for: request) ?? ""
            let projectID = context.parameters.get("id", as: Int64.self)
            let picked = form.all("entry").compactMap(RegistrationRef.init)
            guard let projectID, !picked.isEmpty else {
                let page = try await Blocking.run { [self] in try orderProjectPage(projectID, picked: [], csrf: token, language: language)?.html }
                return Self.html(page ?? Self.noSuchProject(language), status: page == nil ? .notFound : .badRequest)
            }
            var order = OrderExportRequest(projectID: projectID, date: Timestamp.day(workspace.now()))
            order.select(picked)
            do {
                let result = try await workspace.exportOrder(order)
                return Response.redirect(to: "/orders?exported=\(result.export.orderNumber ?? 0)&lang=\(language.rawValue)", type: .normal)
            } catch let error as any CodedError {
                // Refused (a registration taken meanwhile, a customer e-conomic lacks, e-conomic's answer): the page says why.
                let page = try await Blocking.run { [self] in
                    var page = try orderProjectPage(projectID, picked: picked, csrf: token, language: language)
                    page?.refusal = error
                    return page?.html
                }
                let usage = [SyncError.Code.invalidRequest, .nothingToExport].contains { (error as? SyncError)?.code == $0 }
                return Self.html(page ?? Self.noSuchProject(language), status: page == nil ? .notFound : usage ? .badRequest : .conflict)
            }
        }
    }

    /// The page for a project id that names no project.
    static func noSuchProject(_ language: PanelLanguage) -> String {
        let body = "<p class=\"notice\" id=\"not-a-project\">\(HTML.escape(OrderText.notAProject.in(language)))</p>\n"
            + "<p><a href=\"/orders?lang=\(language.rawValue)\">\(HTML.escape(OrderText.backToOrders.in(language)))</a></p>\n"
        return HTML.page(title: OrderText.orders.in(language), language: language, body: body)
    }

    /// A project's page under "Ordrer" with `picked` ticked (nil: what an export takes by default); nil when there is no such project.
    func orderProjectPage(_ id: Int64?, picked: [RegistrationRef]?, csrf: String, language: PanelLanguage) throws -> OrderProjectPage? {
        guard let id, let project = try replica.fetch(Project.self, id: id), !project.tombstone else { return nil }
        var page = OrderProjectPage(projectID: id, projectName: project.name, candidates: try OrderExporter.exportable(replica: replica, project: id),
                                    picked: [], csrf: csrf, language: language)
        var request = OrderExportRequest(projectID: id, date: Timestamp.day(workspace.now()))
        if let picked { request.select(picked) }
        if picked?.isEmpty != true {
            do {
                // As `order export --dry-run` works it out, on the panel's own connection to the replica.
                let draft = try OrderExporter.preview(replica: replica, request)
                (page.draft, page.refusal) = (draft, try OrderExporter.refusal(of: draft, replica: replica))
            } catch let error as any CodedError {
                page.refusal = error
            }
        }
        page.picked = Set(picked ?? page.draft?.refs ?? page.candidates.map(\.ref))
        return page
    }
}
