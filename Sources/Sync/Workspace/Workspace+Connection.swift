import Economic
import Foundation
import Replica

extension Workspace {
    /// Stores a new connection to e-conomic (the credentials file, owner-only)
    /// and records its agreement in the replica when there is one. When it
    /// replaces `stored` (a reconnect), the modules that stopped for an
    /// expired token may run again.
    ///
    /// Refused, with nothing written, when the grant is for another agreement
    /// than `stored`'s, or when another department already syncs with it.
    public func store(_ connection: CredentialsFile.Connection, replacing stored: CredentialsFile.Connection?) throws {
        if let stored, stored.agreementNumber != connection.agreementNumber {
            throw ConnectionError(.otherAgreement(granted: connection.agreementNumber, connected: stored.agreementNumber), remedy: .disconnect)
        }
        try refuseSharedAgreement(connection.agreementNumber)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try credentialsFile.save(connection)
        guard FileManager.default.fileExists(atPath: replicaURL.path) else { return }
        let replica = try replica()
        try replica.recordConnection(agreement: connection.agreementNumber)
        // "Token expired" stopped every module; the new grant lets them run again.
        if stored != nil { try scheduler(replica).reconnected() }
    }

    /// The flow of a reconnect through e-conomic's grant page (after "Token
    /// expired"): the stored connection's app and addresses. Refused when
    /// econsync is not connected, or when the connection names no app public
    /// token (its grant was pasted; `connect` with the app's public token once gives it one).
    ///
    /// ```swift
    /// let (flow, stored) = try workspace.reconnectFlow()
    /// let url = flow.requestAccessURL(redirectURL: "http://127.0.0.1:8080/connection/grant/…")
    /// ```
    public func reconnectFlow() throws -> (flow: ConnectFlow, stored: CredentialsFile.Connection) {
        guard credentialsFile.exists else { throw ConnectionError(.notConnected) }
        let stored = try credentialsFile.load()
        guard let publicToken = stored.appPublicToken, !publicToken.isEmpty else {
            throw ConnectionError(.noPublicToken)
        }
        var flow = ConnectFlow(appPublicToken: publicToken, appSecretToken: stored.appSecretToken)
        flow.authBaseURL = stored.authBaseURL ?? ConnectFlow.defaultAuthBaseURL
        flow.restBaseURL = stored.restBaseURL
        flow.projectsBaseURL = stored.projectsBaseURL
        flow.transport = CurlTransport(configuration: transport)
        return (flow, stored)
    }

    /// Refuses an agreement another department's connection uses: each department's records sync with an agreement of its own.
    private func refuseSharedAgreement(_ agreement: Int) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasPrefix("credentials") && name.hasSuffix(".json") {
            let path = directory.appendingPathComponent(name).path
            guard path != credentialsFile.path, let other = try? CredentialsFile(path: path).load(),
                  other.agreementNumber == agreement else { continue }
            let department = name == "credentials.json" ? nil : String(name.dropFirst("credentials-department-".count).dropLast(".json".count))
            throw ConnectionError(.agreementInUse(agreement, department: department))
        }
    }
}
