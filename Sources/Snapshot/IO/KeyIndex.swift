import Foundation

/// A small file beside a snapshot (`<snapshot>.keys`) listing each record's
/// kind, key and a 64-bit hash of its line, in snapshot order, and the
/// snapshot's SHA-256. A reconcile compares the new snapshot's lines with the
/// base's hashes instead of decompressing the base: about 20 bytes a record
/// instead of the record itself.
///
/// ```swift
/// if let base = try KeyIndexReader(path: KeyIndex.path(for: basePath), sha256: entry.sha256) {
///     while let (kind, key, hash) = try base.next() { … }
/// }
/// ```
public enum KeyIndex {
    static let magic = Array("ECSNKEYS1\n".utf8)
    /// magic, then 64 bytes of hex SHA-256, then the number of entries (8 bytes).
    static let headerSize = magic.count + 64 + 8

    /// Where the index of the snapshot at `path` lives.
    public static func path(for snapshot: String) -> String { snapshot + ".keys" }

    /// A line's hash: eight bytes at a time, multiplied and folded (not cryptographic).
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            index += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        h = h &* 0xFF51_AFD7_ED55_8CCD
        return h ^ (h >> 32)
    }

    /// The hash of a line held in an array.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }
}

/// Writes a key index beside a snapshot being written, to a temporary file
/// that is moved into place once the snapshot is.
final class KeyIndexWriter {
    let path: String
    let temporaryPath: String
    let handle: FileHandle
    var buffer: [UInt8] = []
    var kind = ""
    var entries: UInt64 = 0

    /// For a delta: the index of the whole snapshot it is laid over, whose
    /// entries are merged in (but those of `replaced` kinds, and those the
    /// delta writes again), so that this index is the whole state's.
    var inherited: KeyIndexReader?
    var replaced: Set<String> = []
    var pending: (kind: String, key: RecordKey, hash: UInt64)?
    /// Entries per kind written so far (of the whole state, with an inherited index).
    var counts: [String: Int] {
        var counts = earlierRuns
        if run > 0 { counts[kind, default: 0] += run }
        return counts
    }
    /// Entries per kind before the current run of `kind`'s, and the entries of that run:
    /// counted as they come, not by a dictionary update per entry (a delta copies its base's 150,000).
    private var earlierRuns: [String: Int] = [:]
    private var run = 0
    /// The inherited kind last met, and whether it is replaced (asked once per kind, not per entry).
    private var inheritedKind = ""
    private var inheritedKindReplaced = false

    init?(snapshot: String) {
        path = KeyIndex.path(for: snapshot)
        temporaryPath = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil), let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            return nil
        }
        self.handle = handle
        buffer = KeyIndex.magic + [UInt8](repeating: 0x30, count: 64) + [UInt8](repeating: 0, count: 8)
    }

    func add(kind: String, key: RecordKey, hash: UInt64) throws {
        if inherited != nil { try drain(before: (kind, key)) }
        write(kind: kind, key: key, hash: hash)
    }

    /// Writes the inherited entries that come before `limit` (all of them
    /// without one), passing over replaced kinds and `limit` itself.
    func drain(before limit: (kind: String, key: RecordKey)?) throws {
        while let inherited {
            if pending == nil { pending = try inherited.next() }
            guard let entry = pending else {
                self.inherited = nil
                return
            }
            if let limit {
                if entry.kind == limit.kind {
                    guard entry.key <= limit.key else { return }
                } else if !entry.kind.utf8.lexicographicallyPrecedes(limit.kind.utf8) {
                    return
                }
                pending = nil
                if entry.kind == limit.kind && entry.key == limit.key { continue }  // written again by the delta
            } else {
                pending = nil
            }
            if entry.kind != inheritedKind {
                inheritedKind = entry.kind
                inheritedKindReplaced = replaced.contains(entry.kind)
            }
            if inheritedKindReplaced {
                _ = try inherited.restOfKind { _ in }  // the delta writes the kind whole
                continue
            }
            write(kind: entry.kind, key: entry.key, hash: entry.hash)
            // The rest of a kind the delta writes nothing of goes across as it is, not entry by entry.
            if limit.map({ entry.kind.utf8.lexicographicallyPrecedes($0.kind.utf8) }) ?? true {
                let copied = try inherited.restOfKind { buffer.append(contentsOf: $0) }
                run += copied
                entries += UInt64(copied)
                if buffer.count >= 1 << 18 { flush() }
            }
        }
    }

    /// Appends one entry (after its kind's marker when the kind changes).
    func write(kind: String, key: RecordKey, hash: UInt64) {
        if kind != self.kind {
            if run > 0 { earlierRuns[self.kind, default: 0] += run }
            run = 0
            self.kind = kind
            buffer.append(1)
            append(UInt16(kind.utf8.count))
            buffer.append(contentsOf: kind.utf8)
        }
        switch key {
        case .int(let value):
            buffer.append(2)
            append(UInt64(bitPattern: value))
        case .string(let text):
            buffer.append(3)
            append(UInt16(text.utf8.count))
            buffer.append(contentsOf: text.utf8)
        }
        append(hash)
        entries += 1
        run += 1
        if buffer.count >= 1 << 18 { flush() }
    }

    func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Seals the index with the snapshot's SHA-256 and moves it into place.
    func finish(sha256: String) throws {
        try drain(before: nil)
        buffer.append(0)
        flush()
        do {
            try handle.seek(toOffset: UInt64(KeyIndex.magic.count))
            var header = Array(sha256.utf8.prefix(64))
            withUnsafeBytes(of: entries.littleEndian) { header.append(contentsOf: $0) }
            handle.write(Data(header))
            try handle.close()
            if rename(temporaryPath, path) != 0 { unlink(temporaryPath) }
        } catch {
            cancel()
        }
    }

    func cancel() {
        try? handle.close()
        unlink(temporaryPath)
    }
}

/// Reads a key index in order, a buffer at a time; `nil` from `init` when
/// there is none, or it belongs to another snapshot, or is damaged.
public final class KeyIndexReader {
    let handle: FileHandle
    var buffer: [UInt8] = []
    var position = 0
    var atEnd = false
    var kind = ""
    public let entries: UInt64

    public init?(path: String, sha256: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
        guard let header = try handle.read(upToCount: KeyIndex.headerSize), header.count == KeyIndex.headerSize,
              Array(header.prefix(KeyIndex.magic.count)) == KeyIndex.magic,
              String(decoding: header.dropFirst(KeyIndex.magic.count).prefix(64), as: UTF8.self) == sha256 else {
            try? handle.close()
            return nil
        }
        entries = header.suffix(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    deinit { try? handle.close() }

    /// Makes sure `count` more bytes are buffered; false at the end of the file.
    func ensure(_ count: Int) throws -> Bool {
        if buffer.count - position >= count { return true }
        guard !atEnd else { return false }
        buffer.removeFirst(position)
        position = 0
        let more = try handle.read(upToCount: 1 << 18) ?? Data()
        if more.isEmpty { atEnd = true }
        buffer.append(contentsOf: more)
        return buffer.count >= count
    }

    static let truncated = SnapshotError(.corrupt, "the key index ends early", file: "")

    /// The next entry, nil at the end.
    public func next() throws -> (kind: String, key: RecordKey, hash: UInt64)? {
        while true {
            // The longest fixed part: tag, a 2-byte length or an 8-byte number, and an 8-byte hash.
            guard try ensure(1 + 8 + 8) || ensure(1) else { throw Self.truncated }
            let tag = buffer[position]
            switch tag {
            case 0:
                return nil
            case 1, 3:
                guard try ensure(3) else { throw Self.truncated }
                let length = Int(buffer[position + 1]) | Int(buffer[position + 2]) << 8
                guard try ensure(3 + length + (tag == 3 ? 8 : 0)) else { throw Self.truncated }
                let text = buffer.withUnsafeBufferPointer {
                    String(decoding: UnsafeBufferPointer(rebasing: $0[position + 3..<position + 3 + length]), as: UTF8.self)
                }
                position += 3 + length
                if tag == 1 {
                    kind = text
                    continue
                }
                let hash = word(at: position)
                position += 8
                return (kind, .string(text), hash)
            case 2:
                guard try ensure(17) else { throw Self.truncated }
                let key = Int64(bitPattern: word(at: position + 1)), hash = word(at: position + 9)
                position += 17
                return (kind, .int(key), hash)
            default:
                throw SnapshotError(.corrupt, "the key index has an unknown entry", file: "")
            }
        }
    }

    /// Passes over the entries left of the current kind, handing their bytes
    /// as they are to `body` (a buffer's worth at a time); returns how many
    /// entries. The next ``next()`` gives the next kind's first.
    func restOfKind(_ body: (ArraySlice<UInt8>) -> Void) throws -> Int {
        var count = 0, wanted = 1
        while true {
            // The index ends with an end tag, so there is always a byte to read here.
            guard try ensure(wanted) else { throw Self.truncated }
            wanted = 1
            let start = position
            scan: while position < buffer.count {
                let size: Int
                switch buffer[position] {
                case 0, 1:
                    body(buffer[start..<position])
                    return count
                case 2:
                    size = 17
                case 3 where position + 3 <= buffer.count:
                    size = 3 + (Int(buffer[position + 1]) | Int(buffer[position + 2]) << 8) + 8
                case 3:
                    size = .max
                default:
                    throw SnapshotError(.corrupt, "the key index has an unknown entry", file: "")
                }
                guard size <= buffer.count - position else {
                    wanted = buffer.count - position + 1  // an entry the buffer cuts: read on
                    break scan
                }
                position += size
                count += 1
            }
            body(buffer[start..<position])
        }
    }

    func word(at offset: Int) -> UInt64 {
        buffer.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }
}
