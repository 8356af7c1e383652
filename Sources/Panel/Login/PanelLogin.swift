import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// The panel's login, on when it has a password (`--password-file`): the
/// sessions of those logged in (a random id in a cookie, each with its own
/// CSRF token) and the slowing down of failed logins. Sessions live in memory
/// until logout or until the panel stops.
///
/// ```swift
/// let login = PanelLogin(password: password, now: { Date() })
/// if case .opened(let id) = login.attempt(client: "10.0.0.7", password: "…") {
///     response.headers[.setCookie] = PanelLogin.cookie(id, secure: false)
/// }
/// ```
public final class PanelLogin: Sendable {
    /// What a login attempt came to.
    public enum Attempt: Equatable, Sendable {
        /// The session id for the cookie.
        case opened(String)
        /// The wrong password; the client may try again in this many seconds.
        case refused(wait: Int)
        /// Too soon after a failure: the password was not looked at.
        case tooSoon(wait: Int)
    }

    static let cookieName = "econsync_session"

    private let password: PanelPassword
    let throttle: LoginThrottle
    /// Session id → that session's CSRF token.
    private let sessions = Mutex([String: String]())

    public init(password: PanelPassword, now: @escaping @Sendable () -> Date) {
        self.password = password
        throttle = LoginThrottle(now: now)
    }

    /// Tries `guess` for `client`.
    public func attempt(client: String, password guess: String) -> Attempt {
        let wait = throttle.wait(client)
        if wait > 0 { return .tooSoon(wait: wait) }
        guard password.matches(guess) else { return .refused(wait: throttle.failed(client)) }
        throttle.succeeded(client)
        let id = RandomToken.make()
        sessions.withLock { $0[id] = RandomToken.make() }
        return .opened(id)
    }

    /// The CSRF token of the session `request`'s cookie names, nil when it names none.
    func csrf(_ request: Request) -> String? {
        guard let id = Self.sessionID(request) else { return nil }
        return sessions.withLock { $0[id] }
    }

    /// Ends the session `request`'s cookie names.
    func close(_ request: Request) {
        guard let id = Self.sessionID(request) else { return }
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    /// The `Set-Cookie` value for session `id`; `Secure` when the request came over https
    /// (as a proxy in front says with `X-Forwarded-Proto: https`; the panel itself speaks plain http).
    static func cookie(_ id: String, secure: Bool) -> String {
        "\(cookieName)=\(id); HttpOnly; SameSite=Strict; Path=/" + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that makes a browser forget its session.
    static let expiredCookie = "\(cookieName)=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"

    static func isHTTPS(_ request: Request) -> Bool {
        request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    static func sessionID(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == cookieName { return String(parts[1]) }
            }
        }
        return nil
    }
}
