import Hummingbird

/// In front of every page and API: a page that could not be made (its
/// replica damaged, busy elsewhere, …) is answered with a page saying why, in
/// the office's language with the panel's navigation; an `/api/…` call with
/// its JSON error (``PanelFailure``), `/metrics` with a line of text. An
/// answer the routes chose themselves (a 400, a 404) goes out as it is.
///
/// ```swift
/// router.add(middleware: FailureAnswers())
/// ```
struct FailureAnswers: RouterMiddleware {
    typealias Context = PanelContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            let failure = PanelFailure(error)
            let path = request.uri.path
            if path.hasPrefix("/api/") {
                return PanelServer.response(failure.status, failure.json, type: "application/json")
            }
            if path == "/metrics" {
                return PanelServer.response(failure.status, "\(failure.code): \(failure.detail(.en))\n", type: "text/plain; charset=utf-8")
            }
            return PanelServer.html(ErrorPage(failure: failure, language: PanelServer.language(request)).html, status: failure.status)
        }
    }
}
