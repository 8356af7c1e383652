import Crypto
import Foundation

/// Reads a snapshot file as a stream, in constant memory: the header first,
/// then one record line at a time. At the end it checks the trailer (counts
/// and SHA-256), so a reader that got to the end has read a whole, untouched
/// file. Errors name the file and line.
///
/// ```swift
/// let reader = try SnapshotReader(path: file)
/// while let line = try reader.next() {
///     print(line.kind, line.key)
/// }
/// print(reader.trailer!.records)
/// ```
public final class SnapshotReader {
    public let path: String
    public let header: SnapshotHeader
    /// The verified trailer, once ``next()`` has returned nil.
    public private(set) var trailer: SnapshotTrailer?
    /// The line last read (1-based; the header is line 1).
    public private(set) var lineNumber = 0
    /// Whether every record line is parsed in full and checked to be canonical.
    public let strict: Bool
    /// Whether the records' SHA-256 is computed and checked against the trailer.
    public let checksDigest: Bool

    let lines: LineSource
    var hasher = SHA256()
    let headerDigest: String
    var counts: [String: Int] = [:]
    var runKind = ""
    var runCount = 0
    var internedKindBytes: [UInt8] = []
    var internedKind = ""
    var last: (kind: String, key: RecordKey)?

    /// Opens `path` and reads its header; with `strict`, every record is also
    /// parsed whole and must be canonical (slower; for audits). Without
    /// `checksDigest` the records' SHA-256 is not recomputed and their UTF-8
    /// not validated (order, counts, the header's hash and gzip's CRC-32 are
    /// still checked): for snapshots verified when they entered the store.
    public init(path: String, strict: Bool = false, checksDigest: Bool = true) throws {
        self.path = path
        self.strict = strict
        self.checksDigest = checksDigest
        lines = try LineSource(path: path)
        guard let first = try lines.next() else {
            throw SnapshotError(.missingHeader, "is empty: a snapshot starts with a header line", file: path, line: 1)
        }
        lineNumber = 1
        try Self.checkUTF8(first.bytes, path: path, line: 1)
        header = try SnapshotHeader(line: first.bytes, file: path)
        headerDigest = SHA256.hex(first.bytes + [0x0A])
    }

    func error(_ code: SnapshotError.Code, _ message: String) -> SnapshotError {
        SnapshotError(code, message, file: path, line: lineNumber)
    }

    static let newline: [UInt8] = [0x0A]

    /// Counts a record of `kind`; kinds come in runs, so the dictionary is touched once per run.
    func count(_ kind: String) {
        if kind == runKind {
            runCount += 1
            return
        }
        flushRun()
        runKind = kind
        runCount = 1
    }

    func flushRun() {
        if runCount > 0 { counts[runKind, default: 0] += runCount }
        runCount = 0
    }

    /// Whether `bytes` are all ASCII, eight at a time.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var index = 0
            while index + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < raw.count {
                if raw[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
    }

    static func checkUTF8(_ bytes: [UInt8], path: String, line: Int) throws {
        if !isASCII(bytes), String(validating: bytes, as: UTF8.self) == nil {
            throw SnapshotError(.invalidUTF8, "is not valid UTF-8", file: path, line: line)
        }
    }

    /// The next record line, or nil at the end (after the trailer was verified).
    public func next() throws -> RecordLine? {
        guard trailer == nil else { return nil }
        guard let line = try lines.next() else {
            throw error(.missingTrailer, "ends without a trailer line: the snapshot is incomplete")
        }
        lineNumber += 1
        if line.bytes.starts(with: SnapshotTrailer.prefix) {
            try finishAtTrailer(line)
            return nil
        }
        guard line.terminated else {
            throw error(.truncated, "the last line is cut off: the file is truncated")
        }
        if checksDigest { try Self.checkUTF8(line.bytes, path: path, line: lineNumber) }
        let record = try parse(line.bytes)
        try checkOrder(record)
        if checksDigest {
            line.bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            hasher.update(data: Self.newline)
        }
        count(record.kind)
        return record
    }

    func parse(_ bytes: [UInt8]) throws -> RecordLine {
        if !strict, let prefix = bytes.withUnsafeBufferPointer(RecordLine.prefix) {
            let kindBytes = bytes[prefix.kind]
            if !kindBytes.elementsEqual(internedKindBytes) {
                internedKindBytes = Array(kindBytes)
                internedKind = String(decoding: kindBytes, as: UTF8.self)
            }
            return RecordLine(kind: internedKind, key: prefix.key, bytes: bytes)
        }
        do {
            let record = try Record(line: bytes)
            return RecordLine(kind: record.kind, key: record.key, bytes: bytes)
        } catch let problem as RecordLineError {
            throw error(.badRecord, "record line \(problem.message)")
        }
    }

    func checkOrder(_ line: RecordLine) throws {
        defer { last = (line.kind, line.key) }
        guard let last else { return }
        if line.kind == last.kind {
            if line.key == last.key {
                throw error(.duplicateKey, "record \(line.kind) \(line.key) appears twice")
            }
            if line.key < last.key {
                throw error(.unsorted, "record \(line.kind) \(line.key) comes after \(line.kind) \(last.key): keys must ascend")
            }
        } else if !last.kind.utf8.lexicographicallyPrecedes(line.kind.utf8) {
            throw error(.unsorted, "kind \(line.kind) comes after kind \(last.kind): kinds must ascend")
        }
    }

    func finishAtTrailer(_ line: LineSource.Line) throws {
        guard let trailer = SnapshotTrailer(line: line.bytes) else {
            throw error(.missingTrailer, "the trailer line is malformed")
        }
        if try lines.next() != nil {
            lineNumber += 1
            throw error(.trailingData, "data follows the trailer")
        }
        let digest = hasher.finalize().hex
        flushRun()
        var seen = counts
        for (kind, count) in trailer.counts where count == 0 && seen[kind] == nil { seen[kind] = 0 }
        if seen != trailer.counts {
            throw error(.tampered, "the record counts \(Self.describe(counts)) do not match the trailer's \(Self.describe(trailer.counts))")
        }
        if checksDigest && digest != trailer.sha256 {
            throw error(.tampered, "the records' SHA-256 does not match the trailer: the file was changed after it was written")
        }
        if headerDigest != trailer.headerSha256 {
            throw error(.tampered, "the header's SHA-256 does not match the trailer: the header was changed after it was written")
        }
        self.trailer = trailer
    }

    static func describe(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// Reads `path` to the end and checks everything; returns its header and trailer.
    @discardableResult
    public static func verify(path: String, strict: Bool = true) throws -> (header: SnapshotHeader, trailer: SnapshotTrailer) {
        let reader = try SnapshotReader(path: path, strict: strict)
        while try reader.next() != nil {}
        return (reader.header, reader.trailer!)
    }
}
