import Foundation
import Snapshot

/// Everything an emulator remembers, changed only under its lock: records,
/// grants, counters, the token bucket, the idempotency cache and faults.
struct EmulatorState: Sendable {
    var store: RecordStore
    let configuration: EmulatorConfiguration
    let agreement: Int
    /// Grant tokens issued or configured, still valid.
    var grants: Set<String>
    /// Grant tokens an agreement revoked.
    var revoked: Set<String> = []
    /// API requests handled (the control API does not count).
    var requestCount = 0
    /// Time spent answering API requests (handling and compressing, not injected latency), for benchmarks.
    var serviceTime = Duration.zero
    /// Processor time of the threads answering them (the same work, less any wait for a processor), for benchmarks.
    var serviceCPUTime = Duration.zero
    var bucket: TokenBucket
    var idempotency: IdempotencyCache
    var faults: FaultInjector?
    var random: SplitMix64
    var versionCounter: Int64 = 0
    /// Every accepted `POST /TimeEntries/approve`: the numbers and `bookOn`.
    var approvals: [EconomicEmulator.Approval] = []

    init(store: RecordStore, agreement: Int, configuration: EmulatorConfiguration) {
        self.store = store
        self.agreement = agreement
        self.configuration = configuration
        grants = configuration.grantTokens
        let now = configuration.clock.now()
        bucket = TokenBucket(limit: configuration.rateLimit, window: configuration.rateWindow, now: now)
        idempotency = IdempotencyCache(window: configuration.idempotencyWindow)
        random = SplitMix64(seed: configuration.randomSeed ?? UInt64.random(in: 0...UInt64.max))
    }

    var now: Date { configuration.clock.now() }

    /// A fresh `logId` in e-conomic's current spelling.
    mutating func logId() -> String { random.hex(16) + "-CPH" }

    /// A fresh `objectVersion` for a Projects API record.
    mutating func nextObjectVersion() -> String {
        versionCounter += 1
        let digits = String(versionCounter, radix: 36, uppercase: true)
        return "EMU" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// Whether writes to `kind` stamp `lastUpdated`.
    static let stampedKinds: Set<RecordKind> = [.customer, .product, .project, .timeEntry, .order, .sentOrder, .archivedOrder]
    /// Kinds served by the Projects API (they carry `objectVersion`).
    static let versionedKinds: Set<RecordKind> = [.project, .timeEntry, .hourType, .employee, .projectGroup]

    /// Stores `data` as an e-conomic user's edit would: stamps `lastUpdated`
    /// where the kind has it and gives Projects records a new `objectVersion`.
    mutating func userEdit(kind: RecordKind, key: RecordKey, data: [String: JSONValue]) -> [String: JSONValue] {
        var data = data
        if Self.stampedKinds.contains(kind) { data["lastUpdated"] = .string(Timestamps.iso(now)) }
        if Self.versionedKinds.contains(kind) { data["objectVersion"] = .string(nextObjectVersion()) }
        store.put(kind, key, data)
        return data
    }

    /// The same for a kind named on the control API or by a test; records of
    /// a kind the emulator does not serve are stored as they are.
    mutating func userEdit(kindNamed name: String, key: RecordKey, data: [String: JSONValue]) -> [String: JSONValue] {
        if let kind = RecordKind(rawValue: name) { return userEdit(kind: kind, key: key, data: data) }
        store.put(name, key, data)
        return data
    }
}
