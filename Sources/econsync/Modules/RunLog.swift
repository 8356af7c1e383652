import Foundation
import Replica

/// The scheduler's log in the data directory (`run.log`): every line `run`
/// prints, after the time it was written. At `limit` bytes the file is
/// rotated (`run.log.1`, `.2`, …, the oldest of `keep` dropped), so a
/// scheduler that runs for months never fills the disk. The file is private
/// to its owner (0600), as every file of the data directory is.
///
/// ```swift
/// let log = RunLog(directory: global.directory, now: try GlobalOptions.clock())
/// log.write("customers: done (full): 12 pulled, …")   // 2026-11-02T08:15:00Z customers: done …
/// ```
struct RunLog {
    static let fileName = "run.log"
    let directory: URL
    let now: @Sendable () -> Date
    var limit = 1 << 20
    var keep = 3

    var path: String { directory.appendingPathComponent(Self.fileName).path }

    /// Appends `line` with the time; a log that cannot be written never stops the scheduler.
    func write(_ line: String) {
        rotateIfFull()
        let text = Timestamp.string(now()) + " " + line + "\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    }

    /// `run.log` → `run.log.1` → … → `run.log.<keep>` (dropped) once it reached `limit`.
    func rotateIfFull() {
        let files = FileManager.default
        guard let size = (try? files.attributesOfItem(atPath: path)[.size] as? Int), size >= limit else { return }
        try? files.removeItem(atPath: "\(path).\(keep)")
        for index in stride(from: keep - 1, through: 1, by: -1) where files.fileExists(atPath: "\(path).\(index)") {
            try? files.moveItem(atPath: "\(path).\(index)", toPath: "\(path).\(index + 1)")
        }
        try? files.moveItem(atPath: path, toPath: "\(path).1")
    }
}
