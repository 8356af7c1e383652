import Vocabulary

/// An error reading, writing or comparing a snapshot: what is wrong, in which
/// file, on which line.
///
/// ```swift
/// do { try SnapshotReader.verify(path: file) }
/// catch let error as SnapshotError where error.code == .tampered { print(error) }
/// ```
public struct SnapshotError: CodedError, Equatable {
    public static let domain = "snapshot"

    /// A stable, machine-readable category of snapshot error.
    public typealias Code = ErrorCode<SnapshotError>

    public var code: Code
    /// What is wrong.
    public var message: String
    /// The snapshot file.
    public var file: String
    /// The 1-based line of the decompressed file, when known.
    public var line: Int?
    /// What to do, worded by the front end, if there is an action to name.
    public var remedy: Remedy?
    /// The system's error number when the file could not be opened (`ENOENT`), for a front end to word.
    public var systemError: Int32?

    public init(_ code: Code, _ message: String, file: String, line: Int? = nil, remedy: Remedy? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.remedy = remedy
    }

    /// `file:line: message`, then the remedy if there is one.
    public func describe(_ wording: any RemedyWording) -> String { describe(message, wording) }

    /// `file:line: words`, then the remedy if there is one: the error in a front end's own `words`.
    public func describe(_ words: String, _ wording: any RemedyWording) -> String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(words)" + (remedy.map { "; " + wording.words(for: $0) } ?? "")
    }
}
