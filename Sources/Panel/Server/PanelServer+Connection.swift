import Blocking
import Economic
import Foundation
import Hummingbird
import Replica
import Sync
import Vocabulary
import Synchronization

extension PanelServer {
    /// "Forbindelse": GET /connection shows the connection; POST
    /// /connection/reconnect issues a nonce for that press of the button and
    /// leads, through /connection/continue/NONCE, to e-conomic's grant page
    /// with this panel's own address to come back to
    /// (`/connection/grant/NONCE`, good once), where the
    /// grant is checked and stored as `econsync reconnect` stores it; GET
    /// /connection/disconnect asks, and its POST forgets the connection.
    func addConnection(to router: Router<PanelContext>) {
        router.get("/connection") { request, _ in
            let language = Self.language(request)
            let notice = request.uri.queryParameters.get("result").flatMap { ["reconnected": PanelText.reconnected, "disconnected": .disconnectedNotice][$0] }
            let page = try await Blocking.run { [self] in
                let file = workspace.credentialsFile
                let connection = file.exists ? try file.load() : nil
                let expired = try reports().contains { $0.state == .needsReconnect }
                return ConnectionPage(connection: connection, tokenExpired: expired, notice: notice, csrf: csrf(for: request) ?? "", language: language).html
            }
            return Self.html(page)
        }
        router.post("/connection/reconnect") { request, _ in
            guard try await ourForm(request) != nil else { return Self.refused }
            let language = Self.language(request)
            do {
                _ = try workspace.reconnectFlow()
            } catch let error as ConnectionError {
                return Self.html(ConnectionPage.problem(.cannotReconnect, error.message(language), language: language), status: .conflict)
            }
            // A form may only lead to the panel itself (the CSP's form-action): the way on to e-conomic is a page of its own.
            return Response.redirect(to: "/connection/continue/\(grants.issue())?lang=\(language.rawValue)", type: .normal)
        }
        router.get("/connection/continue/:nonce") { request, context in
            let language = Self.language(request)
            let nonce = context.parameters.get("nonce") ?? ""
            guard grants.isPending(nonce), let host = request.head.authority else {
                return Self.html(ConnectionPage.problem(.grantRefused, PanelText.unknownGrantLink.in(language), language: language), status: .badRequest)
            }
            do {
                let (flow, _) = try workspace.reconnectFlow()
                let url = flow.requestAccessURL(redirectURL: "http://\(host)/connection/grant/\(nonce)")
                return Self.html(ConnectionPage.onToEconomic(url, language: language))
            } catch let error as ConnectionError {
                return Self.html(ConnectionPage.problem(.cannotReconnect, error.message(language), language: language), status: .conflict)
            }
        }
        router.get("/connection/grant/:nonce") { request, context in
            let language = Self.language(request)
            guard grants.redeem(context.parameters.get("nonce") ?? "") else {
                return Self.html(ConnectionPage.problem(.grantRefused, PanelText.unknownGrantLink.in(language), language: language), status: .badRequest)
            }
            do {
                guard let token = request.uri.queryParameters.get("token"), !token.isEmpty else {
                    throw EconomicError(.grantNotAccepted, status: 0, message: "e-conomic sent no grant token back", request: "GET /connection/grant")
                }
                let (flow, stored) = try workspace.reconnectFlow()
                let connection = try await flow.connect(grantToken: token, now: Timestamp.string(workspace.now()))
                try await Blocking.run { [workspace] in try workspace.store(connection, replacing: stored) }
                return Response.redirect(to: "/connection?result=reconnected&lang=\(language.rawValue)", type: .normal)
            } catch let error as any CodedError {
                return Self.html(ConnectionPage.problem(.grantRefused, PanelFailure(error).detail(language), language: language), status: .badRequest)
            }
        }
        router.get("/connection/disconnect") { request, _ in
            Self.html(ConnectionPage.disconnectQuestion(csrf: csrf(for: request) ?? "", language: Self.language(request)))
        }
        router.post("/connection/disconnect") { request, _ in
            guard try await ourForm(request) != nil else { return Self.refused }
            _ = try workspace.credentialsFile.remove()
            return Response.redirect(to: "/connection?result=disconnected&lang=\(Self.language(request).rawValue)", type: .normal)
        }
    }
}

/// The nonces of reconnects started from the panel: each names one trip
/// through e-conomic's grant page and is good for one return.
final class PanelGrants: Sendable {
    private let pending = Mutex(Set<String>())

    /// A new nonce to come back with.
    func issue() -> String {
        let nonce = RandomToken.make()
        pending.withLock { _ = $0.insert(nonce) }
        return nonce
    }

    /// Whether `nonce` was issued and not used yet (it stays so).
    func isPending(_ nonce: String) -> Bool {
        pending.withLock { $0.contains(nonce) }
    }

    /// Whether `nonce` was issued and not used yet; it is used now.
    func redeem(_ nonce: String) -> Bool {
        pending.withLock { $0.remove(nonce) != nil }
    }
}
