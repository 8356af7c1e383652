import Foundation
import Vocabulary

/// A file that could not be read or written, in words: the path and what the
/// system said (`cannot read /tmp/x.ndjson: no such file or directory`),
/// instead of Foundation's error text (`NSCocoaErrorDomain error 260`).
///
/// ```swift
/// do { data = try Data(contentsOf: url) }
/// catch { throw FileProblem(error, path: url.path) ?? error }
/// ```
public struct FileProblem: CodedError, Equatable {
    public static let domain = "file"

    /// Whether reading or writing failed.
    public enum Operation: String, Sendable {
        case read, write
    }

    public var operation: Operation
    /// The file, when known.
    public var path: String?
    /// What went wrong, in lower case: `no such file or directory`, `permission denied`.
    public var reason: String

    public init(_ operation: Operation, path: String?, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// The problem a Foundation file error describes; nil for any other error.
    /// `path` names the file when the error does not.
    public init?(_ error: any Error, path: String? = nil) {
        let error = error as NSError
        guard error.domain == NSCocoaErrorDomain, (0...1023).contains(error.code) else { return nil }   // the file errors
        let code = CocoaError.Code(rawValue: error.code)
        operation = (512..<1024).contains(error.code) ? .write : .read
        self.path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path ?? path
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = Self.words(errno: Int32(underlying.code))
        } else {
            reason = Self.reasons[code] ?? Self.probe(self.path, operation) ?? "the system refused (error \(error.code))"
        }
    }

    /// `cannot-read` or `cannot-write`, by ``operation``.
    public var code: ErrorCode<FileProblem> { operation == .read ? "cannot-read" : "cannot-write" }

    /// `cannot read PATH: REASON`.
    public func describe(_ wording: any RemedyWording) -> String {
        "cannot \(operation.rawValue) \(path ?? "the file"): \(reason)"
    }

    private static let reasons: [CocoaError.Code: String] = [
        .fileNoSuchFile: "no such file", .fileReadNoSuchFile: "no such file",
        .fileReadNoPermission: "permission denied", .fileWriteNoPermission: "permission denied",
        .fileReadInvalidFileName: "not a valid file name", .fileWriteInvalidFileName: "not a valid file name",
        .fileReadCorruptFile: "the file is damaged", .fileReadTooLarge: "the file is too large",
        .fileReadInapplicableStringEncoding: "not text in the expected encoding",
        .fileWriteFileExists: "the file already exists", .fileWriteOutOfSpace: "no space left on the device",
        .fileWriteVolumeReadOnly: "the file system is read-only", .fileLocking: "the file is locked",
    ]

    /// What the file system says about `path` when the error does not.
    private static func probe(_ path: String?, _ operation: Operation) -> String? {
        guard let path else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "is a directory" }
        let allowed = operation == .read ? FileManager.default.isReadableFile(atPath: path) : FileManager.default.isWritableFile(atPath: path)
        return allowed ? nil : "permission denied"
    }

    private static func words(errno code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
