import Foundation
import Replica
import Snapshot
import Testing

extension ChaosTests {
    /// Every file econsync keeps in the data directory, damaged every way:
    /// truncated, emptied, a byte flipped, replaced by another valid file of its
    /// kind, made world-readable, replaced by a symbolic link. Each is refused
    /// with the file named (or shown harmless: the same answer as before), and
    /// the damaged file is left as it was found.
    @Suite("Chaos: damage")
    struct DamageTests {
        enum Damage: String, CaseIterable {
            case truncated, emptied, flipped, replaced, worldReadable, symlinked
        }

        /// The probe: a full dry run (the replica, the credentials and the whole base are read) and a consistency check.
        static func probe(_ connected: ConnectedCLI) async throws -> (status: Int32, output: String) {
            let dryRun = try await connected.run(["reconcile", "--dry-run", "--full"], timeout: 60)
            guard dryRun.status == 0 else { return (dryRun.status, dryRun.stdout + dryRun.stderr) }
            let check = try await connected.run(["local", "check"], timeout: 60)
            return (check.status, dryRun.stdout + dryRun.stderr + check.stdout + check.stderr)
        }

        @Test("replica, credentials, base snapshot and key index, each damaged six ways: refused naming the file, or harmless; left as found")
        func damage() async throws {
            try await ConnectedCLI.with { connected in
                try await ReconcileCommandTests.fieldWork(connected)
                let home = connected.cli.home
                try await connected.expect(["snapshot", "take"])  // another valid snapshot, to put in the base's place
                let snapshots = try NothingLostTests.items(try await connected.expect(["snapshot", "list", "--json"]), "snapshots")
                let base = try #require(snapshots.first { $0["baseFor"] != nil && $0["baseFor"] != .null }?["file"]?.stringValue)
                let other = try #require(snapshots.first { $0["file"]?.stringValue != base }?["file"]?.stringValue)
                let otherIndex = FileManager.default.fileExists(atPath: home.appendingPathComponent(KeyIndex.path(for: other)).path)
                    ? home.appendingPathComponent(KeyIndex.path(for: other)).path : home.appendingPathComponent(ReplicaStore.fileName).path
                let files = [ReplicaStore.fileName, "credentials.json", base, KeyIndex.path(for: base)]
                // Valid files of each kind that are not the ones in place.
                let spare = connected.cli.outside.appendingPathComponent("spare")
                #expect(try connected.cli.run(["--data-dir", spare.path, "init"]).status == 0)
                let credentials = try String(contentsOf: home.appendingPathComponent("credentials.json"), encoding: .utf8)
                    .replacingOccurrences(of: "emulator-grant", with: "another-grant")
                try Data(credentials.utf8).write(to: spare.appendingPathComponent("credentials.json"))
                let replacements = [ReplicaStore.fileName: spare.appendingPathComponent(ReplicaStore.fileName).path,
                                    "credentials.json": spare.appendingPathComponent("credentials.json").path,
                                    base: home.appendingPathComponent(other).path, KeyIndex.path(for: base): otherIndex]
                _ = try await connected.run(["local", "check"])  // settles the write-ahead log into the file
                let healthy = try await Self.probe(connected)
                #expect(healthy.status == 0)
                var tally = Chaos.Tally("damage")
                for name in files {
                    let path = home.appendingPathComponent(name).path
                    guard FileManager.default.fileExists(atPath: path) else {
                        tally.probe("\(name) is not in the data directory")
                        continue
                    }
                    let original = try Data(contentsOf: URL(fileURLWithPath: path))
                    for damage in Damage.allCases {
                        try Self.apply(damage, to: path, original: original, replacement: replacements[name], scratch: connected.cli.outside)
                        let damaged = try? Data(contentsOf: URL(fileURLWithPath: path))
                        let result = try await Self.probe(connected)
                        let named = result.output.contains((name as NSString).lastPathComponent) || (name == "credentials.json" && result.output.contains("reconnect"))
                        var defect: String?
                        switch (damage, result.status) {
                        case (.worldReadable, 0):
                            if !result.output.contains("\(name) was readable by others") { defect = "no note that it was tightened" }
                        case (_, 0):
                            if result.output != healthy.output { defect = "accepted, and the answer changed: \(result.output.prefix(300))" }
                        case (_, let status) where !named:
                            defect = "refused (exit \(status)) without naming the file: \(result.output.prefix(300))"
                        default:
                            break
                        }
                        if damage != .worldReadable, damage != .symlinked, (try? Data(contentsOf: URL(fileURLWithPath: path))) != damaged {
                            defect = (defect.map { $0 + "; " } ?? "") + "the damaged file was changed"
                        }
                        tally.probe(defect.map { "\(name) \(damage.rawValue): \($0)" })
                        try? FileManager.default.removeItem(atPath: path)
                        try original.write(to: URL(fileURLWithPath: path))
                        chmod(path, 0o600)
                    }
                }
                // Nothing lost: with every file back, the same answer as before.
                let restored = try await Self.probe(connected)
                tally.probe(restored.status == 0 && restored.output == healthy.output ? nil : "after restoring: \(restored.output.prefix(300))")
                tally.report()
            }
        }

        static func apply(_ damage: Damage, to path: String, original: Data, replacement: String?, scratch: URL) throws {
            let url = URL(fileURLWithPath: path)
            switch damage {
            case .truncated: try original.prefix(original.count / 2).write(to: url)
            case .emptied: try Data().write(to: url)
            case .flipped:
                var bytes = original
                // The middle of a gzip stream (its CRC notices); the magic of an SQLite header (SQLite has no page checksums); a JSON brace.
                let offset = path.hasSuffix(".sqlite") ? 3 : path.hasSuffix(".json") ? 0 : bytes.count / 2
                bytes[offset] ^= 0x20
                try bytes.write(to: url)
            case .replaced:
                try FileManager.default.removeItem(at: url)
                try FileManager.default.copyItem(atPath: replacement ?? path, toPath: path)
            case .worldReadable: chmod(path, 0o644)
            case .symlinked:
                let elsewhere = scratch.appendingPathComponent("linked-\(url.lastPathComponent)")
                try? FileManager.default.removeItem(at: elsewhere)
                try original.write(to: elsewhere)
                try FileManager.default.removeItem(at: url)
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: elsewhere.path)
            }
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}
