import Foundation
import Snapshot

/// One kind's records in a pull's work folder: record lines, one per line,
/// sorted by key. Written page by page as e-conomic answers (memory holds a
/// page, not the kind) into a temporary file that is renamed into place,
/// so a work file is whole or absent; keys that did not arrive in order are
/// sorted before the rename.
///
/// ```swift
/// let file = try WorkFile(creating: folder.appendingPathComponent("customer.ndjson"))
/// for record in page { try file.append(record) }
/// try file.commit()
/// try WorkFile.forEachLine(in: file.url) { line in try writer.append(line) }
/// ```
final class WorkFile {
    let url: URL
    let temporary: URL
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private var last: RecordKey?
    /// The records appended so far.
    private(set) var count = 0
    /// Whether every key came after the one before it.
    private(set) var ascending = true

    static let flushSize = 1 << 18

    init(creating url: URL) throws {
        self.url = url
        temporary = url.appendingPathExtension("tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw SnapshotError(.io, "cannot be created", file: temporary.path)
        }
        handle = try FileHandle(forWritingTo: temporary)
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    deinit {
        if handle != nil { cancel() }
    }

    func append(_ record: Record) throws {
        if let last, !(last < record.key) { ascending = false }
        last = record.key
        record.appendLine(to: &buffer)
        buffer.append(0x0A)
        count += 1
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Appends a line as it is (canonical bytes, without the newline).
    func append(_ line: RecordLine) throws {
        if let last, !(last < line.key) { ascending = false }
        last = line.key
        buffer.append(contentsOf: line.bytes)
        buffer.append(0x0A)
        count += 1
        if buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Puts the file in place, sorted by key.
    func commit() throws {
        try flush()
        try handle?.close()
        handle = nil
        if !ascending { try sortInPlace() }
        guard rename(temporary.path, url.path) == 0 else {
            throw SnapshotError(.io, "cannot be moved into place: \(String(cString: strerror(errno)))", file: url.path)
        }
    }

    /// Abandons the file: nothing appears at ``url``.
    func cancel() {
        try? handle?.close()
        handle = nil
        unlink(temporary.path)
    }

    /// Sorts the temporary file's lines by key (e-conomic pages that did not come in key order: rare, so done in memory).
    private func sortInPlace() throws {
        var lines: [RecordLine] = []
        try Self.forEachLine(in: temporary) { lines.append($0) }
        lines.sort { $0.key < $1.key }
        var text: [UInt8] = []
        for line in lines {
            text.append(contentsOf: line.bytes)
            text.append(0x0A)
        }
        try Data(text).write(to: temporary)
    }

    /// Calls `body` with each line of the work file at `url`, read a chunk at a time.
    static func forEachLine(in url: URL, _ body: (RecordLine) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var pending: [UInt8] = []
        func emit(_ bytes: ArraySlice<UInt8>) throws {
            guard !bytes.isEmpty else { return }
            guard let line = RecordLine(canonical: Array(bytes)) else {
                throw SnapshotError(.badRecord, "a line is not a record line", file: url.path)
            }
            try body(line)
        }
        while let chunk = try handle.read(upToCount: flushSize), !chunk.isEmpty {
            pending.append(contentsOf: chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try emit(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
        try emit(pending[...])
    }

    /// The number of lines of the work file at `url`, or nil when there is none.
    static func lineCount(_ url: URL) -> Int? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var count = 0
        do { try forEachLine(in: url) { _ in count += 1 } } catch { return nil }
        return count
    }
}
