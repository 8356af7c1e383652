import CZlib
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A gzip stream into a file: zlib's deflate state, its output buffer and
/// the descriptor. Used by one thread at a time: a ``GzipWriter``'s, or the
/// thread it hands its input to (see ``DeflateThread``).
final class GzipDeflater {
    /// How many compressed bytes are collected before one `write(2)`.
    static let outputChunk = 256 * 1024

    let path: String
    /// How many compressed bytes have reached the file so far.
    private(set) var bytesOut: Int64 = 0

    private let descriptor: Int32
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutablePointer<UInt8>
    /// True once the zlib stream and the descriptor are released.
    private(set) var closed = false

    /// Creates or truncates the file at `path` (mode 0600) and starts a gzip stream in it.
    init(path: String, level: Int) throws(GzipError) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let rc = czlib_deflate_init_gzip(stream, Int32(level))
        guard rc == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw GzipError(.zlib, file: path, "cannot start a gzip stream (zlib error \(rc))")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw GzipError(.io, file: path, "cannot create the file: \(reason)")
        }
        self.path = path
        self.descriptor = descriptor
        self.stream = stream
        output = .allocate(capacity: Self.outputChunk)
        stream.pointee.next_out = output
        stream.pointee.avail_out = UInt32(Self.outputChunk)
    }

    deinit {
        release()
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
    }

    /// Feeds `count` bytes at `start` to deflate, writing the output buffer each time it fills.
    func compress(_ start: UnsafePointer<UInt8>, count: Int) throws(GzipError) {
        try deflate(start, count: count, finishing: false)
    }

    /// Compresses the last `count` bytes at `start`, ends the gzip stream, writes what is buffered, fsyncs and closes the file.
    func finish(_ start: UnsafePointer<UInt8>, count: Int) throws(GzipError) {
        try deflate(start, count: count, finishing: true)
        try writeOutput()
        guard fsync(descriptor) == 0 else { throw systemError("cannot sync the file to disk") }
        let closeError = close(descriptor) == 0 ? nil : systemError("cannot close the file")
        deflateEnd(stream)
        closed = true
        if let closeError { throw closeError }
    }

    /// Ends the zlib stream and closes the descriptor without finishing the file (after a failure, or abandoned).
    func release() {
        guard !closed else { return }
        deflateEnd(stream)
        close(descriptor)
        closed = true
    }

    /// With `finishing`, continues until zlib reports the end of the stream.
    private func deflate(_ start: UnsafePointer<UInt8>, count: Int, finishing: Bool) throws(GzipError) {
        var next = start
        var remaining = count
        repeat {
            let piece = min(remaining, Int(UInt32.max / 2))
            stream.pointee.next_in = UnsafeMutablePointer(mutating: next)  // zlib only reads it
            stream.pointee.avail_in = UInt32(piece)
            while true {
                if stream.pointee.avail_out == 0 { try writeOutput() }
                let last = finishing && remaining == piece
                let rc = CZlib.deflate(stream, last ? Z_FINISH : Z_NO_FLUSH)
                if rc == Z_STREAM_END { break }
                guard rc == Z_OK else { throw zlibError(rc) }
                if !last && stream.pointee.avail_in == 0 { break }
            }
            stream.pointee.next_in = nil
            next += piece
            remaining -= piece
        } while remaining > 0
    }

    private func zlibError(_ rc: Int32) -> GzipError {
        let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
        return GzipError(.zlib, file: path, offset: bytesOut, "compression failed: \(detail)")
    }

    /// Writes the compressed bytes collected so far with `write(2)` and empties the buffer.
    private func writeOutput() throws(GzipError) {
        let count = Self.outputChunk - Int(stream.pointee.avail_out)
        var written = 0
        while written < count {
            let rc = systemWrite(descriptor, output + written, count - written)
            if rc < 0 {
                if errno == EINTR { continue }
                throw systemError("cannot write the file")
            }
            written += rc
            bytesOut += Int64(rc)
        }
        stream.pointee.next_out = output
        stream.pointee.avail_out = UInt32(Self.outputChunk)
    }

    private func systemError(_ what: String) -> GzipError {
        GzipError(.io, file: path, offset: bytesOut, "\(what): \(String(cString: strerror(errno)))")
    }
}

/// `write(2)`, named apart from the writers' `write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
