import Foundation
import Reconcile
import Replica
import Snapshot
import Vocabulary

/// The replica checked against a snapshot of e-conomic on the mapped fields:
/// records either side lacks (e-conomic's own records of export-only kinds
/// excepted), fields that differ, approved hours not yet transferred, and
/// replica records that should have an e-conomic key and have none.
///
/// ```swift
/// let audit = try Audit.run(replica: replica, snapshot: path)
/// audit.isClean   // false when there is any discrepancy
/// ```
public struct Audit: Sendable {
    /// One discrepancy.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Problem: String, Sendable {
            case missingInEconomic = "missing in e-conomic"
            case missingInReplica = "missing in the replica"
            case mismatch = "fields differ"
            case approvedNotTransferred = "approved, not transferred"
            case withoutKey = "no e-conomic key"
        }

        public var kind: Kind
        /// The e-conomic key, or `local:ID`.
        public var key: String
        public var problem: Problem
        /// For a mismatch: each field with the replica's and e-conomic's values (canonical JSON, `-` when absent).
        public var fields: [(field: String, replica: String, economic: String)]

        public var description: String {
            let detail = fields.map { "\($0.field): replica \($0.replica), e-conomic \($0.economic)" }.joined(separator: "; ")
            return "\(kind) \(key): \(problem.rawValue)\(detail.isEmpty ? "" : " (\(detail))")"
        }

        public static func == (lhs: Finding, rhs: Finding) -> Bool { lhs.description == rhs.description }
    }

    /// Records per kind: compared and found matching, and each problem's count.
    public var counts: [Kind: [String: Int]] = [:]
    public var findings: [Finding] = []
    public var snapshot: String

    /// Whether nothing was found.
    public var isClean: Bool { findings.isEmpty }

    /// Audits `replica` against the snapshot at `snapshot` (verified while read).
    public static func run(replica: ReplicaStore, snapshot: String) throws -> Audit {
        var audit = Audit(snapshot: snapshot)
        let reader = try SnapshotChain.open(snapshot)
        var remote: [Kind: [RecordKey: Record]] = [:]
        // Kinds of modules switched off (suppliers without the finance module) are not the replica's to hold.
        let mappings = try ReconcileSettings(replica: replica).mappings
        let mapped = Set(mappings.map(\.kind))
        while let line = try reader.next() {
            if let kind = Kind(rawValue: line.kind), mapped.contains(kind) { remote[kind, default: [:]][line.key] = try SnapshotDiff.record(line, reader) }
        }
        var local = LocalRecords(replica: replica)
        for mapping in mappings where reader.header.kinds.contains(mapping.kind.rawValue) {
            var records = remote[mapping.kind] ?? [:]
            for row in try local.records(mapping) where !row.tombstone {
                guard row.isInEconomic else {
                    // Registrations are checked below: an unapproved one is not due, an approved one is "not transferred".
                    if row.approved == nil { audit.add(mapping.kind, row.record.key.description, .withoutKey) }
                    continue
                }
                guard let other = records.removeValue(forKey: row.record.key) else {
                    audit.add(mapping.kind, row.record.key.description, .missingInEconomic)
                    continue
                }
                let differing = mapping.economicPaths.compactMap { path -> (String, String, String)? in
                    let mine = path.comparable(in: row.record.data), theirs = path.comparable(in: other.data)
                    guard mine != theirs else { return nil }
                    return (path.description, mine.map(CanonicalJSON.string) ?? "-", theirs.map(CanonicalJSON.string) ?? "-")
                }
                if differing.isEmpty {
                    audit.counts[mapping.kind, default: [:]]["matching", default: 0] += 1
                } else {
                    audit.add(mapping.kind, row.record.key.description, .mismatch, fields: differing)
                }
            }
            // e-conomic's own records of an export-only kind (hours entered there) never come to the replica.
            if mapping.direction != .exportOnly {
                for key in records.keys.sorted() { audit.add(mapping.kind, key.description, .missingInReplica) }
            }
        }
        for entry in try replica.list(TimeEntry.self) where entry.isApproved && !entry.isSent {
            audit.add(.timeEntry, entry.foreignKey.map(String.init) ?? RecordRef.planKey(local: entry.id!), .approvedNotTransferred)
        }
        return audit
    }

    mutating func add(_ kind: Kind, _ key: String, _ problem: Finding.Problem, fields: [(String, String, String)] = []) {
        findings.append(Finding(kind: kind, key: key, problem: problem, fields: fields.map { (field: $0.0, replica: $0.1, economic: $0.2) }))
        counts[kind, default: [:]][problem.rawValue, default: 0] += 1
    }
}
