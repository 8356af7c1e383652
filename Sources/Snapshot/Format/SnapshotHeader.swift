/// The first line of a snapshot: which format, which agreement, read from
/// where and when, which kinds, and whether it is full or incremental.
///
/// ```swift
/// let header = SnapshotHeader(agreement: 1_234_567, takenAt: "2026-11-02T08:00:00Z", kinds: ["customer", "unit"])
/// ```
public struct SnapshotHeader: Equatable, Sendable {
    /// The format name written in every header.
    public static let formatName = "econsync-snapshot"
    /// The format version this econsync writes and reads.
    public static let currentVersion = 1
    /// The e-conomic hosts a snapshot is read from by default.
    public static let defaultSources = [
        "rest": "https://restapi.e-conomic.com",
        "projects": "https://apis.e-conomic.com/projectsapi/v1.1.0",
    ]

    /// Whether a snapshot holds every record of its kinds (`full`, or
    /// `incremental`: pulled as the changes since `base`, then written whole),
    /// or only the records that differ from `base` (`delta`).
    public enum Mode: String, Sendable {
        case full, incremental, delta
    }

    public var version: Int
    /// The e-conomic agreement number.
    public var agreement: Int
    /// The base URLs the records were read from, by API.
    public var sources: [String: String]
    /// When the snapshot was taken, UTC, ISO 8601.
    public var takenAt: String
    /// The kinds the snapshot holds, sorted.
    public var kinds: [String]
    public var mode: Mode
    /// The file name of the snapshot this one was based on, if any.
    public var base: String?
    /// For a delta: the kinds it holds every record of (a record of them
    /// was deleted since its base); of its other kinds it holds only the
    /// records new or changed since the base.
    public var whole: [String]

    public init(version: Int = SnapshotHeader.currentVersion, agreement: Int, sources: [String: String] = SnapshotHeader.defaultSources,
                takenAt: String, kinds: [String], mode: Mode = .full, base: String? = nil, whole: [String] = []) {
        self.version = version
        self.agreement = agreement
        self.sources = sources
        self.takenAt = takenAt
        self.kinds = kinds.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        self.mode = mode
        self.base = base
        self.whole = whole.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The header line: `{"header":{…}}`, canonical.
    public var line: [UInt8] {
        var fields: [String: JSONValue] = [
            "format": .string(Self.formatName), "version": .int(Int64(version)), "agreement": .int(Int64(agreement)),
            "sources": .object(sources.mapValues { .string($0) }), "takenAt": .string(takenAt),
            "kinds": .array(kinds.map { .string($0) }), "mode": .string(mode.rawValue),
        ]
        if let base { fields["base"] = .string(base) }
        if mode == .delta { fields["whole"] = .array(whole.map { .string($0) }) }
        return CanonicalJSON.bytes(.object(["header": .object(fields)]))
    }

    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let values)? = value else { return [] }
        return values.compactMap(\.stringValue)
    }

    /// Reads a header line; `file` names the snapshot in errors.
    public init(line: [UInt8], file: String) throws {
        func missing(_ why: String) -> SnapshotError {
            SnapshotError(.missingHeader, "line 1 is not a snapshot header: \(why)", file: file, line: 1)
        }
        guard let value = try? CanonicalJSON.parse(line), let fields = value["header"]?.objectValue else {
            throw missing("expected {\"header\":{…}}")
        }
        guard fields["format"]?.stringValue == Self.formatName else { throw missing("the format is not \(Self.formatName)") }
        guard let version = fields["version"]?.intValue else { throw missing("no version") }
        guard version == Int64(Self.currentVersion) else {
            throw SnapshotError(.unknownVersion, "format version \(version) is not known to this econsync (it reads version \(Self.currentVersion))",
                                file: file, line: 1)
        }
        guard let agreement = fields["agreement"]?.intValue, let takenAt = fields["takenAt"]?.stringValue,
              let kinds = fields["kinds"], case .array(let kindValues) = kinds,
              let modeName = fields["mode"]?.stringValue, let mode = Mode(rawValue: modeName),
              let sources = fields["sources"]?.objectValue else {
            throw missing("agreement, takenAt, kinds, mode or sources is missing or of the wrong type")
        }
        self.init(version: Int(version), agreement: Int(agreement), sources: sources.compactMapValues(\.stringValue),
                  takenAt: takenAt, kinds: kindValues.compactMap(\.stringValue), mode: mode, base: fields["base"]?.stringValue,
                  whole: Self.strings(fields["whole"]))
        if mode == .delta && base == nil { throw missing("a delta names no base") }
    }
}
