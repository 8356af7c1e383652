import Foundation
import Testing
@testable import Snapshot

@Suite("Snapshot diff")
struct SnapshotDiffTests {
    /// Applies random additions, removals and field changes to `records`;
    /// returns the new records and the changes expected, by kind and key.
    static func mutate(_ records: [Record], seed: UInt64)
        -> (records: [Record], added: Set<String>, removed: Set<String>, changed: [String: [SnapshotDiff.FieldChange]]) {
        var random = TestRandom(seed: seed)
        var result: [Record] = []
        var added: Set<String> = [], removed: Set<String> = [], changed: [String: [SnapshotDiff.FieldChange]] = [:]
        for record in records {
            let id = "\(record.kind)/\(record.key)"
            switch random.int(0...19) {
            case 0:
                removed.insert(id)
            case 1:
                var copy = record
                let field = "changed\(random.int(0...2))"
                let value = JSONValue.string("ny værdi \(random.int(0...999))")
                let old = copy.data[field]
                copy.data[field] = value
                result.append(copy)
                if old != value { changed[id] = [SnapshotDiff.FieldChange(path: field, old: old, new: value)] }
            case 2:
                var copy = record
                copy.data["nested"] = .object(["inner": .int(Int64(random.int(0...9))), "same": .bool(true)])
                result.append(copy)
                changed[id] = [SnapshotDiff.FieldChange(path: "nested", old: nil, new: copy.data["nested"])]
            default:
                result.append(record)
            }
            if random.chance(0.03), case .int(let key) = record.key {
                let extra = Record(kind: record.kind, key: .int(key * 1000 + 999_999), data: ["name": .string("ny")])
                added.insert("\(extra.kind)/\(extra.key)")
                result.append(extra)
            }
        }
        result.sort { $0.kind == $1.kind ? $0.key < $1.key : $0.kind.utf8.lexicographicallyPrecedes($1.kind.utf8) }
        return (result, added, removed, changed)
    }

    @Test("the diff finds exactly the changes a generator made, and nothing else", arguments: [5, 6, 7] as [UInt64])
    func exactChanges(seed: UInt64) throws {
        let scratch = try ScratchDirectory()
        let before = Fixtures.records(1_500, seed: seed)
        let (after, added, removed, changed) = Self.mutate(before, seed: seed)
        try Fixtures.write(before, to: scratch.path("a.gz"))
        try Fixtures.write(after, to: scratch.path("b.gz"))
        var seenAdded: Set<String> = [], seenRemoved: Set<String> = [], seenChanged: [String: [SnapshotDiff.FieldChange]] = [:]
        let summary = try SnapshotDiff.compare(scratch.path("a.gz"), scratch.path("b.gz")) { change in
            switch change {
            case .added(let record): seenAdded.insert("\(record.kind)/\(record.key)")
            case .removed(let record): seenRemoved.insert("\(record.kind)/\(record.key)")
            case .changed(let old, let new, let fields):
                #expect(old.key == new.key)
                seenChanged["\(new.kind)/\(new.key)"] = fields
            }
        }
        #expect(seenAdded == added && seenRemoved == removed && seenChanged == changed)
        #expect(summary.added.values.reduce(0, +) == added.count && summary.changed.values.reduce(0, +) == changed.count)
        #expect(!added.isEmpty && !removed.isEmpty && !changed.isEmpty, "the generator made every kind of change")
        let unchanged = summary.unchanged.values.reduce(0, +)
        #expect(unchanged == before.count - removed.count - changed.count)
    }

    @Test("identical snapshots have an empty diff; --kind limits it")
    func identicalAndFiltered() throws {
        let scratch = try ScratchDirectory()
        let records = Fixtures.records(300, seed: 8)
        try Fixtures.write(records, to: scratch.path("a.gz"))
        try Fixtures.write(records, to: scratch.path("b.gz"))
        #expect(try SnapshotDiff.compare(scratch.path("a.gz"), scratch.path("b.gz")).isEmpty)
        let (after, _, _, _) = Self.mutate(records, seed: 8)
        try Fixtures.write(after, to: scratch.path("c.gz"))
        let units = try SnapshotDiff.compare(scratch.path("a.gz"), scratch.path("c.gz"), kinds: ["unit"])
        #expect(Set(units.added.keys).union(units.removed.keys).union(units.changed.keys).isSubset(of: ["unit"]))
        #expect(!units.isEmpty)
    }

    @Test("nested objects are compared field by field")
    func nestedFields() {
        let old: [String: JSONValue] = ["customerGroup": .object(["customerGroupNumber": .int(1), "name": .string("A")]), "x": .int(1)]
        let new: [String: JSONValue] = ["customerGroup": .object(["customerGroupNumber": .int(2), "name": .string("A")]), "y": .int(1)]
        #expect(SnapshotDiff.fields(old, new) == [
            .init(path: "customerGroup.customerGroupNumber", old: .int(1), new: .int(2)),
            .init(path: "x", old: .int(1), new: nil),
            .init(path: "y", old: nil, new: .int(1)),
        ])
    }
}
