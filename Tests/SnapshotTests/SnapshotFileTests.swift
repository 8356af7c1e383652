import Foundation
import Testing
@testable import Snapshot

@Suite("Snapshot files")
struct SnapshotFileTests {
    @Test("random records round-trip through a snapshot, fast and strict", arguments: [1, 2, 3] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        let scratch = try ScratchDirectory()
        let records = Fixtures.records(2_000, seed: seed)
        let path = scratch.path("s.ndjson.gz")
        let trailer = try Fixtures.write(records, to: path)
        #expect(trailer.records == 2_000 && trailer.counts.keys.sorted() == Fixtures.kinds)
        for strict in [false, true] {
            let lines = try Fixtures.read(path, strict: strict)
            #expect(lines.map(\.bytes) == records.map(\.line))
            #expect(lines.map(\.key) == records.map(\.key) && lines.map(\.kind) == records.map(\.kind))
        }
        let (header, verified) = try SnapshotReader.verify(path: path)
        #expect(header == Fixtures.header() && verified == trailer)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["s.ndjson.gz"], "no temporary file is left")
    }

    @Test("zcat reads a written snapshot, and every line is JSON")
    func zcatReads() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("s.ndjson.gz")
        let records = Fixtures.records(500, seed: 9)
        try Fixtures.write(records, to: path)
        let lines = try Fixtures.zcatLines(path)
        #expect(lines.count == 503 && lines.last == "")
        for line in lines.dropLast() {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        #expect(Array(lines[1...500]) == records.map { String(decoding: $0.line, as: UTF8.self) })
        #expect(lines[0].hasPrefix(#"{"header":{"agreement":1234567,"#) && lines[501].hasPrefix(#"{"trailer":{"counts":"#))
    }

    @Test("the writer refuses records out of order, twice, or of an undeclared kind, and leaves no file")
    func writerRefuses() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("s.ndjson.gz")
        let cases: [([Record], SnapshotError.Code)] = [
            ([Record(kind: "unit", key: .int(2), data: [:]), Record(kind: "unit", key: .int(1), data: [:])], .unsorted),
            ([Record(kind: "unit", key: .int(2), data: [:]), Record(kind: "unit", key: .int(2), data: [:])], .duplicateKey),
            ([Record(kind: "unit", key: .int(1), data: [:]), Record(kind: "product", key: .string("A"), data: [:])], .unsorted),
            ([Record(kind: "invoice", key: .int(1), data: [:])], .badRecord),
        ]
        for (records, code) in cases {
            let writer = try SnapshotWriter(path: path, header: Fixtures.header())
            let error = try #require(throws: SnapshotError.self) { for record in records { try writer.append(record) } }
            #expect(error.code == code)
            writer.cancel()
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
        }
    }

    @Test("an empty snapshot is valid and counts every declared kind as 0")
    func empty() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path("s.ndjson.gz")
        let trailer = try Fixtures.write([], to: path)
        #expect(trailer.counts == ["customer": 0, "customerGroup": 0, "product": 0, "unit": 0])
        #expect(try Fixtures.read(path).isEmpty)
    }
}
