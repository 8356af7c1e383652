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
