import Foundation
@_spi(Benchmark) import Replica
import Snapshot
import Sync

/// The data of `econsync bench reconcile`: a replica and a base snapshot that
/// agree on N products, then changes on both sides and the new snapshot;
/// written in batches so the fixture itself stays small in memory.
struct ReconcileFixture {
    let directory: URL
    let records: Int
    /// Every `every`-th product changes (e-conomic's at one offset, the replica's at another).
    let every: Int
    var store: SnapshotStore!
    var base: SnapshotEntry!
    var new: SnapshotEntry!
    var changedRemote = 0
    var changedLocal = 0

    static let batch = 50_000
    static let agreement = ReconcileBenchmark.agreement

    init(directory: URL, records: Int, every: Int) {
        self.directory = directory
        self.records = records
        self.every = every
    }

    static func number(_ index: Int) -> String {
        let digits = String(index)
        return "P" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    static func price(_ index: Int, edited: Bool = false) -> Double { Double(1000 + index % 9000 + (edited ? 7 : 0)) / 4 }

    /// A price as a JSON number in canonical spelling.
    static func json(_ value: Double) -> JSONValue {
        value.rounded() == value ? .int(Int64(value)) : .number(String(value))
    }

    /// The e-conomic record of product `index`.
    static func record(_ index: Int, priceEdited: Bool = false, nameEdited: Bool = false) -> Snapshot.Record {
        let number = number(index)
        return Snapshot.Record(kind: "product", key: .string(number), data: [
            "productNumber": .string(number), "name": .string(nameEdited ? "Vare \(index) (ændret)" : "Vare \(index)"),
            "salesPrice": Self.json(price(index, edited: priceEdited)), "costPrice": Self.json(price(index) / 2),
            "unit": .object(["unitNumber": .int(1), "name": .string("stk.")]),
            "productGroup": .object(["productGroupNumber": .int(1), "name": .string("Varer")]),
            "lastUpdated": .string("2026-11-01T08:00:00Z"),
        ])
    }

    /// The replica, the base snapshot and a finished run that made it the base.
    mutating func prepare() throws {
        let replica = try ReplicaStore.open(at: directory.appendingPathComponent(ReplicaStore.fileName), create: true)
        store = SnapshotStore(dataDirectory: directory, replica: replica)
        let (unit, group) = try replica.write { writer in
            (try writer.create(UnitType(foreignKey: 1, name: "stk.")).id!, try writer.create(ProductGroup(foreignKey: 1, name: "Varer")).id!)
        }
        var start = 0
        while start < records {
            let products = (start..<min(records, start + Self.batch)).map { index in
                Product(foreignKey: Self.number(index), number: Self.number(index), name: "Vare \(index)", salesPrice: Self.price(index),
                        costPrice: Self.price(index) / 2, unitId: unit, productGroupId: group)
            }
            _ = try replica.insertUnchecked(products)
            start += Self.batch
        }
        try replica.markAllSynced(.product)
        base = try write("base") { index in Self.record(index) }
        let sequence = try replica.latestChangeSequence()
        try replica.write { writer in
            var run = try writer.startRun(ReconcileRun(agreement: Self.agreement, inputsHash: "bench", baseFile: nil, snapshotFile: base.file,
                                                       changeSequence: sequence, plan: "{}", startedAt: "2026-11-01T08:00:00Z"))
            try writer.setRunState(run.id!, .finished, finishedAt: "2026-11-01T08:00:00Z")
            try writer.setBaseSnapshot(file: base.file, reconcile: "run-\(run.id!)")
            run.state = .finished
        }
    }

    /// Writes a snapshot of every product (`record` gives each one) into the store.
    func write(_ name: String, _ record: (Int) -> Snapshot.Record) throws -> SnapshotEntry {
        let header = SnapshotHeader(agreement: Self.agreement, takenAt: "2026-11-0\(name == "base" ? 1 : 2)T08:00:00Z",
                                    kinds: ["product", "productGroup", "unit"])
        let folder = store.directory(agreement: Self.agreement)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = "snapshots/\(Self.agreement)/\(name).ndjson.gz"
        let writer = try SnapshotWriter(path: directory.appendingPathComponent(file).path, header: header, keyIndex: true)
        for index in 0..<records { try writer.append(record(index)) }
        try writer.append(Snapshot.Record(kind: "productGroup", key: .int(1), data: ["productGroupNumber": .int(1), "name": .string("Varer")]))
        try writer.append(Snapshot.Record(kind: "unit", key: .int(1), data: ["unitNumber": .int(1), "name": .string("stk.")]))
        return try store.index(file: file, header: header, trailer: try writer.finish())
    }

    /// e-conomic changes prices, the replica names, each on its own records.
    mutating func change() throws {
        let every = self.every
        new = try write("new") { index in Self.record(index, priceEdited: index % every == 0) }
        changedRemote = (0..<records).filter { $0 % every == 0 }.count
        let local = (0..<records).filter { $0 % every == every / 2 }
        let ids = try store.replica.rowIDs(.product, foreignKeys: local.map(Self.number))
        try store.replica.write { writer in
            for index in local {
                _ = try writer.update(Product.self, id: ids[Self.number(index)]!) { $0.name = "Vare \(index) (lokal)" }
            }
        }
        changedLocal = local.count
    }

    /// Seconds `sqldiff` takes on two SQLite files holding the base's and the new snapshot's rows; nil when it is not installed.
    func sqldiff() throws -> Double? {
        guard (try? Measure.shell("command -v sqldiff > /dev/null")) != nil else { return nil }
        for (name, edited) in [("a", false), ("b", true)] {
            try ProductTable.write(at: directory.appendingPathComponent("\(name).sqlite").path, rows: records) { index in
                ProductTable.Row(number: Self.number(index), name: "Vare \(index)",
                                 salesPrice: Self.price(index, edited: edited && index % every == 0), costPrice: Self.price(index) / 2)
            }
        }
        let a = directory.appendingPathComponent("a.sqlite").path, b = directory.appendingPathComponent("b.sqlite").path
        return try Measure.seconds { try Measure.shell("sqldiff '\(a)' '\(b)' > /dev/null") }
    }
}
