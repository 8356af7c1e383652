import Foundation
import Replica

/// A snapshot of the store as `snapshot list --json` and `snapshot import
/// --json` show it: its file (relative to the data directory, as `snapshot
/// show` takes it), its records per kind as numbers, and what still needs it.
struct SnapshotEntryReport: Encodable {
    var file: String
    var agreement: Int
    var takenAt: String
    var mode: String
    var baseFile: String?
    var records: Int
    var counts: [String: Int]
    var sha256: String
    var bytes: Int64
    var addedAt: String
    var baseFor: String?
    var auditReferences: Int

    init(_ entry: SnapshotEntry) {
        (file, agreement, takenAt, mode, baseFile, records, sha256, bytes, addedAt, baseFor, auditReferences) =
            (entry.file, entry.agreement, entry.takenAt, entry.mode, entry.baseFile, entry.records, entry.sha256, entry.bytes,
             entry.addedAt, entry.baseFor, entry.auditReferences)
        counts = (try? JSONDecoder().decode([String: Int].self, from: Data(entry.counts.utf8))) ?? [:]
    }
}
