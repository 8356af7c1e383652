import Foundation
import Synchronization

/// A fresh directory for one test, removed when the test process exits.
///
/// Removal waits for the exit rather than `deinit`: Swift may release an
/// object right after its last use, which can come before a test is done
/// with the paths inside it.
///
/// ```swift
/// let directory = try TemporaryDirectory()
/// let file = directory.path("replica.sqlite")
/// ```
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init(_ prefix: String = "econsync-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        Self.created.withLock { directories in
            if directories.isEmpty { atexit { TemporaryDirectory.removeAll() } }
            directories.append(url)
        }
    }

    /// The URL of `name` inside the directory.
    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The path of `name` inside the directory.
    public func path(_ name: String) -> String { file(name).path }

    static let created = Mutex<[URL]>([])

    static func removeAll() {
        for url in created.withLock({ $0 }) {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
