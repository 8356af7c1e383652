import Foundation
import TestSupport
import Testing
@testable import Snapshot

@Suite("Gzip streaming")
struct GzipTests {
    enum Content: String, CaseIterable, Sendable { case random, text }

    @Test("data round-trips when written and read in random-sized pieces", arguments: [
        0, 1, 2, 65_535, 65_536, 65_537, 131_071, 131_072, 131_073, 262_144, 262_145, 393_217, 1_000_003, 5 * 1024 * 1024,
    ], Content.allCases)
    func roundTrip(size: Int, content: Content) throws {
        try withScratch { dir in
            var random = TestRandom(seed: UInt64(size) &* 31 &+ (content == .text ? 1 : 0))
            let data = content == .text ? text(size, &random) : bytes(size, &random)
            let path = dir + "/data.gz"
            let writer = try GzipWriter(path: path)
            try writePieces(data, to: writer, &random)
            try writer.finish()
            #expect(writer.bytesIn == Int64(size))
            #expect(writer.bytesOut == Int64(try fileSize(path)))
            let reader = try GzipReader(path: path)
            #expect(try readPieces(reader, &random) == data)
            #expect(reader.compressedOffset == writer.bytesOut)
        }
    }

    @Test("zcat reads what GzipWriter writes, at every level", arguments: [0, 1, 3, 6, 9])
    func zcatReadsOurOutput(level: Int) throws {
        try withScratch { dir in
            var random = TestRandom(seed: UInt64(level))
            let data = text(3_000_000, &random) + bytes(300_000, &random) + Array("Ærø Tømrer ApS\n".utf8)
            let path = dir + "/out.gz"
            let writer = try GzipWriter(path: path, level: level)
            try writePieces(data, to: writer, &random)
            try writer.finish()
            try writer.finish()  // idempotent
            #expect(try run("zcat", [path]) == Data(data))
        }
    }

    @Test("the String and byte-array writers write UTF-8 bytes as given")
    func stringAndArrayWrites() throws {
        try withScratch { dir in
            let line = "{\"name\":\"Jørgensen & Søn\",\"city\":\"Århus\"}\n", path = dir + "/lines.gz"
            let writer = try GzipWriter(path: path, level: 1)
            try writer.write(line)
            try writer.write([0x7b, 0x7d, 0x0a])
            try writer.write("")
            try writer.finish()
            #expect(writer.bytesIn == Int64(line.utf8.count + 3))
            #expect(String(decoding: try run("zcat", [path]), as: UTF8.self) == line + "{}\n")
        }
    }

    @Test("a file made by gzip -c reads back")
    func readsGzipOutput() throws {
        try withScratch { dir in
            var random = TestRandom(seed: 7)
            let data = text(2_000_000, &random)
            try Data(data).write(to: URL(fileURLWithPath: dir + "/plain"))
            try run("gzip", ["-c", "-9", dir + "/plain"]).write(to: URL(fileURLWithPath: dir + "/plain.gz"))
            #expect(try readAll(dir + "/plain.gz") == data)
        }
    }

    @Test("concatenated members read as one stream, including an empty member")
    func multiMember() throws {
        try withScratch { dir in
            var random = TestRandom(seed: 8)
            let first = text(400_000, &random), second = bytes(300_001, &random)
            let a = try gzipData(first, dir), empty = try gzipData([], dir)
            try Data(second).write(to: URL(fileURLWithPath: dir + "/second"))
            let b = try run("gzip", ["-c", dir + "/second"])
            try (a + empty + b).write(to: URL(fileURLWithPath: dir + "/multi.gz"))
            #expect(try readAll(dir + "/multi.gz") == first + second)
            #expect(try run("zcat", [dir + "/multi.gz"]) == Data(first + second))  // the same file zcat accepts
        }
    }

    @Test("a file cut short anywhere throws .truncated", arguments: [0, 1, 2, 10, 5_000, -8, -1])
    func truncated(keep: Int) throws {
        try withScratch { dir in
            var random = TestRandom(seed: 9)
            let whole = try gzipData(text(200_000, &random), dir)
            let length = keep >= 0 ? keep : whole.count + keep
            try whole.prefix(length).write(to: URL(fileURLWithPath: dir + "/cut.gz"))
            let error = try #require(throws: GzipError.self) { try readAll(dir + "/cut.gz") }
            #expect(error.code == .truncated)
            #expect(error.description.hasPrefix(dir + "/cut.gz: "))
        }
    }

    @Test("one byte flipped in the compressed data, the CRC or the length throws .corrupt",
          arguments: [0.25, 0.5, 0.75, -8, -4, -1])
    func flippedByte(at position: Double) throws {
        try withScratch { dir in
            var random = TestRandom(seed: 10)
            var damaged = try gzipData(text(500_000, &random), dir)
            let index = position < 0 ? damaged.count + Int(position) : Int(Double(damaged.count) * position)
            damaged[index] ^= 0xff
            try damaged.write(to: URL(fileURLWithPath: dir + "/flipped.gz"))
            let error = try #require(throws: GzipError.self) { try readAll(dir + "/flipped.gz") }
            #expect(error.code == .corrupt, "\(error)")
            #expect(error.offset != nil)
        }
    }

    @Test("bytes after the last member throw .trailingGarbage",
          arguments: [Array("garbage\n".utf8), [0, 0, 0, 0], [0x1f, 0x00, 0x00]])
    func trailingGarbage(suffix: [UInt8]) throws {
        try withScratch { dir in
            let member = try gzipData(Array("hello\n".utf8), dir)
            try (member + suffix).write(to: URL(fileURLWithPath: dir + "/padded.gz"))
            let error = try #require(throws: GzipError.self) { try readAll(dir + "/padded.gz") }
            #expect(error.code == .trailingGarbage)
            #expect(error.offset == Int64(member.count))
        }
    }

    @Test("a plain-text file throws .notGzip when opened")
    func notGzip() throws {
        try withScratch { dir in
            try "{\"kind\":\"customer\"}\n".write(toFile: dir + "/plain.ndjson", atomically: false, encoding: .utf8)
            let error = try #require(throws: GzipError.self) { try GzipReader(path: dir + "/plain.ndjson") }
            #expect(error.code == .notGzip)
            #expect(error.description == "\(dir)/plain.ndjson: not a gzip file: it starts with bytes 7b 22, not 1f 8b (at compressed byte 0)")
        }
    }

    @Test("a missing file or directory throws .io naming the file")
    func ioErrors() throws {
        try withScratch { dir in
            let reading = try #require(throws: GzipError.self) { try GzipReader(path: dir + "/missing.gz") }
            #expect(reading.code == .io)
            #expect(reading.description.contains("missing.gz: cannot open the file for reading"))
            let writing = try #require(throws: GzipError.self) { try GzipWriter(path: dir + "/no/such/dir.gz") }
            #expect(writing.code == .io)
            let directory = try #require(throws: GzipError.self) { try GzipReader(path: dir) }
            #expect(directory.code == .io)
        }
    }

    @Test("a level outside 0...9 throws .badLevel", arguments: [-1, 10, 100])
    func badLevel(level: Int) throws {
        try withScratch { dir in
            let error = try #require(throws: GzipError.self) { try GzipWriter(path: dir + "/x.gz", level: level) }
            #expect(error.code == .badLevel)
            #expect(!FileManager.default.fileExists(atPath: dir + "/x.gz"))
        }
    }

    @Test("writing after finish throws; errors repeat; an unfinished file reads as truncated")
    func lifecycle() throws {
        try withScratch { dir in
            var random = TestRandom(seed: 11)
            let path = dir + "/unfinished.gz"
            do {
                let writer = try GzipWriter(path: path, level: 0)
                try writer.write(bytes(1_000_000, &random))  // level 0: more than one output chunk reaches the file
            }  // deinit without finish
            #expect(try fileSize(path) > 0)
            #expect(openDescriptors(to: path) == 0, "deinit ended the compressing thread and closed the file")
            let reader = try GzipReader(path: path)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
            defer { buffer.deallocate() }
            let first = try #require(throws: GzipError.self) { _ = try reader.read(into: buffer) }
            let again = try #require(throws: GzipError.self) { _ = try reader.read(into: buffer) }
            #expect(first.code == .truncated && again == first)

            let finished = try GzipWriter(path: dir + "/done.gz")
            try finished.finish()
            #expect(throws: GzipError.self) { try finished.write("late") }
        }
    }

    @Test("a disk that is full stops the compressing thread: the next write or finish throws .io, every later call again",
          .enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")))
    func fullDisk() throws {
        var random = TestRandom(seed: 12)
        let writer = try GzipWriter(path: "/dev/full", level: 0)  // level 0: the first full output buffer is written
        let data = bytes(4 * GzipDeflater.outputChunk, &random)
        // The thread fails on the second buffer's output; a write that waits for a buffer back learns of it.
        let error = try #require(throws: GzipError.self) { try writePieces(data, to: writer, &random) }
        #expect(error.code == .io)
        #expect(error.description.contains("cannot write the file: No space left on device"), "\(error)")
        #expect(throws: error) { try writer.write("more") }
        #expect(throws: error) { try writer.finish() }
        #expect(openDescriptors(to: "/dev/full") == 0, "the failure closed the file")
    }

    @Test("no descriptor stays open after finish, the end of the data, an error, or deinit",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func descriptorsAreClosed() throws {
        try withScratch { dir in
            let good = dir + "/good.gz", bad = dir + "/bad.gz"
            let writer = try GzipWriter(path: good)
            try writer.write("line\n")
            #expect(openDescriptors(to: good) == 1)
            try writer.finish()
            #expect(openDescriptors(to: good) == 0)
            try (try gzipData(Array("x".utf8), dir) + Array("junk".utf8)).write(to: URL(fileURLWithPath: bad))
            let reader = try GzipReader(path: good), failing = try GzipReader(path: bad)
            #expect(try readAll(reader) == Array("line\n".utf8))
            #expect(throws: GzipError.self) { try readAll(failing) }
            #expect(openDescriptors(to: good) == 0 && openDescriptors(to: bad) == 0)
            do { _ = try GzipReader(path: good) }  // deinit before reading
            #expect(openDescriptors(to: good) == 0)
        }
    }
}

// MARK: - Helpers

/// A temporary directory for one test, removed when `body` returns or throws.
private func withScratch(_ body: (String) throws -> Void) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("econsync-gzip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    try body(url.path)
}

extension TestRandom {
    /// A piece size: often tiny, often large, so both buffering paths are crossed.
    mutating func pieceSize() -> Int {
        Bool.random(using: &self) ? Int.random(in: 1...32, using: &self) : Int.random(in: 1...300_000, using: &self)
    }
}

private func bytes(_ count: Int, _ random: inout TestRandom) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
}

/// Repetitive NDJSON-like text, exactly `count` bytes long.
private func text(_ count: Int, _ random: inout TestRandom) -> [UInt8] {
    let cities = ["Aarhus C", "Odense C", "Aalborg", "Vejle", "København Ø"]
    var out: [UInt8] = []
    out.reserveCapacity(count + 200)
    while out.count < count {
        let key = Int.random(in: 1000...99_999, using: &random)
        out += Array("{\"kind\":\"customer\",\"key\":\(key),\"data\":{\"city\":\"\(cities.randomElement(using: &random)!)\",\"customerNumber\":\(key),\"name\":\"Hansen VVS ApS\"}}\n".utf8)
    }
    return Array(out.prefix(count))
}

/// Writes `data` in random-sized pieces, through the raw-buffer or the array writer at random.
private func writePieces(_ data: [UInt8], to writer: GzipWriter, _ random: inout TestRandom) throws {
    var start = 0
    try data.withUnsafeBytes { all in
        while start < data.count {
            let end = min(data.count, start + random.pieceSize())
            let raw = UnsafeRawBufferPointer(rebasing: all[start..<end])
            try start % 2 == 0 ? writer.write(raw) : writer.write(Array(raw))
            start = end
        }
    }
}

/// Reads everything in random-sized pieces, checking that a short read happens only at the end.
private func readPieces(_ reader: GzipReader, _ random: inout TestRandom) throws -> [UInt8] {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 300_000, alignment: 1)
    defer { buffer.deallocate() }
    var out: [UInt8] = []
    var ended = false
    while true {
        let wanted = random.pieceSize()
        let count = try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
        if count == 0 { break }
        #expect(!ended, "a read returned data after a short read")
        ended = count < wanted
        out += buffer[0..<count]
    }
    #expect(try reader.read(into: buffer) == 0)  // stays at the end
    return out
}

private func readAll(_ reader: GzipReader) throws -> [UInt8] {
    var random = TestRandom(seed: 1)
    return try readPieces(reader, &random)
}
private func readAll(_ path: String) throws -> [UInt8] { try readAll(GzipReader(path: path)) }

/// `data` compressed by GzipWriter at the default level, as bytes.
private func gzipData(_ data: [UInt8], _ dir: String) throws -> Data {
    let path = dir + "/member-\(UUID().uuidString).gz"
    let writer = try GzipWriter(path: path)
    try writer.write(data)
    try writer.finish()
    return try Data(contentsOf: URL(fileURLWithPath: path))
}

private func fileSize(_ path: String) throws -> Int {
    try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
}

/// Runs a command-line tool found on PATH and returns its standard output; fails unless it exits 0.
@discardableResult
private func run(_ tool: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "\(tool) \(arguments) exited with \(process.terminationStatus)")
    return data
}

/// How many of this process's descriptors are open on `path` (Linux /proc only).
private func openDescriptors(to path: String) -> Int {
    let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return fds.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == path }.count
}
