import Foundation
import Testing
@testable import Snapshot

@Suite("Snapshot deltas and chains")
struct SnapshotChainTests {
    /// Writes states `states[0]` whole and each next one as a delta over the
    /// one before (in one folder, as a store keeps them); returns the paths.
    static func chain(_ states: [[Record]], in scratch: ScratchDirectory) throws -> [String] {
        var paths = [scratch.path("s0.ndjson.gz")]
        try Fixtures.write(states[0], to: paths[0])
        for index in states.indices.dropFirst() {
            let whole = scratch.path("whole\(index).ndjson.gz")
            try Fixtures.write(states[index], to: whole)
            let size = try SnapshotDelta.measure(old: SnapshotChain(path: paths[index - 1]), new: SnapshotReader(path: whole))
            let path = scratch.path("s\(index).ndjson.gz")
            try SnapshotDelta.write(old: SnapshotChain(path: paths[index - 1]), new: SnapshotReader(path: whole),
                                    base: "snapshots/1234567/s\(index - 1).ndjson.gz", whole: size.whole, to: path)
            paths.append(path)
        }
        return paths
    }

    static func lines(_ source: some RecordLineSource) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        while let line = try source.next() { lines.append(line.bytes) }
        return lines
    }

    @Test("a chain of deltas reads back every state exactly, deletions included", arguments: [11, 12] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        let scratch = try ScratchDirectory()
        var states = [Fixtures.records(800, seed: seed)]
        for step in 1...5 {
            // The generator's added keys may repeat across steps: keep one record per key.
            var seen: Set<String> = []
            states.append(SnapshotDiffTests.mutate(states[step - 1], seed: seed * 10 + UInt64(step)).records.filter { seen.insert("\($0.kind)/\($0.key)").inserted })
        }
        let paths = try Self.chain(states, in: scratch)
        for index in paths.indices {
            let chain = try SnapshotChain(path: paths[index])
            #expect(chain.paths == Array(paths[...index]))
            let expected = try Fixtures.read(scratch.path(index == 0 ? "s0.ndjson.gz" : "whole\(index).ndjson.gz")).map(\.bytes)
            #expect(try Self.lines(chain) == expected)
            #expect(chain.counts.values.reduce(0, +) == states[index].count)
        }
        // The mutations delete records: each delta holds those kinds whole.
        let header = try SnapshotReader(path: paths[3]).header
        #expect(header.mode == .delta && !header.whole.isEmpty && header.base == "snapshots/1234567/s2.ndjson.gz")
        // A diff sees through the chain: the delta and the state it stands for are the same snapshot.
        #expect(try SnapshotDiff.compare(paths[4], scratch.path("whole4.ndjson.gz")).isEmpty)
    }

    @Test("only changed records go into a delta when nothing was deleted")
    func changesOnly() throws {
        let scratch = try ScratchDirectory()
        let before = Fixtures.records(300, seed: 3)
        var after = before
        after[7].data["name"] = .string("Ændret ApS")
        after[100].data["name"] = .string("Også ændret")
        let paths = try Self.chain([before, after], in: scratch)
        let delta = try Fixtures.read(paths[1])
        #expect(delta.map(\.bytes) == [after[7], after[100]].map { record in
            var bytes: [UInt8] = []
            record.appendLine(to: &bytes)
            return bytes
        })
        #expect(try SnapshotReader(path: paths[1]).header.whole.isEmpty)
        #expect(try SnapshotDelta.measure(old: SnapshotReader(path: paths[0]), new: SnapshotChain(path: paths[1]))
            == { var size = SnapshotDelta.Size(); size.lines = 2; size.records = 300; return size }())
    }

    @Test("a delta without its base, or over a damaged one, is refused with the file named")
    func brokenChain() throws {
        let scratch = try ScratchDirectory()
        let before = Fixtures.records(200, seed: 4)
        var after = before
        after[1].data["name"] = .string("x")
        let paths = try Self.chain([before, after], in: scratch)
        // Damaged base: one byte of the compressed base changed.
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: paths[0])))
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: paths[0]))
        #expect(throws: SnapshotError.self) { _ = try Self.lines(SnapshotChain(path: paths[1])) }
        try FileManager.default.removeItem(atPath: paths[0])
        let error = try #require(throws: SnapshotError.self) { try SnapshotChain(path: paths[1]) }
        #expect(error.code == .missingBase && error.file == paths[1] && error.message.contains("s0.ndjson.gz"))
        // A delta's header must name its base.
        let header = SnapshotHeader(agreement: 1, takenAt: "2026-11-02T08:00:00Z", kinds: ["unit"], mode: .delta, base: "x", whole: [])
        var line = header.line
        line.replaceSubrange(line.indices, with: Array(String(decoding: line, as: UTF8.self).replacingOccurrences(of: ",\"base\":\"x\"", with: "").utf8))
        #expect(throws: SnapshotError.self) { try SnapshotHeader(line: line, file: "f") }
    }

    @Test("the messy agreement (free-text CVRs, e-mail lists, odd product numbers, negative prices) goes through a delta byte for byte")
    func messyAgreement() throws {
        let scratch = try ScratchDirectory()
        let messy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots/messy-agreement.ndjson.gz").path
        let before = try Fixtures.read(messy).map { try $0.record() }
        var after = before.filter { !($0.kind == "customer" && $0.key == before.first { $0.kind == "customer" }?.key) }  // one deleted
        for index in after.indices where after[index].kind == "product" && index % 7 == 0 {
            after[index].data["salesPrice"] = .number("-12.5")  // a deposit returned
        }
        let header = try SnapshotReader(path: messy).header
        let whole = scratch.path("after.ndjson.gz")
        for (path, records) in [(scratch.path("s0.ndjson.gz"), before), (whole, after)] {
            let writer = try SnapshotWriter(path: path, header: header)
            for record in records { try writer.append(record) }
            try writer.finish()
        }
        let size = try SnapshotDelta.measure(old: SnapshotReader(path: scratch.path("s0.ndjson.gz")), new: SnapshotReader(path: whole))
        try SnapshotDelta.write(old: SnapshotReader(path: scratch.path("s0.ndjson.gz")), new: SnapshotReader(path: whole),
                                base: "snapshots/\(header.agreement)/s0.ndjson.gz", whole: size.whole, to: scratch.path("s1.ndjson.gz"))
        #expect(size.whole == ["customer"] && size.lines < after.count / 2, "\(size)")
        #expect(try Self.lines(SnapshotChain(path: scratch.path("s1.ndjson.gz"))) == Fixtures.read(whole).map(\.bytes))
    }
}

extension SnapshotChainTests {
    @Test("a chain asked for some kinds reads only theirs, and leaves unread a layer below every one of them held whole")
    func someKinds() throws {
        let scratch = try ScratchDirectory()
        // Large enough that opening the full snapshot reads only its beginning.
        let first = Fixtures.records(12_000, seed: 5)
        let kinds = Set(first.map(\.kind)).sorted()
        let (kept, wanted) = (kinds[0], kinds[1])
        // The second state drops a record of `wanted`: the delta holds that kind whole, so the full snapshot's records of it do not count.
        var second = first
        second.remove(at: try #require(second.firstIndex { $0.kind == wanted }))
        var third = second
        third[try #require(third.firstIndex { $0.kind == kept })].data["name"] = .string("Ændret ApS")
        let paths = try Self.chain([first, second, third], in: scratch)
        #expect(try SnapshotReader(path: paths[1]).header.whole == [wanted])

        func lines(of chain: SnapshotChain) throws -> [[UInt8]] {
            var lines: [[UInt8]] = []
            while let line = try chain.next() { if line.kind == wanted { lines.append(line.bytes) } }
            return lines
        }
        let whole = try lines(of: SnapshotChain(path: paths[2]))
        #expect(whole.count == second.count { $0.kind == wanted } && !whole.isEmpty)
        let chain = try SnapshotChain(path: paths[2], kinds: [wanted])
        #expect(try Self.lines(chain) == whole)
        #expect(chain.counts.keys.sorted() == [wanted])
        // The full snapshot at the bottom was never read: a damaged end of it goes unnoticed.
        let bottom = try Data(contentsOf: URL(fileURLWithPath: paths[0]))
        try bottom.prefix(bottom.count - 40).write(to: URL(fileURLWithPath: paths[0]))
        #expect(try Self.lines(SnapshotChain(path: paths[2], kinds: [wanted])) == whole)
        #expect(throws: (any Error).self) { try Self.lines(SnapshotChain(path: paths[2])) }
    }
}
