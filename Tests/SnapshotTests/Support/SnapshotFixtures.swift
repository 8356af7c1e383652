import Foundation
@_exported import TestSupport
@testable import Snapshot

/// The snapshot tests' scratch directories.
typealias ScratchDirectory = TemporaryDirectory

enum Fixtures {
    static let names = ["Hansen VVS ApS", "Jørgensen & Søn", "Ærø Tømrer", "Café \"Hjørnet\"", "Line\nbreak", "Tab\there",
                        "", "back\\slash", "emoji 😀 ok", "ÅÆØ åæø", "e\u{301} combining", "null", "1.0"]

    static func scalar(_ random: inout TestRandom) -> JSONValue {
        switch random.int(0...7) {
        case 0: return .null
        case 1: return .bool(random.chance(0.5))
        case 2: return .int(Int64(random.int(-1_000_000...1_000_000)))
        case 3: return .number(CanonicalJSON.canonicalNumber(String(format: "%.2f", Double(random.int(0...1_000_000)) / 100))!)
        case 4: return .number(random.pick(["0.1", "100", "123456789012345678901234567890", "-42.5", "1e50", "0.000001"]))
        default: return .string(random.pick(names) + (random.chance(0.3) ? String(random.int(0...99)) : ""))
        }
    }

    static func value(_ random: inout TestRandom, depth: Int = 0) -> JSONValue {
        guard depth < 3 else { return scalar(&random) }
        switch random.int(0...5) {
        case 0: return .array((0..<random.int(0...3)).map { _ in value(&random, depth: depth + 1) })
        case 1: return .object(object(&random, depth: depth + 1))
        default: return scalar(&random)
        }
    }

    static func object(_ random: inout TestRandom, depth: Int = 0) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for _ in 0..<random.int(0...5) {
            fields[random.pick(["name", "address", "zip", "city", "salesPrice", "unit", "barred", "Æble", "a", "B", "lastUpdated"])] =
                value(&random, depth: depth)
        }
        return fields
    }

    static let kinds = ["customer", "customerGroup", "product", "unit"]

    /// `count` random records, sorted, with unique keys.
    static func records(_ count: Int, seed: UInt64) -> [Record] {
        var random = TestRandom(seed: seed)
        var records: [Record] = []
        for index in 0..<count {
            let kind = kinds[index * kinds.count / max(count, 1)]
            let key: RecordKey = kind == "product" ? .string("P-\(10_000 + index)") : .int(Int64(index + 1))
            records.append(Record(kind: kind, key: key, data: object(&random)))
        }
        return records.sorted { $0.kind == $1.kind ? $0.key < $1.key : $0.kind.utf8.lexicographicallyPrecedes($1.kind.utf8) }
    }

    static func header(kinds: [String] = Fixtures.kinds) -> SnapshotHeader {
        SnapshotHeader(agreement: 1_234_567, takenAt: "2026-11-02T08:00:00Z", kinds: kinds)
    }

    /// Writes records to a snapshot file and returns its path.
    @discardableResult
    static func write(_ records: [Record], to path: String, kinds: [String] = Fixtures.kinds) throws -> SnapshotTrailer {
        let writer = try SnapshotWriter(path: path, header: header(kinds: kinds))
        for record in records { try writer.append(record) }
        return try writer.finish()
    }

    /// Reads every record line of a snapshot.
    static func read(_ path: String, strict: Bool = false) throws -> [RecordLine] {
        let reader = try SnapshotReader(path: path, strict: strict)
        var lines: [RecordLine] = []
        while let line = try reader.next() { lines.append(line) }
        return lines
    }

    /// Runs a command and returns its standard output.
    static func run(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        if let input {
            let inPipe = Pipe()
            process.standardInput = inPipe
            try process.run()
            inPipe.fileHandleForWriting.write(input)
            try inPipe.fileHandleForWriting.close()
        } else {
            try process.run()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// The decompressed lines of a gzip file, via `zcat`.
    static func zcatLines(_ path: String) throws -> [String] {
        let (status, data) = try run("/usr/bin/zcat", [path])
        precondition(status == 0, "zcat failed")
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Writes lines (each with a newline) gzip-compressed by the real `gzip`.
    static func gzipLines(_ lines: [String], to path: String) throws {
        let (status, data) = try run("/usr/bin/gzip", ["-c"], input: Data(lines.map { $0 + "\n" }.joined().utf8))
        precondition(status == 0, "gzip failed")
        try data.write(to: URL(fileURLWithPath: path))
    }
}
