import Economic
import Foundation
import Snapshot
import Vocabulary

extension SnapshotPuller {
    /// The snapshot a pull builds on: the base of the last reconcile.
    public struct Base: Sendable {
        /// As the store names it (`snapshots/<agreement>/<name>.ndjson.gz`).
        public var file: String
        public var path: String

        public init(file: String, path: String) {
            self.file = file
            self.path = path
        }
    }

    /// Kinds whose records carry e-conomic's `lastUpdated` and can be filtered on it.
    static let incrementalKinds: Set<Kind> = [.customer, .product, .project, .timeEntry]

    /// For each incremental kind in the base, the latest `lastUpdated` among its
    /// records (e-conomic's clock, so no skew with ours); read from the lines' bytes.
    static func lastUpdatedMarks(in base: Base, kinds: Set<String>) throws -> [String: String] {
        let reader = try SnapshotReader(path: base.path, checksDigest: false)
        var marks: [String: String] = [:]
        let label = Array(#""lastUpdated":""#.utf8)
        while let line = try reader.next() {
            guard kinds.contains(line.kind) else { continue }
            if marks[line.kind] == nil { marks[line.kind] = "" }
            guard let value = line.bytes.withUnsafeBufferPointer({ Self.string(after: label, in: $0) }) else { continue }
            if value > marks[line.kind]! { marks[line.kind] = value }
        }
        return marks.filter { !$0.value.isEmpty }
    }

    /// The string value that follows `label` in `line` (a plain timestamp, no escapes).
    static func string(after label: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> String? {
        guard line.count > label.count else { return nil }
        var index = 0
        while index + label.count < line.count {
            if line[index] == label[0], line[index..<index + label.count].elementsEqual(label) {
                let start = index + label.count
                var end = start
                while end < line.count, line[end] != UInt8(ascii: "\"") { end += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
            }
            index += 1
        }
        return nil
    }

    /// The records of `kind` changed at or after `since`, sorted by key, and how many records the kind has now.
    func pullChanged(_ kind: EconomicKind, since: String) async throws -> (records: [Record], total: Int, pages: Int) {
        var records: [Record] = []
        let links = [client.configuration.restBaseURL, client.configuration.projectsBaseURL]
        let filter = EconomicFilter("lastUpdated", .greaterThanOrEqual, since)
        let collect: (EconomicClient.Page) throws -> Void = { records += try Self.records(in: $0.body, kind: kind, links: links) }
        let pages = try await kind.forEachPage(client, filter: filter) { try collect($0) }
        let total = try await client.count(kind.api, kind.path, module: kind.module.rawValue)
        return (records.sorted { $0.key < $1.key }, total, pages + 1)
    }

    /// Writes each incremental kind's work file from the base's records with
    /// the changed ones laid over them, in one pass over the base. A kind whose
    /// merged count differs from e-conomic's (a record was deleted) gets no work
    /// file: it is pulled in full. Returns the kinds written.
    func merge(base: Base, changed: [String: (records: [Record], total: Int)]) throws -> Set<String> {
        let reader = try SnapshotReader(path: base.path, checksDigest: false)
        var written: Set<String> = []
        var current: (kind: String, text: [UInt8], count: Int, pending: ArraySlice<Record>)?
        func emit(_ record: Record) {
            record.appendLine(to: &current!.text)
            current!.text.append(0x0A)
            current!.count += 1
        }
        func close() throws {
            guard var open = current else { return }
            current = open
            while let record = current!.pending.first { emit(record); current!.pending.removeFirst() }
            open = current!
            current = nil
            if open.count == changed[open.kind]!.total {
                try Self.writeWhole(open.text, to: workDirectory.appendingPathComponent("\(open.kind).ndjson"))
                written.insert(open.kind)
            }
        }
        func start(_ kind: String) {
            current = (kind, [], 0, changed[kind]!.records[...])
        }
        while let line = try reader.next() {
            if current?.kind != line.kind {
                try close()
                if changed[line.kind] != nil { start(line.kind) }
            }
            guard current != nil else { continue }
            while let record = current!.pending.first, record.key < line.key { emit(record); current!.pending.removeFirst() }
            if let record = current!.pending.first, record.key == line.key {
                emit(record)
                current!.pending.removeFirst()
            } else {
                current!.text.append(contentsOf: line.bytes)
                current!.text.append(0x0A)
                current!.count += 1
            }
        }
        try close()
        return written
    }

    /// Whether the work folder holds exactly the base's records of `kinds`,
    /// line for line: e-conomic changed nothing of them since the base.
    /// Records are written in one canonical form, so equal records are equal bytes.
    func sameAsBase(_ kinds: [EconomicKind], _ base: Base) throws -> Bool {
        var pulled: [String: [Substring]] = [:]
        for kind in kinds {
            let name = kind.kind.rawValue
            guard let text = try? String(contentsOf: workDirectory.appendingPathComponent("\(name).ndjson"), encoding: .utf8) else { return false }
            pulled[name] = text.split(separator: "\n")
        }
        var next: [String: Int] = pulled.mapValues { _ in 0 }
        let reader = try SnapshotReader(path: base.path, checksDigest: false)
        while let line = try reader.next() {
            guard let lines = pulled[line.kind] else { continue }
            let index = next[line.kind]!
            guard index < lines.count, lines[index].utf8.elementsEqual(line.bytes) else { return false }
            next[line.kind] = index + 1
        }
        return pulled.allSatisfy { $0.value.count == next[$0.key] }
    }

    /// Writes `text` to `file` whole or not at all.
    static func writeWhole(_ text: [UInt8], to file: URL) throws {
        let temporary = file.appendingPathExtension("tmp")
        try Data(text).write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else {
            throw SnapshotError(.io, "cannot be moved into place: \(String(cString: strerror(errno)))", file: file.path)
        }
    }
}
