import Foundation

/// Reads a snapshot as the whole state it stands for: a full snapshot as it
/// is, a delta with its records laid over its base's (and the base's over its
/// own, down to a full snapshot). Streams in kind and key order like a
/// ``SnapshotReader``; every file of the chain is verified to its trailer.
///
/// ```swift
/// let chain = try SnapshotChain(path: file)
/// while let line = try chain.next() { print(line.kind, line.key) }
/// print(chain.counts)
/// ```
///
/// A delta's base is the file its header names, looked for beside the delta
/// (a store keeps an agreement's snapshots in one folder).
public final class SnapshotChain: RecordLineSource {
    /// The file asked for (the top of the chain).
    public let path: String
    /// Its header.
    public let header: SnapshotHeader
    /// The files read, the full snapshot first and `path` last.
    public let paths: [String]
    /// Records per kind of the whole state, once ``next()`` returned nil.
    public private(set) var counts: [String: Int] = [:]

    let layers: [SnapshotReader]
    /// Per kind of the top file, the lowest layer whose records count (the
    /// newest that holds the kind whole); other kinds are not read.
    let floors: [String: Int]
    var heads: [RecordLine?]

    /// The most files a chain may have; a longer one is refused as damaged.
    public static let maximumDepth = 1_000

    /// Opens `path` and, while it is a delta, the base its header names.
    /// With `kinds`, only the records of those kinds are read: a layer below
    /// the newest that holds each of them whole is not even decompressed
    /// (a module's plan over a base whose full snapshot is another module's
    /// 100,000 customers), and such a layer is not verified.
    public init(path: String, checksDigest: Bool = true, kinds: Set<String>? = nil) throws {
        var readers = [try SnapshotReader(path: path, checksDigest: checksDigest)]
        var paths = [path]
        while let top = readers.last, top.header.mode == .delta, let base = top.header.base {
            guard let located = Self.locate(base, beside: top.path) else {
                throw SnapshotError(.missingBase, "is a delta over \(base), which is not there: it cannot be read without it", file: top.path)
            }
            guard !paths.contains(located), paths.count < Self.maximumDepth else {
                throw SnapshotError(.missingBase, "its chain of bases does not end in a full snapshot (it comes back to \(base))", file: path)
            }
            let reader = try SnapshotReader(path: located, checksDigest: checksDigest)
            guard reader.header.agreement == top.header.agreement else {
                throw SnapshotError(.missingBase, "its base \(base) is of agreement \(reader.header.agreement), not \(top.header.agreement)",
                                    file: top.path)
            }
            readers.append(reader)
            paths.append(located)
        }
        layers = readers.reversed()
        self.paths = paths.reversed()
        self.path = path
        header = readers[0].header
        var floors: [String: Int] = [:]
        for kind in header.kinds where kinds?.contains(kind) ?? true {
            floors[kind] = layers.lastIndex { $0.header.mode != .delta || $0.header.whole.contains(kind) } ?? 0
        }
        self.floors = floors
        heads = Array(repeating: nil, count: layers.count)
        // A layer below every floor holds nothing that counts: it is left unread.
        for index in layers.indices where index >= floors.values.min() ?? layers.count { heads[index] = try advance(index) }
    }

    /// Layer `index`'s next line that counts.
    func advance(_ index: Int) throws -> RecordLine? {
        while let line = try layers[index].next() {
            if let floor = floors[line.kind], index >= floor { return line }
        }
        return nil
    }

    /// The next record line of the whole state, or nil at the end.
    public func next() throws -> RecordLine? {
        var winner: Int?
        for index in heads.indices {
            guard let line = heads[index] else { continue }
            if let best = winner, let current = heads[best], SnapshotDiff.precedes(current, line) { continue }
            winner = index  // equal keys: the newer layer wins
        }
        guard let winner, let line = heads[winner] else { return nil }
        for index in heads.indices where heads[index].map({ $0.kind == line.kind && $0.key == line.key }) == true {
            heads[index] = try advance(index)
        }
        counts[line.kind, default: 0] += 1
        return line
    }
}

extension SnapshotChain {
    /// The file `base` (as a header names it, `snapshots/<agreement>/<name>`) beside `path`, if it is there.
    static func locate(_ base: String, beside path: String) -> String? {
        let name = base.split(separator: "/").last.map(String.init) ?? base
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let candidate = folder.isEmpty ? name : folder + "/" + name
        return access(candidate, F_OK) == 0 ? candidate : nil
    }

    /// A reader of `path` as the whole snapshot it stands for: the file's
    /// own reader when it is not a delta, else its chain.
    /// With `kinds`, a chain reads only theirs (see ``init(path:checksDigest:kinds:)``); a single file is read whole.
    public static func open(_ path: String, checksDigest: Bool = true, kinds: Set<String>? = nil) throws -> any RecordLineSource {
        let reader = try SnapshotReader(path: path, checksDigest: checksDigest)
        return reader.header.mode == .delta ? try SnapshotChain(path: path, checksDigest: checksDigest, kinds: kinds) : reader
    }

    /// Reads the chain of `path` to the end, verifying every file; returns the top header and the whole state's counts.
    @discardableResult
    public static func verify(path: String) throws -> (header: SnapshotHeader, counts: [String: Int]) {
        let chain = try SnapshotChain(path: path)
        while try chain.next() != nil {}
        for kind in chain.header.kinds where chain.counts[kind] == nil { chain.counts[kind] = 0 }
        return (chain.header, chain.counts)
    }
}
