/// An error from reading or writing a gzip file: what went wrong, in which file,
/// and where in its compressed bytes.
///
/// ```swift
/// do { let count = try reader.read(into: buffer) }
/// catch let error as GzipError where error.code == .truncated {
///     print(error)   // /data/snap.gz: the file ends in the middle of the compressed data … (at compressed byte 81920)
/// }
/// ```
public struct GzipError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A stable, machine-readable category of gzip error.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's stable spelling, e.g. `"truncated"`.
        public var rawValue: String
        /// Makes a code from its stable spelling.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's stable spelling.
        public var description: String { rawValue }

        /// The file does not start with the gzip magic bytes 1f 8b.
        public static let notGzip = Code(rawValue: "not-gzip")
        /// The file ends before the compressed data does (an interrupted write or copy).
        public static let truncated = Code(rawValue: "truncated")
        /// The compressed data is damaged: a bad block, or a CRC or length mismatch.
        public static let corrupt = Code(rawValue: "corrupt")
        /// Bytes follow the last gzip member that are not another gzip member.
        public static let trailingGarbage = Code(rawValue: "trailing-garbage")
        /// The operating system refused to open, read, write, sync or close the file.
        public static let io = Code(rawValue: "io")
        /// The compression level is outside 0...9.
        public static let badLevel = Code(rawValue: "bad-level")
        /// zlib itself failed (out of memory, or a state it should never reach).
        public static let zlib = Code(rawValue: "zlib")
    }

    /// The category of the error.
    public var code: Code
    /// The path of the gzip file involved.
    public var file: String
    /// How many compressed bytes of the file came before the problem, if known.
    public var offset: Int64?
    /// What is wrong, in words a user understands.
    public var message: String

    /// Makes an error about `file`, optionally located at compressed byte `offset`.
    public init(_ code: Code, file: String, offset: Int64? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.offset = offset
        self.message = message
    }

    /// The error as one line: `"<file>: <message> (at compressed byte N)"`.
    public var description: String {
        var text = "\(file): \(message)"
        if let offset { text += " (at compressed byte \(offset))" }
        return text
    }
}
