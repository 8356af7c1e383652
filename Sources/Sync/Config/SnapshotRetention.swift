import Foundation
import Replica

/// How many snapshots the store keeps, and for how long: applied after every
/// module run (`sync`, `run`).
///
/// A snapshot is removed when it is neither among the newest ``keep`` of its
/// agreement nor younger than ``maxAge``; never the newest, a reconcile's
/// base, or one an audit refers to. A base the store merged for a module run
/// goes as soon as a newer base replaces it: it is made from the runs'
/// snapshots, which are the states of e-conomic seen, and would otherwise
/// add a whole copy of the agreement to the store at every run.
///
/// ```swift
/// let retention = try SnapshotRetention(replica: replica)   // keep 50, 30 days
/// try store.apply(retention)
/// ```
public struct SnapshotRetention: Sendable, Equatable {
    static let keys: [ConfigKey] = [
        .number("snapshots.keep", "snapshots kept per agreement beyond their age limit (bases and audited ones are always kept)",
                1...100_000, default: 50),
        .number("snapshots.maxAge", "days a snapshot is kept even beyond snapshots.keep; 0 keeps none for its age alone",
                0...3650, default: 30),
    ]

    /// Snapshots kept per agreement whatever their age.
    public var keep: Int
    /// Snapshots younger than this are kept whatever their number.
    public var maxAge: TimeInterval

    public init(keep: Int = 50, maxAgeDays: Int = 30) {
        self.keep = keep
        maxAge = TimeInterval(maxAgeDays) * 86_400
    }

    /// The settings stored in `replica`.
    public init(replica: ReplicaStore) throws {
        let values = try ConfigValues(replica: replica)
        self.init(keep: values.int("snapshots.keep") ?? 50, maxAgeDays: values.int("snapshots.maxAge") ?? 30)
    }

    /// Whether the snapshot at `index` of its agreement's newest-first list, taken at `takenAt`, is kept at `now`.
    func keeps(index: Int, takenAt: Date?, now: Date) -> Bool {
        if index == 0 || index < keep { return true }
        guard let takenAt else { return true }
        return now.timeIntervalSince(takenAt) < maxAge
    }
}
