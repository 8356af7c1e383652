import Reconcile
import Snapshot

/// Captured record lines, parsed one by one as the three-way diff walks them;
/// the first line that does not parse ends the walk and is kept as `failure`.
final class ParsedLines: Sequence {
    let lines: [RecordLine]
    let file: String
    private(set) var failure: SnapshotError?

    init(_ lines: [RecordLine], file: String) {
        self.lines = lines
        self.file = file
    }

    func makeIterator() -> AnyIterator<Record> {
        var index = 0
        return AnyIterator { [self] in
            guard failure == nil, index < lines.count else { return nil }
            let line = lines[index]
            index += 1
            do {
                return try line.record(checkCanonical: false)  // lines of the store's snapshots
            } catch {
                failure = SnapshotError(.badRecord, "record \(line.kind) \(line.key) \(error)", file: file)
                return nil
            }
        }
    }

    /// Walks `diff` over `base` and `remote` captured from `files`, each line
    /// parsed as the walk meets it, and `known` (see ``ThreeWayDiff/walk(base:remote:known:into:)``);
    /// throws the first line that does not parse, named with its file.
    static func walk(_ diff: ThreeWayDiff, base: [RecordLine], remote: [RecordLine], files: (base: String?, snapshot: String),
                     known: [LocalRecord], into walk: inout ThreeWayDiff.Walk) throws {
        let baseLines = ParsedLines(base, file: files.base ?? ""), remoteLines = ParsedLines(remote, file: files.snapshot)
        diff.walk(base: baseLines, remote: remoteLines, known: known, into: &walk)
        if let failure = baseLines.failure ?? remoteLines.failure { throw failure }
    }
}
