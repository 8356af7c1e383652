import Foundation

/// A small file beside a snapshot (`<snapshot>.summary`): each kind's number
/// of records and the latest `lastUpdated` among them (e-conomic's clock),
/// tied to the snapshot's SHA-256. Written with the snapshot; a quiet
/// incremental pull reads these few hundred bytes instead of decompressing
/// the base.
///
/// ```swift
/// let summary = try SnapshotSummary.of(snapshot: basePath, sha256: entry.sha256)
/// summary.lastUpdated["customer"]   // "2026-11-30T14:02:11Z"
/// ```
public struct SnapshotSummary: Codable, Equatable, Sendable {
    public var sha256: String
    /// Records per kind.
    public var counts: [String: Int] = [:]
    /// The latest `lastUpdated` per kind whose records carry one.
    public var lastUpdated: [String: String] = [:]

    /// Where the summary of the snapshot at `path` is kept.
    public static func path(for snapshot: String) -> String { snapshot + ".summary" }

    /// The summary kept beside the snapshot at `path` when it is that
    /// snapshot's (`sha256`), else made from the snapshot in one pass (a
    /// snapshot written before summaries were, or one whose summary is lost;
    /// a delta through its bases).
    public static func of(snapshot path: String, sha256: String?) throws -> SnapshotSummary {
        if let sha256, let data = FileManager.default.contents(atPath: Self.path(for: path)),
           let kept = try? JSONDecoder().decode(SnapshotSummary.self, from: data), kept.sha256 == sha256 {
            return kept
        }
        let reader = try SnapshotChain.open(path, checksDigest: false)
        var summary = SnapshotSummary(sha256: sha256 ?? "")
        while let line = try reader.next() {
            line.bytes.withUnsafeBytes { summary.add(kind: line.kind, line: $0) }
        }
        return summary
    }

    static let label = Array(#""lastUpdated":""#.utf8)

    /// Counts one record line of `kind`, and its `lastUpdated` if it has one.
    mutating func add(kind: String, line: UnsafeRawBufferPointer) {
        counts[kind, default: 0] += 1
        guard let value = Self.string(after: Self.label, in: line), value > lastUpdated[kind, default: ""] else { return }
        lastUpdated[kind] = value
    }

    /// The string value that follows `label` in `line` (a plain timestamp, no escapes).
    /// Found with the C library's `memchr` and `memcmp`: a summary looks at every line a snapshot writes.
    static func string(after label: [UInt8], in line: UnsafeRawBufferPointer) -> String? {
        guard line.count > label.count, let base = line.baseAddress else { return nil }
        return label.withUnsafeBytes { label -> String? in
            let first = Int32(label[0]), quote = Int32(UInt8(ascii: "\""))
            var index = 0
            // A label that ends the line has no value after it.
            while index + label.count < line.count {
                guard let hit = memchr(base + index, first, line.count - label.count - index) else { return nil }
                index = UnsafeRawPointer(hit) - base
                if memcmp(hit, label.baseAddress!, label.count) == 0 {
                    let start = index + label.count
                    let end = memchr(base + start, quote, line.count - start).map { UnsafeRawPointer($0) - base } ?? line.count
                    return String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
                }
                index += 1
            }
            return nil
        }
    }

    /// Writes the summary beside the snapshot at `snapshot`, whole or not at all (it is only a shortcut).
    func keep(beside snapshot: String) {
        guard let data = try? JSONEncoder().encode(self) else { return }
        let path = Self.path(for: snapshot), temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data), rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
    }
}
