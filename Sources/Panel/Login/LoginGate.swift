import Hummingbird

/// In front of every page and API of a panel with a password: a request
/// without a live session is sent to the login form (a GET) or refused (403,
/// anything else). `/healthz` (for a monitor) and the login form itself are
/// open, and so is the way back from e-conomic's grant page
/// (`/connection/grant/NONCE`): a browser arriving from e-conomic does not
/// send the session's SameSite=Strict cookie, and the one-time nonce, issued
/// to a logged-in session only, is what lets it in.
struct LoginGate: RouterMiddleware {
    typealias Context = PanelContext

    let login: PanelLogin
    static let open: Set<String> = ["/healthz", "/login"]
    static let openPrefix = "/connection/grant/"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let isOpen = Self.open.contains(path) || (request.method == .get && path.hasPrefix(Self.openPrefix))
        if isOpen || login.csrf(request) != nil { return try await next(request, context) }
        guard request.method == .get || request.method == .head else {
            return PanelServer.response(.forbidden, "refused: log in first\n", type: "text/plain; charset=utf-8")
        }
        return Response.redirect(to: "/login?lang=\(PanelServer.language(request).rawValue)", type: .normal)
    }
}
