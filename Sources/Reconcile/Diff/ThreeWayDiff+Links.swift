import Snapshot
import Vocabulary

extension ThreeWayDiff {
    /// The fields each kind is linked by when no setting says otherwise.
    static let defaultLinks: [Kind: [FieldPath]] = [
        .customer: ["corporateIdentificationNumber"],
        .employee: ["number", "email", "name"],
    ]

    /// An e-conomic record no replica record has yet, that a replica record may link to.
    struct Candidate: Sendable {
        var key: RecordKey
        var base: Record?
        var remote: Record
    }

    /// An e-conomic record a replica record has already, that a new replica record matches by a link field.
    struct LinkedMatch: Sendable {
        var remote: Record
        var local: LocalRecord
    }

    /// A record as a block's reason names it: its key, and its name when it has one (`1001 (Hansen VVS ApS)`).
    static func named(_ record: Record) -> String {
        "\(record.key)" + ((record.data["name"]?.stringValue).map { " (\($0))" } ?? "")
    }

    /// A field's value as links compare it: e-mail addresses without regard to case.
    public static func linkValue(_ path: FieldPath, in data: [String: JSONValue]) -> JSONValue? {
        guard let value = path.value(in: data), value != .null else { return nil }
        if path.description == "email", let text = value.stringValue { return .string(text.lowercased()) }
        return value
    }

    /// The values of each link field among `records` (replica records e-conomic does not have yet).
    public func linkable(_ records: [LocalRecord]) -> [FieldPath: Set<JSONValue>] {
        var values: [FieldPath: Set<JSONValue>] = [:]
        for path in linkBy {
            let found = Set(records.compactMap { Self.linkValue(path, in: $0.record.data) })
            if !found.isEmpty { values[path] = found }
        }
        return values
    }

    /// Whether `record` has a value some replica record may link by.
    public static func matches(_ record: Record, _ linkable: [FieldPath: Set<JSONValue>]) -> Bool {
        linkable.contains { path, values in linkValue(path, in: record.data).map(values.contains) ?? false }
    }

    /// A record new to e-conomic that another new replica record matches by a
    /// link field (two customers with one CVR) is not created: which one is
    /// right is the office's call, so both are blocked, named, rather than guessed.
    func twins(of record: LocalRecord, among unkeyed: [LocalRecord]) -> PlanOperation? {
        for path in linkBy {
            guard let value = Self.linkValue(path, in: record.record.data) else { continue }
            let rivals = unkeyed.filter { $0.localID != record.localID && Self.linkValue(path, in: $0.record.data) == value }
            guard !rivals.isEmpty else { continue }
            let names = ([record] + rivals).sorted { $0.localID < $1.localID }.map { Self.named($0.record) }
            return op(record.record.key, .block, [:], .sameValue(mapping.kind, records: names, field: path.description,
                                                                 value: value.keyText))
        }
        return nil
    }

    /// A new replica record matching, by a link field, an e-conomic record
    /// that another replica record already is (a customer recorded in the
    /// field with the CVR number of one synced before): creating it would
    /// duplicate that record in e-conomic, so it is blocked, both named.
    func duplicate(of record: LocalRecord, _ linked: [LinkedMatch]) -> PlanOperation? {
        for path in linkBy {
            guard let value = Self.linkValue(path, in: record.record.data),
                  let match = linked.first(where: { Self.linkValue(path, in: $0.remote.data) == value }) else { continue }
            return op(record.record.key, .block, [:], .duplicate(mapping.kind, record: Self.named(record.record), field: path.description,
                                                                 value: value.keyText, economic: Self.named(match.remote),
                                                                 replica: match.local.record.key.description))
        }
        return nil
    }

    /// Links each replica record to the one e-conomic record it matches by the
    /// first link field that matches exactly one (never duplicating it); a
    /// match with several records, on either side, blocks the replica record
    /// and holds back the e-conomic ones. The rest are created or pulled as usual.
    func link(_ unkeyed: [LocalRecord], _ candidates: [Candidate], linked: [LinkedMatch] = []) -> [PlanOperation] {
        var operations: [PlanOperation] = []
        var claimed: Set<RecordKey> = [], heldBack: [RecordKey: PlanReason] = [:]
        for record in unkeyed {
            var decided = false
            for path in linkBy {
                guard let value = Self.linkValue(path, in: record.record.data) else { continue }
                let remote = candidates.filter { !claimed.contains($0.key) && Self.linkValue(path, in: $0.remote.data) == value }
                guard !remote.isEmpty else { continue }
                let rivals = unkeyed.filter { $0.localID != record.localID && Self.linkValue(path, in: $0.record.data) == value }
                if remote.count == 1, rivals.isEmpty {
                    var linked = op(record.record.key, .pullUpdate, Self.fields(remote[0].remote.data, mapping.economicPaths),
                                    .linked(mapping.kind, key: remote[0].key.description, field: path.description))
                    linked.link = remote[0].key.description
                    operations.append(linked)
                    claimed.insert(remote[0].key)
                } else {
                    let reason = PlanReason.ambiguous(mapping.kind, field: path.description, matches: remote.map { Self.named($0.remote) },
                                                      rivals: !rivals.isEmpty)
                    operations.append(op(record.record.key, .block, [:], reason))
                    for candidate in remote {
                        heldBack[candidate.key] = .heldBack(mapping.kind, record: record.record.key.description, because: reason)
                    }
                }
                decided = true
                break
            }
            if !decided { operations.append(twins(of: record, among: unkeyed) ?? duplicate(of: record, linked) ?? create(record)) }
        }
        for candidate in candidates where !claimed.contains(candidate.key) {
            if let reason = heldBack[candidate.key] {
                operations.append(op(candidate.key, .skip, [:], reason))
            } else {
                operations += compare(key: candidate.key, base: candidate.base, remote: candidate.remote, local: nil)
            }
        }
        return operations
    }
}
