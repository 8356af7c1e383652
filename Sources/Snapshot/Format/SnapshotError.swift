/// An error reading, writing or comparing a snapshot: what is wrong, in which
/// file, on which line.
///
/// ```swift
/// do { try SnapshotReader.verify(path: file) }
/// catch let error as SnapshotError where error.code == .tampered { print(error) }
/// ```
public struct SnapshotError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A stable, machine-readable category of snapshot error.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file is not gzip-compressed.
        public static let notGzip = Code(rawValue: "not-gzip")
        /// The file ends early (no trailer, or the compressed stream is cut off).
        public static let truncated = Code(rawValue: "truncated")
        /// The compressed stream is damaged.
        public static let corrupt = Code(rawValue: "corrupt")
        /// The records do not match the trailer's hash or counts.
        public static let tampered = Code(rawValue: "tampered")
        /// Records are out of order.
        public static let unsorted = Code(rawValue: "unsorted")
        /// Two records have the same kind and key.
        public static let duplicateKey = Code(rawValue: "duplicate-key")
        /// The header names a format version this econsync does not know.
        public static let unknownVersion = Code(rawValue: "unknown-version")
        /// The first line is not a snapshot header.
        public static let missingHeader = Code(rawValue: "missing-header")
        /// The last line is not a snapshot trailer.
        public static let missingTrailer = Code(rawValue: "missing-trailer")
        /// A line is not valid UTF-8.
        public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
        /// A record line is malformed.
        public static let badRecord = Code(rawValue: "bad-record")
        /// Something follows the trailer.
        public static let trailingData = Code(rawValue: "trailing-data")
        /// The file cannot be read or written.
        public static let io = Code(rawValue: "io")
    }

    public var code: Code
    /// What is wrong.
    public var message: String
    /// The snapshot file.
    public var file: String
    /// The 1-based line of the decompressed file, when known.
    public var line: Int?

    public init(_ code: Code, _ message: String, file: String, line: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
