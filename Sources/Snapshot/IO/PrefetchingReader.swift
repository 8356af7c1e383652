import Foundation

/// A ``SnapshotReader`` (or a delta's ``SnapshotChain``) that decompresses, splits and verifies on a thread of
/// its own, a batch of lines ahead of the caller, so that two snapshots
/// compared side by side are decoded on two cores at once.
///
/// ```swift
/// let old = try PrefetchingReader(path: base), new = try PrefetchingReader(path: latest)
/// try SnapshotDiff.pairs(old, new) { a, b in … }
/// ```
public final class PrefetchingReader: Sendable {
    public let path: String
    public let header: SnapshotHeader
    private let lines: ReadAhead<RecordLine>

    /// Opens `path`, reads its header, and starts reading ahead (see
    /// ``SnapshotReader/init(path:strict:checksDigest:)`` for `checksDigest`);
    /// with `kinds`, a chain may leave out the records of other kinds (see ``SnapshotChain/open(_:checksDigest:kinds:)``).
    public init(path: String, checksDigest: Bool = true, kinds: Set<String>? = nil) throws {
        let reader = try SnapshotChain.open(path, checksDigest: checksDigest, kinds: kinds)
        self.path = path
        header = reader.header
        lines = ReadAhead(name: "econsync.prefetch") { emit in
            while let line = try reader.next() { try emit(line) }
        }
    }

    /// The next record line, or nil at the end (after the trailer was verified).
    public func next() throws -> RecordLine? {
        try lines.next()
    }
}
