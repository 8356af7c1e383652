/// The last line of a snapshot: how many records of each kind it holds, the
/// SHA-256 of all record lines (each with its newline) and of the header line,
/// so a reader can tell a whole, untouched file from a truncated or edited one.
public struct SnapshotTrailer: Equatable, Sendable {
    /// Records per kind.
    public var counts: [String: Int]
    /// The SHA-256 of the record lines, lowercase hex.
    public var sha256: String
    /// The SHA-256 of the header line (with its newline), lowercase hex.
    public var headerSha256: String

    public init(counts: [String: Int], sha256: String, headerSha256: String) {
        self.counts = counts
        self.sha256 = sha256
        self.headerSha256 = headerSha256
    }

    /// All records.
    public var records: Int { counts.values.reduce(0, +) }

    /// The prefix every trailer line starts with (and no record line does).
    static let prefix = Array(#"{"trailer":"#.utf8)

    /// The trailer line: `{"trailer":{…}}`, canonical.
    public var line: [UInt8] {
        CanonicalJSON.bytes(.object(["trailer": .object([
            "counts": .object(counts.mapValues { .int(Int64($0)) }), "records": .int(Int64(records)), "sha256": .string(sha256),
            "headerSha256": .string(headerSha256),
        ])]))
    }

    /// Reads a trailer line.
    init?(line: [UInt8]) {
        guard let value = try? CanonicalJSON.parse(line), let fields = value["trailer"]?.objectValue,
              let counts = fields["counts"]?.objectValue, let sha256 = fields["sha256"]?.stringValue,
              let headerSha256 = fields["headerSha256"]?.stringValue, let records = fields["records"]?.intValue else { return nil }
        var parsed: [String: Int] = [:]
        for (kind, count) in counts {
            guard let count = count.intValue else { return nil }
            parsed[kind] = Int(count)
        }
        self.init(counts: parsed, sha256: sha256, headerSha256: headerSha256)
        guard self.records == records else { return nil }
    }
}
