import HTTPTypes
import Hummingbird

/// The headers every answer carries: a Content-Security-Policy that lets a
/// page load nothing from elsewhere (its style is inline, it has no script
/// yet), no sniffing, no caching of pages that show the integration's state,
/// no referrer, and no framing.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = BasicRequestContext

    static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}
