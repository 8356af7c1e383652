import Foundation
import Synchronization

/// Which replica files this process has open through SQLite. Closing any
/// descriptor of a file drops every POSIX lock the process holds on it,
/// SQLite's included, and a second process could then write or checkpoint
/// under a connection that believes it holds its locks: a corrupt file. So
/// the raw look at a file's first bytes (``ReplicaStore`` refusing what is
/// not SQLite before SQLite sees it) is taken only while no connection of
/// this process has the file open; alive, a token marks it open.
final class OpenReplicaFile: Sendable {
    let path: String

    private static let counts = Mutex<[String: Int]>([:])

    init(path: String) {
        self.path = Self.canonical(path)
        Self.counts.withLock { $0[self.path, default: 0] += 1 }
    }

    deinit {
        Self.counts.withLock { counts in
            let left = (counts[path] ?? 1) - 1
            counts[path] = left > 0 ? left : nil
        }
    }

    /// Whether a connection of this process has `path` open.
    static func isOpen(_ path: String) -> Bool {
        counts.withLock { $0[canonical(path)] != nil }
    }

    /// One name per file: links and `..` resolved (as ``DataDirectory`` resolves them).
    static func canonical(_ path: String) -> String {
        DataDirectory.resolved(path)
    }
}
