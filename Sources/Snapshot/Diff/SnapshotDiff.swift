/// Compares two snapshots by a streaming merge over their sorted records:
/// per kind, the records added, removed and changed, and for changed ones
/// the fields that changed with old and new values. Equal records are
/// recognised by their bytes and never parsed, so memory stays constant and
/// the cost is close to decompressing both files.
///
/// ```swift
/// let summary = try SnapshotDiff.compare(old, new) { change in print(change) }
/// summary.changed["customer"]   // customers whose data differ
/// ```
public enum SnapshotDiff {
    /// One field that differs between two versions of a record; `path` names
    /// nested fields with dots (`customerGroup.customerGroupNumber`).
    public struct FieldChange: Equatable, Sendable {
        public var path: String
        /// The old value; nil when the field was absent.
        public var old: JSONValue?
        /// The new value; nil when the field is absent now.
        public var new: JSONValue?
    }

    /// A difference between the two snapshots.
    public enum Change: Equatable, Sendable {
        case added(Record)
        case removed(Record)
        case changed(old: Record, new: Record, fields: [FieldChange])

        /// The kind of the record concerned.
        public var kind: String {
            switch self {
            case .added(let record), .removed(let record), .changed(_, let record, _): record.kind
            }
        }
    }

    /// Counts per kind.
    public struct Summary: Equatable, Sendable {
        public var added: [String: Int] = [:]
        public var removed: [String: Int] = [:]
        public var changed: [String: Int] = [:]
        public var unchanged: [String: Int] = [:]

        public init() {}

        /// Whether the two snapshots hold the same records.
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    /// Compares snapshot `old` with snapshot `new` (both verified to the end),
    /// calling `visit` for each difference in kind and key order; `kinds`
    /// limits the comparison.
    @discardableResult
    public static func compare(_ old: String, _ new: String, kinds: Set<String>? = nil,
                               visit: (Change) throws -> Void = { _ in }) throws -> Summary {
        let left = try SnapshotChain.open(old)
        let right = try SnapshotChain.open(new)
        var summary = Summary()
        try pairs(left, right, kinds: kinds) { a, b in
            switch (a, b) {
            case (let x?, let y?) where x.bytes == y.bytes:
                summary.unchanged[x.kind, default: 0] += 1
            case (let x?, let y?):
                let (before, after) = (try record(x, left), try record(y, right))
                summary.changed[x.kind, default: 0] += 1
                try visit(.changed(old: before, new: after, fields: fields(before.data, after.data)))
            case (let x?, nil):
                summary.removed[x.kind, default: 0] += 1
                try visit(.removed(try record(x, left)))
            case (nil, let y?):
                summary.added[y.kind, default: 0] += 1
                try visit(.added(try record(y, right)))
            case (nil, nil):
                break
            }
        }
        return summary
    }

    /// Walks two snapshots in step, in kind and key order, calling `visit` with
    /// each key's line in `old` (nil when absent, or when there is no `old`)
    /// and in `new`; `kinds` limits the walk. Memory stays constant.
    public static func pairs(_ old: (some RecordLineSource)?, _ new: some RecordLineSource, kinds: Set<String>? = nil,
                             visit: (RecordLine?, RecordLine?) throws -> Void) throws {
        var oldRun = KindRun(kinds: kinds), newRun = KindRun(kinds: kinds)
        func advance(_ reader: (some RecordLineSource)?, _ run: inout KindRun) throws -> RecordLine? {
            guard let reader else { return nil }
            while let line = try reader.next() {
                if run.wants(line.kind) { return line }
            }
            return nil
        }
        var a = try advance(old, &oldRun)
        var b = try advance(new, &newRun)
        while a != nil || b != nil {
            if let x = a, let y = b, x.kind == y.kind, x.key == y.key {
                try visit(x, y)
                a = try advance(old, &oldRun)
                b = try advance(new, &newRun)
            } else if let x = a, b == nil || precedes(x, b!) {
                try visit(x, nil)
                a = try advance(old, &oldRun)
            } else if let y = b {
                try visit(nil, y)
                b = try advance(new, &newRun)
            }
        }
    }

    /// The kind filter of one stream: kinds come in runs, so the set is consulted once per run.
    public struct KindRun: Sendable {
        let kinds: Set<String>?
        var kind = ""
        var wanted = false

        public init(kinds: Set<String>?) { self.kinds = kinds }

        /// Whether records of `next` are wanted.
        public mutating func wants(_ next: String) -> Bool {
            guard let kinds else { return true }
            if next != kind {
                kind = next
                wanted = kinds.contains(next)
            }
            return wanted
        }
    }

    static func precedes(_ x: RecordLine, _ y: RecordLine) -> Bool {
        x.kind == y.kind ? x.key < y.key : utf8Precedes(x.kind, y.kind)
    }

    /// The record of `line`, read by `reader`; a bad line is named with its file (and line number where known).
    public static func record(_ line: RecordLine, _ reader: some RecordLineSource) throws -> Record {
        do {
            return try line.record()
        } catch let problem as RecordLineError {
            throw SnapshotError(.badRecord, "record \(line.kind) \(line.key) \(problem.message)", file: reader.path,
                                line: (reader as? SnapshotReader)?.lineNumber)
        }
    }
}

/// Something that yields a snapshot's record lines in order: a ``SnapshotReader``,
/// or a ``PrefetchingReader`` reading ahead on its own thread.
public protocol RecordLineSource: AnyObject {
    var path: String { get }
    var header: SnapshotHeader { get }
    /// The next record line, or nil at the end (after the trailer was verified).
    func next() throws -> RecordLine?
}

extension SnapshotReader: RecordLineSource {}
extension PrefetchingReader: RecordLineSource {}

extension SnapshotDiff {

    /// The fields that differ between two objects, nested objects compared field by field.
    public static func fields(_ old: [String: JSONValue], _ new: [String: JSONValue], prefix: String = "") -> [FieldChange] {
        var changes: [FieldChange] = []
        let names = Set(old.keys).union(new.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names where old[name] != new[name] {
            let path = prefix.isEmpty ? name : "\(prefix).\(name)"
            if case .object(let before)? = old[name], case .object(let after)? = new[name] {
                changes += fields(before, after, prefix: path)
            } else {
                changes.append(FieldChange(path: path, old: old[name], new: new[name]))
            }
        }
        return changes
    }
}
