import Foundation
import Testing
@testable import Snapshot

@Suite("Key index beside a snapshot")
struct KeyIndexTests {
    @Test("each record's kind, key and line hash, in order; refused for another snapshot, an error when cut short")
    func roundTrip() throws {
        let directory = try ScratchDirectory()
        var random = TestRandom(seed: 9)
        var records: [Record] = []
        for number in 1...300 { records.append(Record(kind: "customer", key: .int(Int64(number * 3)), data: Fixtures.object(&random))) }
        for number in 1...200 { records.append(Record(kind: "product", key: .string("Æ-\(number)"), data: Fixtures.object(&random))) }
        records = records.sorted { $0.kind == $1.kind ? $0.key < $1.key : $0.kind < $1.kind }
        let path = directory.file("a.ndjson.gz").path
        let writer = try SnapshotWriter(path: path, header: SnapshotHeader(agreement: 1, takenAt: "2026-11-02T08:00:00Z", kinds: ["customer", "product"]),
                                        keyIndex: true)
        for record in records { try writer.append(record) }
        let trailer = try writer.finish()

        let index = try #require(try KeyIndexReader(path: KeyIndex.path(for: path), sha256: trailer.sha256))
        #expect(index.entries == 500)
        for record in records {
            let entry = try #require(try index.next())
            #expect(entry.kind == record.kind && entry.key == record.key && entry.hash == KeyIndex.hash(record.line))
        }
        #expect(try index.next() == nil)
        #expect(try KeyIndexReader(path: KeyIndex.path(for: path), sha256: String(repeating: "0", count: 64)) == nil)
        #expect(try KeyIndexReader(path: directory.file("none.keys").path, sha256: trailer.sha256) == nil)

        var changed = records[7]
        changed.data["name"] = .string("changed")
        #expect(KeyIndex.hash(changed.line) != KeyIndex.hash(records[7].line))

        let bytes = try Data(contentsOf: URL(fileURLWithPath: KeyIndex.path(for: path)))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: KeyIndex.path(for: path)))
        let cut = try #require(try KeyIndexReader(path: KeyIndex.path(for: path), sha256: trailer.sha256))
        #expect(throws: SnapshotError.self) { while try cut.next() != nil {} }
    }
}

@Suite("Key index of a delta")
struct DeltaKeyIndexTests {
    /// Writes `records` (sorted) as a snapshot at `path` with a key index; returns its trailer.
    static func write(_ records: [Record], to path: String, header: SnapshotHeader, inheriting: SnapshotWriter.Inheritance? = nil) throws -> SnapshotTrailer {
        let writer = try SnapshotWriter(path: path, header: header, keyIndex: true, inheriting: inheriting)
        for record in records.sorted(by: { $0.kind == $1.kind ? $0.key < $1.key : $0.kind < $1.kind }) { try writer.append(record) }
        return try writer.finish()
    }

    static func entries(_ reader: KeyIndexReader) throws -> [String] {
        var entries: [String] = []
        while let entry = try reader.next() { entries.append("\(entry.kind) \(entry.key) \(entry.hash)") }
        return entries
    }

    @Test("the whole state's entries: kinds the delta leaves alone go across whole (index buffers cut inside entries), a kind it writes whole replaces the base's, rewritten keys replace theirs")
    func inheritsWholeKinds() throws {
        let directory = try ScratchDirectory()
        var random = TestRandom(seed: 11)
        var base: [Record] = []
        // Enough entries that reading the base's index refills its buffer inside a kind, with string keys cut by the buffer's end.
        for number in 1...30_000 { base.append(Record(kind: "a", key: .int(Int64(number)), data: ["n": .int(Int64(number))])) }
        for number in 1...4_000 {
            base.append(Record(kind: "b", key: .string("K:\(number)/" + String(repeating: "ø", count: number % 150)), data: Fixtures.object(&random)))
        }
        for number in 1...2_000 { base.append(Record(kind: "c", key: .int(Int64(number)), data: ["old": .bool(true)])) }
        for number in stride(from: 2, through: 400, by: 2) { base.append(Record(kind: "d", key: .int(Int64(number)), data: ["v": .int(1)])) }
        for number in 1...3_000 { base.append(Record(kind: "e", key: .string("#\(number)+A"), data: ["n": .int(Int64(number))])) }
        let kinds = ["a", "b", "c", "d", "e"]
        let basePath = directory.file("base.ndjson.gz").path
        let baseTrailer = try Self.write(base, to: basePath, header: SnapshotHeader(agreement: 1, takenAt: "2026-12-05T08:00:00Z", kinds: kinds))

        // The delta: kind c whole (ten records), and in d one key rewritten, one new before it and one new after every other.
        let delta = (1...10).map { Record(kind: "c", key: .int(Int64($0 * 7)), data: ["new": .bool(true)]) }
            + [Record(kind: "d", key: .int(1), data: ["v": .int(2)]), Record(kind: "d", key: .int(200), data: ["v": .int(2)]),
               Record(kind: "d", key: .int(999), data: ["v": .int(2)])]
        let deltaPath = directory.file("delta.ndjson.gz").path
        let keys = try #require(try KeyIndexReader(path: KeyIndex.path(for: basePath), sha256: baseTrailer.sha256))
        let header = SnapshotHeader(agreement: 1, takenAt: "2026-12-05T09:00:00Z", kinds: kinds, mode: .delta, base: "base.ndjson.gz", whole: ["c"])
        let trailer = try Self.write(delta, to: deltaPath, header: header,
                                     inheriting: .init(keys: keys, summary: try SnapshotSummary.of(snapshot: basePath, sha256: baseTrailer.sha256)))

        var state: [String: Record] = [:]
        for record in base where record.kind != "c" { state["\(record.kind) \(record.key)"] = record }
        for record in delta { state["\(record.kind) \(record.key)"] = record }
        let expected = state.values.sorted { $0.kind == $1.kind ? $0.key < $1.key : $0.kind < $1.kind }
            .map { "\($0.kind) \($0.key) \(KeyIndex.hash($0.line))" }
        let index = try #require(try KeyIndexReader(path: KeyIndex.path(for: deltaPath), sha256: trailer.sha256))
        #expect(index.entries == UInt64(expected.count))
        let written = try Self.entries(index)
        #expect(written.count == expected.count)
        #expect(written == expected, "first difference: \(zip(written, expected).first { $0 != $1 }.map { "\($0.0) ≠ \($0.1)" } ?? "none")")
        let summary = try SnapshotSummary.of(snapshot: deltaPath, sha256: trailer.sha256)
        #expect(summary.counts == ["a": 30_000, "b": 4_000, "c": 10, "d": 202, "e": 3_000])
    }

    @Test("a base index cut short leaves the delta without an index, not with a wrong one")
    func cutBaseIndex() throws {
        let directory = try ScratchDirectory()
        let base = (1...20_000).map { Record(kind: "a", key: .int(Int64($0)), data: ["n": .int(Int64($0))]) }
            + (1...10).map { Record(kind: "b", key: .int(Int64($0)), data: ["n": .int(Int64($0))]) }
        let basePath = directory.file("base.ndjson.gz").path
        let baseTrailer = try Self.write(base, to: basePath, header: SnapshotHeader(agreement: 1, takenAt: "2026-12-05T08:00:00Z", kinds: ["a", "b"]))
        let summary = try SnapshotSummary.of(snapshot: basePath, sha256: baseTrailer.sha256)
        let indexPath = KeyIndex.path(for: basePath)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: indexPath))
        try bytes.prefix(bytes.count * 2 / 3).write(to: URL(fileURLWithPath: indexPath))
        let keys = try #require(try KeyIndexReader(path: indexPath, sha256: baseTrailer.sha256))
        let deltaPath = directory.file("delta.ndjson.gz").path
        let header = SnapshotHeader(agreement: 1, takenAt: "2026-12-05T09:00:00Z", kinds: ["a", "b"], mode: .delta, base: "base.ndjson.gz")
        _ = try Self.write([Record(kind: "b", key: .int(3), data: ["n": .int(0)])], to: deltaPath, header: header,
                           inheriting: .init(keys: keys, summary: summary))
        #expect(!FileManager.default.fileExists(atPath: KeyIndex.path(for: deltaPath)))
    }
}
