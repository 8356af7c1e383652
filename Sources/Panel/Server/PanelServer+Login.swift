import Foundation
import HTTPTypes
import Hummingbird

extension PanelServer {
    /// "Log ind" for a panel with a password: GET /login shows the form, POST
    /// /login opens a session (a cookie) or answers 401, or 429 when the
    /// client failed a moment ago (`Retry-After` says for how long); POST
    /// /logout ends the session (GET /logout, the navigation's "Log ud", asks
    /// first). Both POSTs carry a CSRF token.
    func addLogin(_ login: PanelLogin, to router: Router<PanelContext>) {
        router.add(middleware: LoginGate(login: login))
        router.get("/login") { request, _ in
            Self.html(LoginPage(language: Self.language(request), csrf: csrf).html)
        }
        router.post("/login") { request, context in
            var request = request
            let form = FormBody(String(buffer: try await request.collectBody(upTo: 16_384)))
            guard form["csrf"] == csrf, Self.sameOrigin(request) else { return Self.refused }
            let language = Self.language(request)
            let problem: LoginPage.Problem
            switch login.attempt(client: context.client, password: form["password"] ?? "") {
            case .opened(let id):
                var response = Response.redirect(to: "/?lang=\(language.rawValue)", type: .normal)
                response.headers[.setCookie] = PanelLogin.cookie(id, secure: PanelLogin.isHTTPS(request))
                return response
            case .refused(let wait): problem = .wrongPassword(wait: wait)
            case .tooSoon(let wait): problem = .tooSoon(wait: wait)
            }
            let (status, wait): (HTTPResponse.Status, Int) = switch problem {
            case .wrongPassword(let wait): (.unauthorized, wait)
            case .tooSoon(let wait): (.tooManyRequests, wait)
            }
            var response = Self.html(LoginPage(language: language, csrf: csrf, problem: problem).html, status: status)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        router.get("/logout") { request, _ in
            // "Log ud" in the navigation of every page: a page that asks, its form carrying the session's token.
            Self.html(LoginPage.logoutQuestion(csrf: csrf(for: request) ?? "", language: Self.language(request)))
        }
        router.post("/logout") { request, _ in
            guard try await ourForm(request) != nil else { return Self.refused }
            login.close(request)
            var response = Response.redirect(to: "/login?lang=\(Self.language(request).rawValue)", type: .normal)
            response.headers[.setCookie] = PanelLogin.expiredCookie
            return response
        }
    }

    /// The token a form on a page for `request` carries: its session's when the panel has a login, else the panel's.
    func csrf(for request: Request) -> String? {
        guard let login else { return csrf }
        return login.csrf(request)
    }

    /// The answer to a POST whose token or origin is not the panel's.
    static var refused: Response {
        response(.forbidden, "refused: this form did not come from the panel's own page\n", type: "text/plain; charset=utf-8")
    }
}
