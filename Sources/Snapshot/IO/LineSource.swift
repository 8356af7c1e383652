import Foundation

/// Lines of a gzip file, decompressed in large chunks; memory stays at one
/// chunk plus the longest line.
final class LineSource {
    /// One line, without its newline; `terminated` is false for a last line
    /// that has no newline (a sign of truncation in a snapshot).
    struct Line {
        var bytes: [UInt8]
        var terminated: Bool
    }

    let path: String
    let gzip: GzipReader
    let chunk: UnsafeMutableRawBufferPointer
    var start = 0
    var end = 0
    var atEnd = false

    static let chunkSize = 1 << 18

    init(path: String) throws {
        self.path = path
        do {
            gzip = try GzipReader(path: path)
        } catch let error as GzipError {
            throw Self.translate(error, path: path)
        }
        chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    }

    deinit {
        chunk.deallocate()
    }

    static func translate(_ error: GzipError, path: String) -> SnapshotError {
        let (code, verdict): (SnapshotError.Code, String) = switch error.code {
        case .notGzip: (.notGzip, "not a gzip file")
        case .truncated: (.truncated, "truncated")
        case .corrupt, .trailingGarbage: (.corrupt, "corrupt")
        default: (.io, "unreadable")
        }
        let at = error.offset.map { " (at compressed byte \($0))" } ?? ""
        let words = error.message.hasPrefix(verdict) ? error.message : "\(verdict): \(error.message)"   // said once
        var translated = SnapshotError(code, "\(words)\(at)", file: path)
        translated.systemError = error.systemError
        return translated
    }

    /// Refills the chunk; false at the end of the data.
    func refill() throws -> Bool {
        guard !atEnd else { return false }
        do {
            end = try gzip.read(into: chunk)
        } catch let error as GzipError {
            throw Self.translate(error, path: path)
        }
        start = 0
        if end == 0 { atEnd = true }
        return end > 0
    }

    /// The next line, or nil at the end.
    func next() throws -> Line? {
        var carried: [UInt8] = []
        while true {
            if start < end {
                let base = chunk.baseAddress! + start
                if let newline = memchr(base, 0x0A, end - start) {
                    let length = base.distance(to: newline)
                    let piece = UnsafeRawBufferPointer(start: base, count: length)
                    start += length + 1
                    if carried.isEmpty { return Line(bytes: Array(piece), terminated: true) }
                    carried.append(contentsOf: piece)
                    return Line(bytes: carried, terminated: true)
                }
                carried.append(contentsOf: UnsafeRawBufferPointer(start: base, count: end - start))
                start = end
            }
            guard try refill() else {
                return carried.isEmpty ? nil : Line(bytes: carried, terminated: false)
            }
        }
    }
}
