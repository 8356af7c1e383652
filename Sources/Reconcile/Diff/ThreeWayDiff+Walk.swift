import Snapshot
import Vocabulary

extension ThreeWayDiff {
    /// A kind's comparison walked a part of its keys at a time: what the
    /// parts walked so far found, and what ``finish(_:unkeyed:)`` still
    /// decides once every part is walked (which e-conomic records the replica
    /// records it does not have yet are linked to).
    ///
    /// Walking the parts in key order, then finishing, gives what
    /// ``operations(base:remote:local:)`` gives for them all at once, in the same
    /// order: so a kind of 100,000 records is compared without holding them all.
    ///
    /// ```swift
    /// let unkeyed = diff.unkeyed(recordsWithoutKey)
    /// var walk = ThreeWayDiff.Walk(linkable: diff.linkable(unkeyed))
    /// for part in parts { diff.walk(base: part.base, remote: part.remote, known: part.local, into: &walk) }
    /// let operations = diff.finish(walk, unkeyed: unkeyed)
    /// ```
    public struct Walk: Sendable {
        /// The link values of the replica records e-conomic does not have yet (``linkable(_:)``).
        let linkable: [FieldPath: Set<JSONValue>]
        var operations: [PlanOperation] = []
        var candidates: [Candidate] = []
        var linked: [LinkedMatch] = []

        public init(linkable: [FieldPath: Set<JSONValue>]) {
            self.linkable = linkable
        }

        /// Adds what `next` found, walked over keys after all of this walk's.
        public mutating func append(_ next: Walk) {
            operations += next.operations
            candidates += next.candidates
            linked += next.linked
        }
    }

    /// The replica records among `local` that may be created in e-conomic or
    /// linked to one of its records: not there yet, not deleted, and not on an
    /// order (a registration exported on an order is in e-conomic there, not created as a time entry too).
    public func unkeyed(_ local: [LocalRecord]) -> [LocalRecord] {
        local.filter { !$0.isInEconomic && !$0.tombstone && !$0.onOrder }
    }

    /// Walks one part of the kind's keys: `base`, `remote` and `known` (replica
    /// records e-conomic has) each sorted by key, holding every record of
    /// those keys, and after any part walked before.
    public func walk(base: some Sequence<Record>, remote: some Sequence<Record>, known: [LocalRecord], into walk: inout Walk) {
        var baseIterator = base.makeIterator(), remoteIterator = remote.makeIterator()
        var b = baseIterator.next(), r = remoteIterator.next()
        var index = 0
        while true {
            let l = index < known.count ? known[index] : nil
            let keys = [b?.key, r?.key, l?.record.key].compactMap { $0 }
            guard let current = keys.min() else { break }
            let baseRecord = b?.key == current ? b : nil
            let remoteRecord = r?.key == current ? r : nil
            let localRecord = l?.record.key == current ? l : nil
            if let remoteRecord, localRecord == nil, Self.matches(remoteRecord, walk.linkable) {
                walk.candidates.append(Candidate(key: current, base: baseRecord, remote: remoteRecord))  // a replica record may be linked to it below
            } else {
                if let remoteRecord, let localRecord, Self.matches(remoteRecord, walk.linkable) {
                    walk.linked.append(LinkedMatch(remote: remoteRecord, local: localRecord))   // a new replica record must not duplicate it
                }
                walk.operations += compare(key: current, base: baseRecord, remote: remoteRecord, local: localRecord)
            }
            if baseRecord != nil { b = baseIterator.next() }
            if remoteRecord != nil { r = remoteIterator.next() }
            if localRecord != nil { index += 1 }
        }
    }

    /// The kind's operations once every part is walked: the walk's, then the
    /// links and creates of `unkeyed` (``unkeyed(_:)`` of every replica
    /// record e-conomic does not have); all skipped when the kind is switched off.
    public func finish(_ walk: Walk, unkeyed: [LocalRecord]) -> [PlanOperation] {
        let operations = walk.operations + link(unkeyed, walk.candidates, linked: walk.linked)
        if let off {
            return operations.map { PlanOperation(kind: $0.kind, key: $0.key, action: .skip, because: .switchedOff(off)) }
        }
        return operations
    }
}
