import Foundation
import Replica

/// A file econsync writes on a user's behalf (`--plan-out`, `--out`): never
/// inside the data directory (where it could replace the replica or the
/// credentials), never over something that is not a regular file, and never
/// over an existing file unless the user said `--force`. It is written whole
/// through a temporary file beside it, or not at all.
///
/// ```swift
/// let out = try OutputFile(path: planOut, dataDirectory: global.directory, force: force)
/// try out.write(Data(text.utf8))
/// ```
struct OutputFile {
    let path: String

    /// Checks `path` as a target; throws a one-line ``CommandFailure`` naming what is wrong.
    init(path: String, dataDirectory: URL, force: Bool) throws {
        self.path = path
        if DataDirectory(url: dataDirectory).contains(path) {
            throw CommandFailure("\(path): ligger i datamappen \(dataDirectory.path), hvor econsync har sine egne filer; skriv den et andet sted",
                                 "\(path): is inside the data directory \(dataDirectory.path), where econsync keeps its own files; "
                                     + "write it somewhere else")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("\(path): mappen \(folder) findes ikke", "\(path): the directory \(folder) does not exist")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw CommandFailure("\(path): findes og er ikke en almindelig fil; econsync skriver kun til nye eller almindelige filer",
                                 "\(path): exists and is not a regular file; econsync writes only to new or regular files")
        }
        if !force { throw CommandFailure("\(path): findes allerede; giv --force for at erstatte den", "\(path): exists already; give --force to replace it") }
    }

    /// Writes `data` whole (through a temporary file and a rename).
    func write(_ data: Data) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FileProblem(error, path: path) ?? FileProblem(.write, path: path, reason: .system("\(error)"))
        }
    }
}
