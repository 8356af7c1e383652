import ArgumentParser
import Foundation
import Replica

/// `econsync init`: creates the data directory and its replica.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the data directory and its local replica (or upgrade an existing one).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        var dataDir: String
        var replica: String
        var schemaVersion: Int
        var created: Bool
    }

    func run() throws {
        let directory = global.directory
        let existed = FileManager.default.fileExists(atPath: global.replicaURL.path)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure("cannot create data directory \(directory.path): \(FileProblem(error, path: directory.path)?.reason ?? "\(error)")")
        }
        try global.tightenDirectory()
        let store = try ReplicaStore.open(at: global.replicaURL, create: true, now: GlobalOptions.clock())
        if try store.setting("created_at") == nil {
            try store.write { try $0.setSetting("created_at", Timestamp.string(store.now())) }
            // Connected before the replica was made: this new replica is the connection's.
            if let connection = try? global.credentialsFile.load() {
                try store.scoped(to: global.department).recordConnection(agreement: connection.agreementNumber)
            }
        }
        let report = Report(dataDir: directory.path, replica: store.url.path, schemaVersion: try store.fileSchemaVersion(), created: !existed)
        if output.json { return try Output.json(report) }
        print(existed ? "replica at \(report.replica) is ready (schema version \(report.schemaVersion))"
                      : "created replica at \(report.replica) (schema version \(report.schemaVersion))")
    }
}
