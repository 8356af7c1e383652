import HTTPTypes
import Hummingbird

/// The headers every answer carries: a Content-Security-Policy that lets a
/// page load nothing from elsewhere (its style is inline, its one script is
/// the panel's own /panel.js, no inline script runs), no sniffing, no caching of pages that show the integration's state,
/// the referrer only to the panel itself, and no framing.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = PanelContext

    static let policy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"  // no-referrer would make a browser send `Origin: null` with the panel's own forms
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}
