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
            throw ConnectionError(.otherAgreement, "the grant is for agreement \(connection.agreementNumber), but econsync is "
                                  + "connected to agreement \(stored.agreementNumber)", remedy: .disconnect)
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

    /// Refuses an agreement another department's connection uses: each department's records sync with an agreement of its own.
    private func refuseSharedAgreement(_ agreement: Int) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasPrefix("credentials") && name.hasSuffix(".json") {
            let path = directory.appendingPathComponent(name).path
            guard path != credentialsFile.path, let other = try? CredentialsFile(path: path).load(),
                  other.agreementNumber == agreement else { continue }
            let owner = name == "credentials.json" ? "the records without a department"
                : "department " + name.dropFirst("credentials-department-".count).dropLast(".json".count)
            throw ConnectionError(.agreementInUse, "e-conomic agreement \(agreement) is already connected for \(owner); "
                                  + "each department needs an agreement of its own")
        }
    }
}
