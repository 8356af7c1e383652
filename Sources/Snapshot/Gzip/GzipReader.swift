import CZlib
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a gzip file in constant memory: the file is read in chunks of 256 KiB and
/// decompressed straight into the caller's buffer.
///
/// ```swift
/// let reader = try GzipReader(path: "snapshot.ndjson.gz")
/// let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
/// defer { buffer.deallocate() }
/// while true {
///     let count = try reader.read(into: buffer)
///     if count == 0 { break }   // the end of the data
///     consume(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
/// }
/// ```
///
/// Concatenated gzip members (as `cat a.gz b.gz` makes) read as one stream. Nothing is
/// skipped silently: a file that is not gzip, ends early, is damaged (including a CRC or
/// length mismatch) or has bytes after its last member throws a `GzipError` naming the file.
public final class GzipReader {
    /// How many compressed bytes are requested from the file per `read(2)`.
    static let inputChunk = 256 * 1024

    /// The path of the file being read.
    public let path: String
    /// How many compressed bytes of the file have been consumed so far.
    public var compressedOffset: Int64 { bytesRead - Int64(stream.pointee.avail_in) }

    private let descriptor: Int32
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutablePointer<UInt8>
    /// How many compressed bytes have been read from the file into `input` so far.
    private var bytesRead: Int64 = 0
    /// True once `read(2)` has returned 0.
    private var fileEnded = false
    /// The 1-based number of the gzip member being (or last) decompressed.
    private var member = 1
    private var state = State.inMember
    /// True once the zlib stream and the descriptor are released (at the end, or after a failure).
    private var released = false
    /// The error that stopped reading; every later call throws it again.
    private var failure: GzipError?

    private enum State { case inMember, betweenMembers, done }

    /// Opens the gzip file at `path` and checks that it starts like one.
    ///
    /// Throws `.io` if the file cannot be opened or read, `.notGzip` if its first two bytes
    /// are not 1f 8b, and `.truncated` if it is empty or ends after one byte.
    public init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw GzipError(.io, file: path, "cannot open the file for reading: \(String(cString: strerror(code)))", systemError: code)
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let rc = czlib_inflate_init_gzip(stream)
        guard rc == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            close(descriptor)
            throw GzipError(.zlib, file: path, "cannot start reading gzip (zlib error \(rc))")
        }
        self.path = path
        self.descriptor = descriptor
        self.stream = stream
        self.input = .allocate(capacity: Self.inputChunk)
        stream.pointee.next_in = input
        stream.pointee.avail_in = 0

        // From here on, a throw releases the descriptor and the stream through deinit.
        try fill(atLeast: 2)
        let available = Int(stream.pointee.avail_in)
        guard available > 0 else {
            throw fail(.truncated, "the file is empty: it holds no gzip data")
        }
        guard input[0] == 0x1f, available < 2 || input[1] == 0x8b else {
            let start = (0..<min(available, 2)).map { hexByte(input[$0]) }.joined(separator: " ")
            throw fail(.notGzip, "not a gzip file: it starts with bytes \(start), not 1f 8b")
        }
        guard available >= 2 else {
            throw fail(.truncated, "the file ends inside the gzip header")
        }
    }

    deinit {
        if !released {
            inflateEnd(stream)
            close(descriptor)
        }
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    /// Decompresses into `buffer` and returns how many bytes it wrote there.
    ///
    /// The buffer is filled unless the data ends first; 0 means the true end of the data
    /// (or an empty buffer). A damaged, truncated or padded file throws a `GzipError`,
    /// and every later call throws it again.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if let failure { throw failure }
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var produced = 0
        while produced < buffer.count && state != .done {
            if state == .betweenMembers {
                try startNextMember()
                continue
            }
            if stream.pointee.avail_in == 0 {
                try fill(atLeast: 1)
                guard stream.pointee.avail_in > 0 else {
                    throw fail(.truncated, "the file ends in the middle of gzip member \(member)")
                }
            }
            let room = min(buffer.count - produced, Int(UInt32.max))
            stream.pointee.next_out = (base + produced).assumingMemoryBound(to: UInt8.self)
            stream.pointee.avail_out = UInt32(room)
            let rc = inflate(stream, Z_NO_FLUSH)
            produced += room - Int(stream.pointee.avail_out)
            stream.pointee.next_out = nil
            stream.pointee.avail_out = 0
            switch rc {
            case Z_OK:
                break
            case Z_STREAM_END:
                state = .betweenMembers
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                break  // zlib wants more input; the next turn reads it or reports the truncation
            case Z_DATA_ERROR, Z_NEED_DICT:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "invalid data"
                throw fail(.corrupt, "the compressed data of gzip member \(member) is damaged: \(detail)")
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                throw fail(.zlib, "decompression failed in gzip member \(member): \(detail)")
            }
        }
        if state == .done { release() }
        return produced
    }

    // MARK: - Members

    /// After a member's end: finishes at the end of the file, starts the next member if one
    /// follows, and throws if anything else follows.
    private func startNextMember() throws {
        try fill(atLeast: 2)
        let available = Int(stream.pointee.avail_in)
        guard available > 0, let next = stream.pointee.next_in else {
            state = .done
            return
        }
        if next[0] == 0x1f && available >= 2 && next[1] == 0x8b {
            let rc = inflateReset(stream)
            guard rc == Z_OK else { throw fail(.zlib, "cannot start gzip member \(member + 1) (zlib error \(rc))") }
            member += 1
            state = .inMember
        } else if next[0] == 0x1f && available == 1 {
            throw fail(.truncated, "the file ends inside the header of gzip member \(member + 1)")
        } else {
            let start = (0..<min(available, 4)).map { hexByte(next[$0]) }.joined(separator: " ")
            throw fail(
                .trailingGarbage,
                "bytes that are not a gzip member follow the end of gzip member \(member) (\(start) …)")
        }
    }

    // MARK: - Input

    /// Reads from the file until at least `wanted` unconsumed bytes are buffered or the file
    /// ends, first moving the unconsumed bytes to the front of the buffer.
    private func fill(atLeast wanted: Int) throws {
        var available = Int(stream.pointee.avail_in)
        guard available < wanted, !fileEnded else { return }
        if available > 0, let next = stream.pointee.next_in, next != input {
            memmove(input, next, available)
        }
        stream.pointee.next_in = input
        while available < wanted && !fileEnded {
            let count = systemRead(descriptor, input + available, Self.inputChunk - available)
            if count < 0 {
                if errno == EINTR { continue }
                throw fail(.io, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if count == 0 {
                fileEnded = true
            } else {
                available += count
                bytesRead += Int64(count)
                stream.pointee.avail_in = UInt32(available)
            }
        }
    }

    // MARK: - Failure and release

    /// Keeps the error for every later call, releases zlib and the descriptor, and returns it.
    private func fail(_ code: GzipError.Code, _ message: String) -> GzipError {
        let error = GzipError(code, file: path, offset: compressedOffset, message)
        if failure == nil { failure = error }
        release()
        return error
    }

    private func release() {
        guard !released else { return }
        inflateEnd(stream)
        close(descriptor)
        released = true
    }
}

private func hexByte(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16)
    return digits.count == 1 ? "0" + digits : digits
}

/// `read(2)`, named apart from `GzipReader.read(into:)`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
