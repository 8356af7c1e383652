internal import GRDB
import Vocabulary

/// One push of a reconcile run, recorded before it is sent: what it is (the
/// plan operation, as JSON), its idempotency key, and where it stands.
/// `sending` means it may have reached e-conomic, so a resume settles it
/// (replay with the same key, or a lookup) instead of sending it blindly.
public struct OutboxEntry: Codable, Equatable, Sendable {
    static let databaseTableName = "outbox"

    /// Where a push stands.
    public enum State: String, Codable, Sendable {
        case pending, sending, confirmed, failed
    }

    public var id: Int64?
    public var runId: Int64
    /// Its place in the run's push order.
    public var position: Int
    public var module: Module
    public var kind: Kind
    /// The operation's key: an e-conomic key, or `local:ID`.
    public var recordKey: String
    /// The replica row it pushes.
    public var localId: Int64?
    /// The row's mapped hash when the push was recorded: the row is marked
    /// synced on confirmation only if it still has it (an edit made meanwhile
    /// stays to be pushed).
    public var localHash: String?
    public var action: String
    public var idempotencyKey: String
    /// The plan operation, as canonical JSON.
    public var operation: String
    public var state: State
    /// The key e-conomic gave (creates) or has (updates).
    public var economicKey: String?
    public var error: String?
    public var recordedAt: String
    public var sentAt: String?
    public var settledAt: String?

    public init(runId: Int64, position: Int, module: Module, kind: Kind, recordKey: String, localId: Int64?, localHash: String?,
                action: String, idempotencyKey: String, operation: String, recordedAt: String) {
        self.localHash = localHash
        self.runId = runId
        self.position = position
        self.module = module
        self.kind = kind
        self.recordKey = recordKey
        self.localId = localId
        self.action = action
        self.idempotencyKey = idempotencyKey
        self.operation = operation
        self.state = .pending
        self.recordedAt = recordedAt
    }

    mutating func didInsert(rowID: Int64) {
        id = rowID
    }
}

extension OutboxEntry {
    /// The columns of `outbox`, each named once: the case is the property, its raw
    /// value the column (`syncedHash` is `"synced_hash"`).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case runId = "run_id"
        case position
        case module
        case kind
        case recordKey = "record_key"
        case localId = "local_id"
        case localHash = "local_hash"
        case action
        case idempotencyKey = "idempotency_key"
        case operation
        case state
        case economicKey = "economic_key"
        case error
        case recordedAt = "recorded_at"
        case sentAt = "sent_at"
        case settledAt = "settled_at"
    }
}

extension OutboxEntry {
    /// A run's pushes in push order (the `outbox_state` index).
    static func ofRun(_ run: Int64) -> QueryInterfaceRequest<StoredEntry<OutboxEntry>> {
        StoredEntry.filter(Columns.runId.column == run).order(Columns.position.column)
    }
}

extension OutboxEntry: ColumnNaming {}

extension OutboxEntry: TableEntry {}
