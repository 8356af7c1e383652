import Vocabulary

/// An error from reading or writing a gzip file: what went wrong, in which file,
/// and where in its compressed bytes.
///
/// ```swift
/// do { let count = try reader.read(into: buffer) }
/// catch let error as GzipError where error.code == .truncated {
///     print(error)   // /data/snap.gz: the file ends in the middle of the compressed data … (at compressed byte 81920)
/// }
/// ```
public struct GzipError: CodedError, Equatable {
    public static let domain = "gzip"

    /// A stable, machine-readable category of gzip error.
    public typealias Code = ErrorCode<GzipError>

    /// The category of the error.
    public var code: Code
    /// The path of the gzip file involved.
    public var file: String
    /// How many compressed bytes of the file came before the problem, if known.
    public var offset: Int64?
    /// What is wrong, in words a user understands.
    public var message: String
    /// The system's error number when the file could not be opened or created (`ENOENT`).
    public var systemError: Int32?

    /// Makes an error about `file`, optionally located at compressed byte `offset`.
    public init(_ code: Code, file: String, offset: Int64? = nil, _ message: String, systemError: Int32? = nil) {
        self.code = code
        self.file = file
        self.offset = offset
        self.message = message
        self.systemError = systemError
    }

    /// The error as one line: `"<file>: <message> (at compressed byte N)"`.
    public func describe(_ wording: any RemedyWording) -> String {
        var text = "\(file): \(message)"
        if let offset { text += " (at compressed byte \(offset))" }
        return text
    }
}
