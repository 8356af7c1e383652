import Crypto
import Foundation

/// Writes a snapshot file: header, records in order, trailer with counts and
/// SHA-256. It writes to a temporary file beside the target, fsyncs and
/// renames, so a snapshot exists whole or not at all.
///
/// ```swift
/// let writer = try SnapshotWriter(path: "snapshots/1234567/2026-11-02T080000Z.ndjson.gz", header: header)
/// for record in records { try writer.append(record) }   // sorted by kind, then key
/// let trailer = try writer.finish()
/// ```
public final class SnapshotWriter {
    /// The snapshot file, which exists once ``finish()`` returns.
    public let path: String
    public let header: SnapshotHeader
    let temporaryPath: String
    let gzip: GzipWriter
    var hasher = SHA256()
    let headerDigest: String
    var counts: [String: Int] = [:]
    var previous: (kind: String, key: RecordKey)?
    var buffer: [UInt8] = []
    var done = false
    let declaredKinds: Set<String>
    /// The key index written beside the snapshot, if asked for (and until it fails: see ``index(_:_:_:)``).
    var keyIndex: KeyIndexWriter?
    /// The summary written beside the snapshot with the key index.
    var summary: SnapshotSummary?

    static let flushSize = 1 << 18

    /// What a delta written with a key index inherits from the whole snapshot it is laid over.
    public struct Inheritance {
        /// That snapshot's key index (of its whole state).
        public var keys: KeyIndexReader
        /// That snapshot's summary (of its whole state).
        public var summary: SnapshotSummary

        public init(keys: KeyIndexReader, summary: SnapshotSummary) {
            self.keys = keys
            self.summary = summary
        }
    }

    /// Starts a snapshot at `path` with `header`; `level` is the gzip level.
    /// With `keyIndex`, a ``KeyIndex`` and a ``SnapshotSummary`` are written beside it (for the store's snapshots);
    /// for a delta, with `inheriting` its base's, they are those of the whole state it stands for.
    public init(path: String, header: SnapshotHeader, level: Int = GzipWriter.defaultLevel, keyIndex: Bool = false,
                inheriting: Inheritance? = nil) throws {
        self.path = path
        self.keyIndex = keyIndex ? KeyIndexWriter(snapshot: path) : nil
        summary = keyIndex ? SnapshotSummary(sha256: "") : nil
        if let inheriting, let index = self.keyIndex {
            precondition(header.mode == .delta, "only a delta inherits its base's index")
            index.inherited = inheriting.keys
            index.replaced = Set(header.whole)
            summary?.lastUpdated = inheriting.summary.lastUpdated.filter { !header.whole.contains($0.key) }
        }
        self.header = header
        declaredKinds = Set(header.kinds)
        headerDigest = SHA256.hex(header.line + [0x0A])
        let directory = (path as NSString).deletingLastPathComponent
        temporaryPath = (directory.isEmpty ? "" : directory + "/") + ".\((path as NSString).lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            gzip = try GzipWriter(path: temporaryPath, level: level)
            try gzip.write(header.line + [0x0A])
        } catch let error as GzipError {
            throw SnapshotError(.io, "cannot be written: \(error.message)", file: path)
        }
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    deinit {
        if !done { cancel() }
    }

    /// Appends a record; records must come sorted by kind, then key, each
    /// (kind, key) once, and of a kind the header declares.
    public func append(_ record: Record) throws {
        try checkOrder(kind: record.kind, key: record.key)
        let start = buffer.count
        record.appendLine(to: &buffer)
        if keyIndex != nil {
            buffer.withUnsafeBytes { bytes in index(record.kind, record.key, UnsafeRawBufferPointer(rebasing: bytes[start...])) }
        }
        buffer.append(0x0A)
        counts[record.kind, default: 0] += 1
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends a record line read from another snapshot as it is (its bytes
    /// are canonical already); the same order rules apply.
    public func append(_ line: RecordLine) throws {
        try checkOrder(kind: line.kind, key: line.key)
        if keyIndex != nil {
            line.bytes.withUnsafeBytes { index(line.kind, line.key, $0) }
        }
        buffer.append(contentsOf: line.bytes)
        buffer.append(0x0A)
        counts[line.kind, default: 0] += 1
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Adds a record's line to the key index and the summary. An inherited
    /// index that cannot be read to the end (damaged beside its snapshot)
    /// leaves this snapshot without index or summary, not the snapshot unwritten:
    /// they are shortcuts, and the next merge writes its base whole.
    func index(_ kind: String, _ key: RecordKey, _ line: UnsafeRawBufferPointer) {
        do {
            try keyIndex?.add(kind: kind, key: key, hash: KeyIndex.hash(line))
            summary?.add(kind: kind, line: line)
        } catch {
            keyIndex?.cancel()
            keyIndex = nil
            summary = nil
        }
    }

    func checkOrder(kind: String, key: RecordKey) throws {
        precondition(!done, "append after finish")
        guard declaredKinds.contains(kind) else {
            throw SnapshotError(.badRecord, "record \(kind) \(key): kind \(kind) is not declared in the header", file: path)
        }
        if let previous {
            if previous.kind == kind {
                if key == previous.key {
                    throw SnapshotError(.duplicateKey, "record \(kind) \(key) is written twice", file: path)
                }
                if key < previous.key {
                    throw SnapshotError(.unsorted, "record \(kind) \(key) comes after \(kind) \(previous.key); keys must ascend", file: path)
                }
            } else if kind.utf8.lexicographicallyPrecedes(previous.kind.utf8) {
                throw SnapshotError(.unsorted, "kind \(kind) comes after kind \(previous.kind); kinds must ascend", file: path)
            }
        }
        previous = (kind, key)
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        do {
            try gzip.write(buffer)
        } catch let error as GzipError {
            throw SnapshotError(.io, "cannot be written: \(error.message)", file: path)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the trailer, syncs the file to disk and moves it into place.
    @discardableResult
    public func finish() throws -> SnapshotTrailer {
        try flush()
        let digest = hasher.finalize().hex
        var kindCounts = counts
        for kind in header.kinds where kindCounts[kind] == nil { kindCounts[kind] = 0 }
        let trailer = SnapshotTrailer(counts: kindCounts, sha256: digest, headerSha256: headerDigest)
        do {
            try gzip.write(trailer.line + [0x0A])
            try gzip.finish()
        } catch let error as GzipError {
            cancel()
            throw SnapshotError(.io, "cannot be written: \(error.message)", file: path)
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            cancel()
            throw SnapshotError(.io, "cannot be moved into place: \(reason)", file: path)
        }
        done = true
        // The index and summary are shortcuts: one that cannot be finished is not there, and is made again when needed.
        if (try? keyIndex?.finish(sha256: digest)) != nil, var summary, let keyIndex {
            summary.sha256 = digest
            summary.counts = keyIndex.counts
            for kind in header.kinds where summary.counts[kind] == nil { summary.counts[kind] = 0 }
            summary.keep(beside: path)
        } else {
            keyIndex?.cancel()
        }
        Self.syncDirectory(of: path)
        return trailer
    }

    /// Abandons the snapshot: the temporary file is removed, nothing appears at ``path``.
    public func cancel() {
        done = true
        keyIndex?.cancel()
        unlink(temporaryPath)
    }

    /// Makes the rename durable.
    static func syncDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }
}
