import Foundation
import Testing
@testable import Snapshot

/// A valid snapshot and ways to damage it.
struct Damage {
    let scratch: ScratchDirectory
    let path: String
    let lines: [String]   // decompressed, without the final empty line
    let compressed: [UInt8]

    init() throws {
        scratch = try ScratchDirectory()
        path = scratch.path("good.ndjson.gz")
        try Fixtures.write(Fixtures.records(60, seed: 4), to: path)
        lines = Array(try Fixtures.zcatLines(path).dropLast())
        compressed = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Writes `bytes` as a file and returns its path.
    func file(_ bytes: [UInt8], _ name: String = "bad.ndjson.gz") throws -> String {
        let bad = scratch.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: bad))
        return bad
    }

    /// Recompresses edited lines with the real gzip.
    func recompressed(_ lines: [String]) throws -> String {
        let bad = scratch.path("edited.ndjson.gz")
        try Fixtures.gzipLines(lines, to: bad)
        return bad
    }
}

@Suite("Damaged snapshots")
struct BadSnapshotTests {
    static func expect(_ path: String, _ code: SnapshotError.Code, line: Int? = nil, strict: Bool = false,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try SnapshotReader.verify(path: path, strict: strict)
            Issue.record("\(path) was accepted; expected \(code)", sourceLocation: sourceLocation)
        } catch let error as SnapshotError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.file == path && error.description.hasPrefix(path), sourceLocation: sourceLocation)
            if let line { #expect(error.line == line, "\(error)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("a truncated file") func truncated() throws {
        let damage = try Damage()
        Self.expect(try damage.file(Array(damage.compressed.prefix(damage.compressed.count * 3 / 5))), .truncated)
    }

    @Test("a flipped byte inside the compressed stream") func flipped() throws {
        let damage = try Damage()
        var bytes = damage.compressed
        bytes[bytes.count / 2] ^= 0x10
        Self.expect(try damage.file(bytes), .corrupt)
    }

    @Test("a record edited and recompressed without updating the trailer") func edited() throws {
        let damage = try Damage()
        var lines = damage.lines
        lines[5] = lines[5].replacingOccurrences(of: #""kind":"customer""#, with: #""kind":"customer""#)
            .replacingOccurrences(of: "}}", with: #","zzz":1}}"#)
        Self.expect(try damage.recompressed(lines), .tampered, line: lines.count)
    }

    @Test("records out of order") func unsorted() throws {
        let damage = try Damage()
        var lines = damage.lines
        lines.swapAt(3, 4)
        Self.expect(try damage.recompressed(lines), .unsorted, line: 5)
    }

    @Test("a record twice") func duplicate() throws {
        let damage = try Damage()
        var lines = damage.lines
        lines.insert(lines[7], at: 7)
        Self.expect(try damage.recompressed(lines), .duplicateKey, line: 9)
    }

    @Test("an unknown format version") func unknownVersion() throws {
        let damage = try Damage()
        var lines = damage.lines
        lines[0] = lines[0].replacingOccurrences(of: #""version":1"#, with: #""version":7"#)
        Self.expect(try damage.recompressed(lines), .unknownVersion, line: 1)
    }

    @Test("no header") func missingHeader() throws {
        let damage = try Damage()
        Self.expect(try damage.recompressed(Array(damage.lines.dropFirst())), .missingHeader, line: 1)
    }

    @Test("no trailer") func missingTrailer() throws {
        let damage = try Damage()
        Self.expect(try damage.recompressed(Array(damage.lines.dropLast())), .missingTrailer)
    }

    @Test("invalid UTF-8 in a record") func invalidUTF8() throws {
        let damage = try Damage()
        var bytes = Array(damage.lines.joined(separator: "\n").utf8) + [0x0A]
        let index = Array(damage.lines[0...2].joined(separator: "\n").utf8).count + 12
        bytes[index] = 0xFF
        let raw = damage.scratch.path("raw.ndjson")
        try Data(bytes).write(to: URL(fileURLWithPath: raw))
        let (status, data) = try Fixtures.run("/usr/bin/gzip", ["-c", raw])
        #expect(status == 0)
        Self.expect(try damage.file(Array(data)), .invalidUTF8, line: 4)
    }

    @Test("a file that is not gzip") func notGzip() throws {
        let damage = try Damage()
        Self.expect(try damage.file(Array(damage.lines.joined(separator: "\n").utf8)), .notGzip)
    }

    @Test("data after the trailer") func trailingData() throws {
        let damage = try Damage()
        Self.expect(try damage.recompressed(damage.lines + [#"{"kind":"unit","key":999,"data":{}}"#]), .trailingData)
    }

    @Test("a record line that is not canonical, in strict mode") func notCanonical() throws {
        let damage = try Damage()
        var lines = damage.lines
        lines[2] = lines[2].replacingOccurrences(of: #","data":{"#, with: #","data":{ "#)
        Self.expect(try damage.recompressed(lines), .badRecord, line: 3, strict: true)
    }

    @Test("500 random mutations: none crashes the reader, every one that changes the content is rejected")
    func mutations() throws {
        let damage = try Damage()
        let original = damage.lines
        var random = TestRandom(seed: 500)
        var rejected = 0
        for round in 0..<500 {
            let path: String
            if round % 2 == 0 {
                var bytes = damage.compressed
                switch random.int(0...3) {
                case 0: bytes[random.int(0...bytes.count - 1)] ^= UInt8(random.int(1...255))
                case 1: bytes.removeSubrange(random.int(0...bytes.count - 1)...)
                case 2: bytes.insert(UInt8(random.int(0...255)), at: random.int(0...bytes.count))
                default: bytes.remove(at: random.int(0...bytes.count - 1))
                }
                path = try damage.file(bytes, "m\(round).gz")
            } else {
                var text = Array(original.joined(separator: "\n").utf8) + [0x0A]
                let index = random.int(0...text.count - 1)
                switch random.int(0...2) {
                case 0: text[index] = UInt8(random.int(0x20...0x7E))
                case 1: text.remove(at: index)
                default: text.insert(UInt8(random.int(0x20...0x7E)), at: index)
                }
                let raw = damage.scratch.path("m\(round).ndjson")
                try Data(text).write(to: URL(fileURLWithPath: raw))
                path = damage.scratch.path("m\(round).gz")
                try Fixtures.run("/usr/bin/gzip", ["-c", raw]).output.write(to: URL(fileURLWithPath: path))
            }
            do {
                let reader = try SnapshotReader(path: path)
                var lines: [String] = []
                while let line = try reader.next() { lines.append(String(decoding: line.bytes, as: UTF8.self)) }
                let content = [String(decoding: reader.header.line, as: UTF8.self)] + lines + [String(decoding: reader.trailer!.line, as: UTF8.self)]
                #expect(content == original, "mutation \(round) changed the content and was accepted")
            } catch is SnapshotError {
                rejected += 1
            }
        }
        #expect(rejected > 400)
    }
}
