import Foundation

/// The install ("Request") URL of an app:
/// `GET /secure/api1/requestaccess.aspx?appPublicToken=…&redirectUrl=…&locale=…`.
/// For a known public token the agreement "adds the app" at once: a new grant
/// token is issued and the browser is sent to `redirectUrl?token=<grant>`
/// (302), or shown the token when there is no redirect URL.
enum RequestAccess {
    static let path = ["secure", "api1", "requestaccess.aspx"]

    static func matches(_ request: EmulatorRequest) -> Bool {
        request.segments.map { $0.lowercased() } == path
    }

    static func handle(_ env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        let request = env.request
        guard request.method == "GET" else { return .text(405, "Method not allowed.") }
        guard let publicToken = request.query("appPublicToken") ?? request.query("appId"), !publicToken.isEmpty else {
            return page(400, "Missing appPublicToken", "The install link must carry ?appPublicToken=<the app's public token>.")
        }
        guard state.configuration.appPublicTokens.contains(publicToken) else {
            return page(400, "Unknown app", "No app has the public token \(escape(publicToken)).")
        }
        let grant = state.random.token(43)
        state.grants.insert(grant)
        guard let redirect = request.query("redirectUrl"), !redirect.isEmpty else {
            return page(200, "App added", "The app was added to agreement \(state.agreement). Its agreement grant token is:</p><p><code>\(grant)</code>")
        }
        let separator = redirect.contains("?") ? "&" : "?"
        var response = EmulatorResponse.empty(302)
        response.setHeader("Location", redirect + separator + "token=" + URLText.encode(grant))
        return response
    }

    static func page(_ status: Int, _ title: String, _ text: String) -> EmulatorResponse {
        .text(status, "<!DOCTYPE html><html><head><title>\(title)</title></head><body><h1>\(title)</h1><p>\(text)</p></body></html>",
              contentType: "text/html; charset=utf-8")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
