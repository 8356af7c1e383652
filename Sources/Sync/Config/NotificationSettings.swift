import Economic
import Foundation
import Replica

/// Where error notifications are e-mailed: SMTP server, sender and
/// recipients. The password is never kept in the replica: it comes from
/// `$ECONSYNC_SMTP_PASSWORD` or from the owner-only file `smtp.passwordFile` names.
///
/// ```swift
/// if let smtp = try NotificationSettings(replica: replica).smtp() { … }
/// ```
public struct NotificationSettings: Sendable, Equatable {
    static let keys: [ConfigKey] = [
        .text("smtp.url", "the SMTP server errors are mailed through, smtp://host:port or smtps://host:port", extra: { value in
            value.hasPrefix("smtp://") || value.hasPrefix("smtps://") ? nil : .notSMTPAddress
        }),
        .text("smtp.username", "the SMTP login, if the server wants one"),
        .text("smtp.passwordFile", "a file readable only by its owner holding the SMTP password (or set $ECONSYNC_SMTP_PASSWORD)", max: 4096),
        .text("smtp.from", "the sender address of notifications", extra: { $0.contains("@") ? nil : .notEmailAddress }),
        .text("smtp.to", "who gets notifications: e-mail addresses separated by commas", max: 2000, extra: { value in
            value.split(separator: ",").allSatisfy { $0.contains("@") } ? nil : .notEmailAddresses
        }),
        .choice("smtp.language", "the language of notification mails", Language.self, default: .da),
        .flag("smtp.requireTLS", "refuse to send unless the connection is encrypted; false sends in plain text, password included",
              default: true),
    ]

    public var url: String?
    public var username: String?
    public var passwordFile: String?
    public var from: String?
    public var to: [String] = []
    public var requireTLS = true
    /// The language of the mails.
    public var language = Language.da

    public init() {}

    /// The settings stored in `replica`.
    public init(replica: ReplicaStore) throws {
        self.init(try ConfigValues(replica: replica))
    }

    init(_ values: ConfigValues) {
        url = values.string("smtp.url")
        username = values.string("smtp.username")
        passwordFile = values.string("smtp.passwordFile")
        from = values.string("smtp.from")
        to = values.string("smtp.to").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        requireTLS = values.string("smtp.requireTLS").map { $0 != "false" } ?? true
        language = values.string("smtp.language").flatMap(Language.init(rawValue:)) ?? .da
    }

    /// Whether mails are sent: a server, a sender and recipients are set.
    public var isConfigured: Bool { url != nil && from != nil && !to.isEmpty }

    /// The password, from the environment or the password file. The file
    /// must be a regular file outside the data directory (where the
    /// credentials live) that only its owner can read.
    func password(dataDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if let password = environment["ECONSYNC_SMTP_PASSWORD"], !password.isEmpty { return password }
        guard let passwordFile else { return nil }
        if DataDirectory(url: dataDirectory).contains(passwordFile) {
            throw ConfigError(.passwordFileInDataDirectory(passwordFile))
        }
        var info = stat()
        guard stat(passwordFile, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw ConfigError(.passwordFileMissing(passwordFile))
        }
        if info.st_mode & 0o077 != 0 {
            throw ConfigError(.passwordFileOpen(passwordFile, mode: UInt32(info.st_mode)))
        }
        guard let data = FileManager.default.contents(atPath: passwordFile), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(.passwordFileUnreadable(passwordFile))
        }
        return text.trimmingCharacters(in: .newlines)
    }
}
