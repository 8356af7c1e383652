import Foundation
import Replica

/// What ``Workspace/initialise()`` found or made.
public struct Initialisation: Sendable, Equatable {
    /// The replica file.
    public var replica: URL
    /// The schema version the replica now has.
    public var schemaVersion: Int
    /// True when the replica was created now, false when it was there (and is upgraded if it was older).
    public var created: Bool
}

extension Workspace {
    /// Creates the data directory (owner-only) and its replica, or upgrades
    /// the replica that is there. A replica made after a connection was
    /// stored belongs to that connection's agreement.
    ///
    /// ```swift
    /// let result = try Workspace(directory: home).initialise()
    /// // result.created == true, result.schemaVersion == ReplicaStore.schemaVersion
    /// ```
    public func initialise() throws -> Initialisation {
        let existed = FileManager.default.fileExists(atPath: replicaURL.path)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw FileProblem(error, path: directory.path) ?? error
        }
        try tighten()
        let store = try ReplicaStore.open(at: replicaURL, create: true, now: now)
        if try store.setting(Self.createdAt) == nil {
            try store.write { try $0.setSetting(Self.createdAt, Timestamp.string(store.now())) }
            if let connection = try? credentialsFile.load() {
                try store.scoped(to: department).recordConnection(agreement: connection.agreementNumber)
            }
        }
        logger.debug("replica ready", metadata: ["file": "\(replicaURL.path)", "created": "\(!existed)"])
        return Initialisation(replica: store.url, schemaVersion: try store.fileSchemaVersion(), created: !existed)
    }

    /// The setting that holds when the replica was made.
    static let createdAt = "created_at"
}
