import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// The panel's login, on when it has a password (`--password-file`): the
/// sessions of those logged in (a random id in a cookie, each with its own
/// CSRF token) and the slowing down of failed logins. Sessions live in memory
/// until logout, until the panel stops, or until they expire: after 8 hours
/// without a request, and 24 hours after the login at the latest (on the
/// injected clock).
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

    /// One logged-in browser.
    struct Session {
        var csrf: String
        var opened: Date
        var seen: Date
    }

    static let cookieName = "econsync_session"
    /// A session unused this long is over.
    static let idleLimit: TimeInterval = 8 * 3600
    /// A session is over this long after its login, used or not.
    static let lifetime: TimeInterval = 24 * 3600

    private let password: PanelPassword
    let throttle: LoginThrottle
    let now: @Sendable () -> Date
    /// Session id → that session.
    private let sessions = Mutex([String: Session]())

    public init(password: PanelPassword, now: @escaping @Sendable () -> Date) {
        self.password = password
        self.now = now
        throttle = LoginThrottle(now: now)
    }

    /// Tries `guess` for `client`.
    public func attempt(client: String, password guess: String) -> Attempt {
        let wait = throttle.wait(client)
        if wait > 0 { return .tooSoon(wait: wait) }
        guard password.matches(guess) else { return .refused(wait: throttle.failed(client)) }
        throttle.succeeded(client)
        let id = RandomToken.make()
        let at = now()
        sessions.withLock { sessions in
            sessions = sessions.filter { isLive($0.value, at: at) }
            sessions[id] = Session(csrf: RandomToken.make(), opened: at, seen: at)
        }
        return .opened(id)
    }

    /// The CSRF token of the session `request`'s cookie names, nil when it names none.
    func csrf(_ request: Request) -> String? {
        Self.sessionID(request).flatMap(csrf(session:))
    }

    /// The CSRF token of live session `id`, which counts as a use of it; nil
    /// when there is no such session, or it expired (it is then forgotten).
    func csrf(session id: String) -> String? {
        let at = now()
        return sessions.withLock { sessions in
            guard let session = sessions[id] else { return nil }
            guard isLive(session, at: at) else {
                sessions[id] = nil
                return nil
            }
            sessions[id]?.seen = at
            return session.csrf
        }
    }

    func isLive(_ session: Session, at date: Date) -> Bool {
        date.timeIntervalSince(session.seen) < Self.idleLimit && date.timeIntervalSince(session.opened) < Self.lifetime
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
