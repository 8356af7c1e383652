import Foundation
import Vocabulary

/// A file that could not be read or written: the path and what the system
/// said, as data (`cannot read /tmp/x.ndjson: no such file or directory`),
/// instead of Foundation's error text (`NSCocoaErrorDomain error 260`).
///
/// ```swift
/// do { data = try Data(contentsOf: url) }
/// catch { throw FileProblem(error, path: url.path) ?? error }
/// ```
public struct FileProblem: MessageError, Equatable {
    public static let domain = "file"

    /// Whether reading or writing failed.
    public enum Operation: String, Sendable {
        case read, write
    }

    public var operation: Operation
    /// The file, when known.
    public var path: String?
    /// What went wrong.
    public var reason: Reason

    public init(_ operation: Operation, path: String?, reason: Reason) {
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
            reason = Reason(errno: Int32(underlying.code))
        } else {
            reason = Reason(code) ?? Self.probe(self.path, operation) ?? .system("the system refused (error \(error.code))")
        }
    }

    /// `cannot-read` or `cannot-write`, by ``operation``.
    public var code: ErrorCode<FileProblem> { operation == .read ? "cannot-read" : "cannot-write" }

    /// `cannot read PATH: REASON`.
    public var message: String { "cannot \(operation.rawValue) \(path ?? "the file"): \(reason)" }

    /// What the file system says about `path` when the error does not.
    private static func probe(_ path: String?, _ operation: Operation) -> Reason? {
        guard let path else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .noSuchFile }
        if isDirectory.boolValue { return .isDirectory }
        let allowed = operation == .read ? FileManager.default.isReadableFile(atPath: path) : FileManager.default.isWritableFile(atPath: path)
        return allowed ? nil : .permissionDenied
    }
}
