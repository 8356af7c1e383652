import Foundation
import Testing
@testable import econsync

/// `run.log`: every line with its time, private to its owner, rotated.
@Suite("The scheduler's log file")
struct RunLogTests {
    @Test("lines are written after their time, 0600; at the limit the file rotates and the oldest of three is dropped")
    func rotation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var log = RunLog(directory: directory, now: { Date(timeIntervalSince1970: 1_793_606_400) })
        log.limit = 100
        log.write("scheduler started")
        let first = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(first == "2026-11-02T08:00:00Z scheduler started\n")
        let mode = try #require(FileManager.default.attributesOfItem(atPath: log.path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        for round in 1...5 { log.write("round \(round): " + String(repeating: "x", count: 90)) }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["run.log", "run.log.1", "run.log.2", "run.log.3"])
        #expect(try String(contentsOfFile: log.path, encoding: .utf8).contains("round 5"))
        #expect(try String(contentsOfFile: log.path + ".1", encoding: .utf8).contains("round 4"))
        #expect(try String(contentsOfFile: log.path + ".3", encoding: .utf8).contains("round 2"), "round 1 and the first line were dropped")
    }
}
