import ArgumentParser
import Foundation
import Replica

/// A snapshot as the command line names it: a file, a store file as
/// `econsync snapshot list` shows it (`snapshots/…`, found in the data
/// directory from anywhere), `@latest` (the newest snapshot in the store) or
/// `@base` (the newest base the syncs compare with).
///
/// ```swift
/// let path = try SnapshotName.path("@latest", global: global)   // …/snapshots/1118081/2026-11-02T080000Z.ndjson.gz
/// ```
enum SnapshotName {
    static let latest = "@latest"
    static let base = "@base"
    static var help: String {
        Speech.say("En øjebliksbilledfil, en fil, som `snapshot list` viser den, @latest eller @base.",
                   "A snapshot file, a file as `snapshot list` shows it, @latest or @base.")
    }
    /// The store's folder in the data directory.
    static let folder = "snapshots"

    /// `file` (as the store records it, `snapshots/…`) as `snapshot list` shows it, relative to the store's folder.
    static func shown(_ file: String) -> String {
        file.hasPrefix(folder + "/") ? String(file.dropFirst(folder.count + 1)) : file
    }

    static func path(_ name: String, global: GlobalOptions) throws -> String {
        switch name {
        case latest, base:
            let store = try global.snapshotStore(readOnly: true)
            let entries = try store.listing(all: true).entries.filter { name == latest || $0.baseFor != nil }
            guard let newest = entries.max(by: { ($0.takenAt, $0.file) < ($1.takenAt, $1.file) }) else {
                throw name == latest
                    ? CommandFailure("lageret af øjebliksbilleder er tomt: `econsync sync` eller `econsync snapshot take` laver et",
                                     "the snapshot store is empty: `econsync sync` or `econsync snapshot take` makes one")
                    : CommandFailure("der er intet grundlag endnu: den første `econsync sync` laver et",
                                     "there is no base yet: the first `econsync sync` makes one")
            }
            return store.path(of: newest)
        default:
            if name.hasPrefix("@") { throw ValidationError("\(name) er ikke navnet på et øjebliksbillede: brug @latest, @base eller en fil", "\(name) names no snapshot: use @latest, @base or a file") }
            if FileManager.default.fileExists(atPath: name) { return name }
            // As `snapshot list` shows it (relative to the store's folder), or relative to the data directory.
            for folder in [global.directory.appendingPathComponent(SnapshotName.folder), global.directory] {
                let inStore = folder.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: inStore) { return inStore }
            }
            return name
        }
    }
}
