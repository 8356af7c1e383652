import Foundation
import Replica
import Snapshot
import Sync
import TestSupport
import Testing

@Suite("Snapshot store")
struct SnapshotStoreTests {
    /// A data directory with a replica and a store, and a way to make snapshots taken at given times.
    struct Fixture {
        let directory: TemporaryDirectory
        let replica: ReplicaStore
        let store: SnapshotStore

        init() throws {
            directory = try TemporaryDirectory()
            replica = try ReplicaStore.open(at: directory.file(ReplicaStore.fileName), create: true,
                                            now: { Date(timeIntervalSince1970: 1_793_606_400) })
            store = SnapshotStore(dataDirectory: directory.url, replica: replica)
        }

        func snapshot(agreement: Int = 1_118_081, takenAt: String, units: Int = 2) throws -> String {
            let path = directory.path("incoming-\(UUID().uuidString).ndjson.gz")
            let writer = try SnapshotWriter(path: path, header: SnapshotHeader(agreement: agreement, takenAt: takenAt, kinds: ["unit"]))
            for number in 1...units { try writer.append(Record(kind: "unit", key: .int(Int64(number)), data: ["unitNumber": .int(Int64(number))])) }
            try writer.finish()
            return path
        }
    }

    @Test("added snapshots are verified, copied under snapshots/<agreement>/ and indexed")
    func add() throws {
        let fixture = try Fixture()
        let entry = try fixture.store.add(copyOf: fixture.snapshot(takenAt: "2026-11-02T08:00:00Z", units: 3))
        #expect(entry.file == "snapshots/1118081/2026-11-02T080000Z.ndjson.gz")
        #expect(entry.records == 3 && entry.counts == #"{"unit":3}"# && entry.mode == "full" && entry.bytes > 0)
        #expect(try SnapshotReader.verify(path: fixture.store.path(of: entry)).trailer.sha256 == entry.sha256)
        let second = try fixture.store.add(copyOf: fixture.snapshot(takenAt: "2026-11-02T08:00:00Z"))
        #expect(second.file == "snapshots/1118081/2026-11-02T080000Z-2.ndjson.gz", "the same second gets a second name")
        #expect(try fixture.replica.snapshots().map(\.file) == [entry.file, second.file])
    }

    @Test("a damaged snapshot is refused and nothing is stored")
    func addDamaged() throws {
        let fixture = try Fixture()
        let path = try fixture.snapshot(takenAt: "2026-11-02T08:00:00Z")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.removeLast(10)
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(throws: SnapshotError.self) { try fixture.store.add(copyOf: path) }
        #expect(try fixture.replica.snapshots().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path("snapshots")))
    }

    @Test("prune keeps the newest N per agreement and never a base or an audited snapshot")
    func prune() throws {
        let fixture = try Fixture()
        var files: [String] = []
        for day in 1...6 {
            files.append(try fixture.store.add(copyOf: fixture.snapshot(takenAt: "2026-11-0\(day)T08:00:00Z")).file)
        }
        let other = try fixture.store.add(copyOf: fixture.snapshot(agreement: 42, takenAt: "2026-10-01T08:00:00Z")).file
        try fixture.replica.write { writer in
            try writer.setBaseSnapshot(file: files[0], reconcile: "reconcile-1")
            try writer.addAuditReference(file: files[1])
        }
        let planned = try fixture.store.prune(keep: 2, dryRun: true)
        #expect(planned.map(\.file) == [files[2], files[3]])
        #expect(try fixture.replica.snapshots().count == 7, "a dry run removes nothing")
        let removed = try fixture.store.prune(keep: 2)
        #expect(removed.map(\.file) == [files[2], files[3]])
        #expect(try fixture.replica.snapshots().map(\.file) == [other, files[0], files[1], files[4], files[5]])
        for file in files[2...3] { #expect(!FileManager.default.fileExists(atPath: fixture.directory.path(file))) }
        for file in [files[0], files[1], files[4], other] { #expect(FileManager.default.fileExists(atPath: fixture.directory.path(file))) }
        let error = try #require(throws: ReplicaError.self) { try fixture.replica.write { try $0.removeSnapshot(file: files[0]) } }
        #expect(error.code == .inUse)
        try fixture.replica.write { try $0.setBaseSnapshot(file: files[5], reconcile: "reconcile-2") }
        #expect(try fixture.replica.snapshots().filter { $0.baseFor != nil }.map(\.file) == [files[5]], "a new base releases the old one")
    }

    @Test("retention keeps the newest N and the young, never the newest, a base or an audited snapshot; the settings set it")
    func retention() throws {
        let fixture = try Fixture()   // its clock reads 2026-11-02T08:00:00Z
        var files: [String] = []
        for takenAt in ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-11-01"] {
            files.append(try fixture.store.add(copyOf: fixture.snapshot(takenAt: takenAt + "T08:00:00Z")).file)
        }
        try fixture.replica.write { try $0.setBaseSnapshot(file: files[0], reconcile: "reconcile-1") }
        #expect(try fixture.store.apply(SnapshotRetention(keep: 100, maxAgeDays: 0), dryRun: true).isEmpty)
        let planned = try fixture.store.apply(SnapshotRetention(keep: 1, maxAgeDays: 0), dryRun: true)
        #expect(planned.map(\.file) == Array(files[1...5]), "all but the newest and the base")
        // 28 days: 2026-10-05 (exactly 28 days old) goes, 2026-10-06 stays; the newest 2 stay anyway.
        let removed = try fixture.store.apply(SnapshotRetention(keep: 2, maxAgeDays: 28))
        #expect(removed.map(\.file) == Array(files[1...4]))
        #expect(try fixture.replica.snapshots().map(\.file) == [files[0], files[5], files[6]])
        for file in files[1...4] { #expect(!FileManager.default.fileExists(atPath: fixture.directory.path(file))) }

        #expect(try SnapshotRetention(replica: fixture.replica) == SnapshotRetention(keep: 50, maxAgeDays: 30), "the defaults")
        try fixture.replica.write { writer in
            try writer.setSetting("snapshots.keep", "1")
            try writer.setSetting("snapshots.maxAge", "0")
        }
        #expect(try SnapshotRetention(replica: fixture.replica) == SnapshotRetention(keep: 1, maxAgeDays: 0))
        #expect(throws: ConfigError.self) { try ConfigKey.check("snapshots.keep", "0") }
    }

    @Test("with no base and nothing to lay over, a snapshot of only the kinds merged is the base only when it has its key index")
    func snapshotAsBase() throws {
        let fixture = try Fixture()
        let module = try fixture.store.add(copyOf: try fixture.snapshot(takenAt: "2026-11-02T07:00:00Z", units: 3))
        // An imported snapshot comes without a key index: a base (with one) is written beside it.
        let merged = try fixture.store.merge(base: nil, with: module, kinds: ["unit"])
        #expect(merged.file != module.file && FileManager.default.fileExists(atPath: KeyIndex.path(for: fixture.store.path(of: merged))))
        // A snapshot with its key index is the base as it is; not when only some of its kinds are merged.
        let path = fixture.directory.path("indexed.ndjson.gz")
        let writer = try SnapshotWriter(path: path, header: SnapshotHeader(agreement: 1_118_081, takenAt: "2026-11-02T08:00:00Z", kinds: ["unit", "vatZone"]),
                                        keyIndex: true)
        try writer.append(Record(kind: "unit", key: .int(1), data: ["unitNumber": .int(1)]))
        try writer.append(Record(kind: "vatZone", key: .int(1), data: ["vatZoneNumber": .int(1)]))
        let trailer = try writer.finish()
        let indexed = SnapshotEntry(agreement: 1_118_081, file: "indexed.ndjson.gz", takenAt: "2026-11-02T08:00:00Z", mode: "full", baseFile: nil,
                                    records: 2, counts: "{}", sha256: trailer.sha256, bytes: 0, addedAt: "2026-11-02T08:00:00Z")
        _ = try fixture.replica.write { try $0.addSnapshot(indexed) }
        #expect(try fixture.store.merge(base: nil, with: indexed, kinds: ["unit", "vatZone", "customer"]).file == indexed.file)
        let part = try fixture.store.merge(base: nil, with: indexed, kinds: ["unit"])
        #expect(part.file != indexed.file && part.records == 1)
    }

    @Test("a run of kinds the base has none of grows it by a delta, with nothing to compare: no key index of the run is needed")
    func deltaOfNewKinds() throws {
        let fixture = try Fixture()
        let path = fixture.directory.path("snapshots/1118081/base.ndjson.gz")
        try FileManager.default.createDirectory(atPath: fixture.directory.path("snapshots/1118081"), withIntermediateDirectories: true)
        let writer = try SnapshotWriter(path: path, header: SnapshotHeader(agreement: 1_118_081, takenAt: "2026-11-02T07:00:00Z", kinds: ["unit"]),
                                        keyIndex: true)
        try writer.append(Record(kind: "unit", key: .int(1), data: ["unitNumber": .int(1)]))
        let trailer = try writer.finish()
        let base = SnapshotEntry(agreement: 1_118_081, file: "snapshots/1118081/base.ndjson.gz", takenAt: "2026-11-02T07:00:00Z", mode: "full",
                                 baseFile: nil, records: 1, counts: #"{"unit":1}"#, sha256: trailer.sha256, bytes: 0, addedAt: "2026-11-02T07:00:00Z")
        _ = try fixture.replica.write { try $0.addSnapshot(base) }
        // Imported: no key index. Its kind is not in the base, so there is nothing to tell changed from unchanged.
        let products = fixture.directory.path("products.ndjson.gz")
        let run = try SnapshotWriter(path: products, header: SnapshotHeader(agreement: 1_118_081, takenAt: "2026-11-02T08:00:00Z", kinds: ["product"]))
        for number in ["#4+A", "K:2/22"] { try run.append(Record(kind: "product", key: .string(number), data: ["productNumber": .string(number)])) }
        try run.finish()
        let module = try fixture.store.add(copyOf: products)
        let merged = try fixture.store.merge(base: base, with: module, kinds: ["product"], delta: true)
        #expect(merged.mode == "delta" && merged.baseFile == base.file)
        let chain = try SnapshotChain.open(fixture.store.path(of: merged), checksDigest: true)
        var lines: [String] = []
        while let line = try chain.next() { lines.append("\(line.kind)/\(line.key)") }
        #expect(lines == ["product/#4+A", "product/K:2/22", "unit/1"])
    }

    @Test("a merged base a crash left unindexed is removed once it is an hour old, with its key index; indexed ones stay")
    func orphanedBases() throws {
        let fixture = try Fixture()
        let base = try fixture.store.add(copyOf: try fixture.snapshot(takenAt: "2026-11-02T06:00:00Z"))
        let module = try fixture.store.add(copyOf: try fixture.snapshot(takenAt: "2026-11-02T07:00:00Z", units: 3))
        let kept = try fixture.store.merge(base: base, with: module, kinds: ["unit"])
        _ = try fixture.replica.write { try $0.addSnapshot(kept) }
        let orphan = try fixture.store.merge(base: base, with: module, kinds: ["unit"])
        let path = fixture.store.path(of: orphan)
        #expect(FileManager.default.fileExists(atPath: KeyIndex.path(for: path)))
        let written = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        #expect(try fixture.store.removeOrphanedBases(now: written.addingTimeInterval(600)).isEmpty, "a fresh one may be being written")
        #expect(try fixture.store.removeOrphanedBases(now: written.addingTimeInterval(7200)) == [orphan.file])
        #expect(!FileManager.default.fileExists(atPath: path) && !FileManager.default.fileExists(atPath: KeyIndex.path(for: path)))
        #expect(FileManager.default.fileExists(atPath: fixture.store.path(of: kept)))
        #expect(try SnapshotReader.verify(path: fixture.store.path(of: kept)).trailer.records == 3)
    }
}
