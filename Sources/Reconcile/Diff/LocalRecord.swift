import Snapshot
import Vocabulary

/// A replica record in e-conomic's shape, as the reconcile sees it.
public struct LocalRecord: Sendable, Equatable {
    /// The record; its key is the e-conomic key, or `local:ID` when e-conomic does not have it yet.
    public var record: Record
    public var localID: Int64
    /// Deleted in the replica.
    public var tombstone: Bool
    /// Mapped fields whose referenced record has no e-conomic key yet.
    public var unresolved: [String]
    /// For registrations: whether they are approved (only approved hours are pushed).
    public var approved: Bool?
    /// For registrations: whether they are exported on an order, so in
    /// e-conomic there (an hour goes once: never also as a time entry).
    public var onOrder = false
    /// Unresolved fields that refer to a replica record of a kind econsync can
    /// create in e-conomic; the field holds that record's `local:ID` meanwhile.
    public var dependencies: [Dependency]
    /// What each unresolved field refers to, for people: `Jens Hansen (employee 3)`.
    public var unresolvedNames: [String: ReferencedRecord] = [:]

    public init(record: Record, localID: Int64, tombstone: Bool = false, unresolved: [String] = [], approved: Bool? = nil,
                dependencies: [Dependency] = []) {
        self.record = record
        self.localID = localID
        self.tombstone = tombstone
        self.unresolved = unresolved
        self.approved = approved
        self.dependencies = dependencies
    }

    /// Whether e-conomic has the record (it has an e-conomic key).
    public var isInEconomic: Bool {
        if case .string(let key) = record.key { return !RecordRef.isLocal(planKey: key) }
        return true
    }
}
