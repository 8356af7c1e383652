import Foundation

/// The stored connection to one e-conomic agreement: app secret token, grant
/// token, agreement number and where e-conomic is. The file is readable by
/// its owner only (mode 0600), checked on every read; its contents never
/// appear in output, logs or errors.
///
/// ```swift
/// let file = CredentialsFile(path: dataDir.appending(path: "credentials.json").path)
/// try file.save(connection)
/// let connection = try file.load()
/// ```
public struct CredentialsFile: Sendable {
    /// What the file holds.
    public struct Connection: Codable, Sendable, Equatable, CustomStringConvertible {
        public var appSecretToken: String
        public var grantToken: String
        public var agreementNumber: Int
        public var companyName: String?
        public var restBaseURL: String
        public var projectsBaseURL: String
        public var connectedAt: String
        /// The app's public token and e-conomic's installation host the grant was
        /// asked for with, so that a reconnect asks the same app at the same place
        /// (absent from files written before they were kept).
        public var appPublicToken: String?
        public var authBaseURL: String?

        public init(appSecretToken: String, grantToken: String, agreementNumber: Int, companyName: String?,
                    restBaseURL: String, projectsBaseURL: String, connectedAt: String) {
            self.appSecretToken = appSecretToken
            self.grantToken = grantToken
            self.agreementNumber = agreementNumber
            self.companyName = companyName
            self.restBaseURL = restBaseURL
            self.projectsBaseURL = projectsBaseURL
            self.connectedAt = connectedAt
        }

        /// The tokens, for a client.
        public var credentials: EconomicCredentials {
            EconomicCredentials(appSecretToken: appSecretToken, grantToken: grantToken)
        }

        public var description: String {
            "agreement \(agreementNumber)\(companyName.map { " (\($0))" } ?? ""), connected \(connectedAt)"
        }
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Whether a connection is stored.
    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// Reads the connection; refuses a file others can read or write.
    public func load() throws -> Connection {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Problem(.notConnected, message: "not connected to e-conomic: \(path) does not exist", remedy: .connect)
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw Problem(.exposed, message: "\(path) is readable by others (mode \(String(mode, radix: 8)))", remedy: .restrictCredentials(path: path))
        }
        guard info.st_uid == getuid() else {
            throw Problem(.foreignOwner, message: "\(path) belongs to another user; econsync only reads credentials its user owns")
        }
        guard let data = FileManager.default.contents(atPath: path),
              let connection = try? JSONDecoder().decode(Connection.self, from: data) else {
            throw Problem(.unreadable, message: "\(path) is not an econsync credentials file", remedy: .reconnect)
        }
        return connection
    }

    /// Writes the connection, readable by the owner only, replacing the file atomically.
    public func save(_ connection: Connection) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(connection)
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw Problem(.io, message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(descriptor) == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Problem(.io, message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Deletes the stored connection; false when there was none.
    @discardableResult
    public func remove() throws -> Bool {
        guard exists else { return false }
        guard unlink(path) == 0 else { throw Problem(.io, message: "cannot delete \(path): \(String(cString: strerror(errno)))") }
        return true
    }
}
