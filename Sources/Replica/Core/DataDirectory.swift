import Foundation

/// A data directory's permissions: the replica, snapshots, plans and
/// credentials in it are the office's business data, so the directory is
/// private to its owner (0700) and every file in it owner-only (0600),
/// whatever the umask or the mode an existing directory had.
///
/// ```swift
/// for tightened in try DataDirectory(url: dir).tighten() { print("note: \(tightened)") }
/// ```
public struct DataDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// The mode of the directory and of every folder in it.
    public static let directoryMode: mode_t = 0o700
    /// The mode of every file in it.
    public static let fileMode: mode_t = 0o600

    public init(url: URL) {
        self.url = url
    }

    /// Whether `path` lies inside the data directory (after resolving links
    /// and `..`), or is the directory itself.
    public func contains(_ path: String) -> Bool {
        let root = Self.resolved(url.path)
        let candidate = Self.resolved(path)
        return candidate == root || candidate.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Resolves links and `..` in `path`, as far as the path exists (a file
    /// not written yet is resolved through its folder).
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        if let real = realpath(absolute.path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let parent = absolute.deletingLastPathComponent()
        guard parent.path != absolute.path else { return absolute.path }
        return URL(fileURLWithPath: resolved(parent.path)).appendingPathComponent(absolute.lastPathComponent).path
    }

    /// A file or folder whose group and other permissions were taken away.
    public struct Tightened: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        /// Its permission bits before (`0o755`) and after (`0o700`).
        public var from: mode_t
        public var to: mode_t

        /// `PATH was readable by others (mode 755); it is now 700`.
        public var description: String {
            "\(path) was readable by others (mode \(String(from, radix: 8))); it is now \(String(to, radix: 8))"
        }
    }

    /// Takes away group and other permissions from the directory and
    /// everything in it; returns each thing that was looser.
    /// Throws ``ReplicaError`` `.unsafeFile` for anything in it that is not a
    /// plain file or folder (a symbolic link, a device, a pipe).
    public func tighten() throws -> [Tightened] {
        var notes: [Tightened] = []
        try tighten(url.path, as: Self.directoryMode, notes: &notes)
        guard let walker = FileManager.default.enumerator(atPath: url.path) else { return notes }
        while let relative = walker.nextObject() as? String {
            let path = url.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: try tighten(path, as: Self.directoryMode, notes: &notes)
            case S_IFREG: try tighten(path, as: Self.fileMode, notes: &notes)
            default:
                // A link could lead econsync to write, or a reader to read, somewhere else.
                throw ReplicaError(.unsafeFile, .notPlainFile, file: path)
            }
        }
        return notes
    }

    private func tighten(_ path: String, as mode: mode_t, notes: inout [Tightened]) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let current = info.st_mode & 0o777
        guard current & 0o077 != 0 else { return }
        guard chmod(path, current & ~0o077 | (mode & 0o700)) == 0 else {
            throw ReplicaError(.notAReplica, .cannotTighten(String(cString: strerror(errno)), mode: String(mode, radix: 8)), file: path)
        }
        notes.append(Tightened(path: path, from: current, to: current & ~0o077 | (mode & 0o700)))
    }
}
