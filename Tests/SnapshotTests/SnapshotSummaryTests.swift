import Foundation
import Testing
@testable import Snapshot

@Suite("Summary beside a snapshot")
struct SnapshotSummaryTests {
    @Test("counts and the latest lastUpdated per kind, written with the snapshot; another snapshot's summary is not used")
    func keptAndChecked() throws {
        let directory = try ScratchDirectory()
        var records: [Record] = []
        for number in 1...40 {
            let changed = String(format: "2026-11-%02dT08:00:00Z", number % 28 + 1)
            records.append(Record(kind: "customer", key: .int(Int64(number)),
                                  data: ["name": .string("K\(number)"), "lastUpdated": .string(changed),
                                         "note": .string(#""lastUpdated":"9999" in a text is escaped"#)]))
        }
        for number in 1...3 { records.append(Record(kind: "unit", key: .int(Int64(number)), data: ["name": .string("U\(number)")])) }
        let path = directory.file("a.ndjson.gz").path
        let header = SnapshotHeader(agreement: 1, takenAt: "2026-11-30T08:00:00Z", kinds: ["customer", "layout", "unit"])
        let writer = try SnapshotWriter(path: path, header: header, keyIndex: true)
        for record in records { try writer.append(record) }
        let trailer = try writer.finish()

        let kept = try JSONDecoder().decode(SnapshotSummary.self, from: Data(contentsOf: URL(fileURLWithPath: SnapshotSummary.path(for: path))))
        #expect(kept.sha256 == trailer.sha256)
        #expect(kept.counts == ["customer": 40, "layout": 0, "unit": 3])
        #expect(kept.lastUpdated == ["customer": "2026-11-28T08:00:00Z"])
        #expect(try SnapshotSummary.of(snapshot: path, sha256: trailer.sha256) == kept)

        // A summary that is not this snapshot's is not believed: the snapshot is read instead.
        var wrong = kept
        wrong.sha256 = String(repeating: "0", count: 64)
        wrong.lastUpdated["customer"] = "2030-01-01T00:00:00Z"
        try JSONEncoder().encode(wrong).write(to: URL(fileURLWithPath: SnapshotSummary.path(for: path)))
        #expect(try SnapshotSummary.of(snapshot: path, sha256: trailer.sha256).lastUpdated == kept.lastUpdated)
        try FileManager.default.removeItem(atPath: SnapshotSummary.path(for: path))
        let read = try SnapshotSummary.of(snapshot: path, sha256: trailer.sha256)
        #expect(read.lastUpdated == kept.lastUpdated && read.counts["customer"] == 40 && read.counts["unit"] == 3)

        // A snapshot written without sidecars (outside the store) has none.
        let plain = directory.file("b.ndjson.gz").path
        let other = try SnapshotWriter(path: plain, header: header)
        for record in records { try other.append(record) }
        try other.finish()
        #expect(!FileManager.default.fileExists(atPath: SnapshotSummary.path(for: plain)))
    }
}
