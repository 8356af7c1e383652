import EconomicEmulator
import Snapshot
import TestSupport
import Testing

@Suite("Saving state as a snapshot")
struct SaveTests {
    @Test("save writes a verified snapshot holding the edits")
    func saveHoldsEdits() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("saved.ndjson.gz")
        try await Harness.with { harness in
            #expect(try await harness.client.send("POST", "/customers", body: RESTWriteTests.minimalCustomer).status == 201)
            #expect(try await harness.client.send("DELETE", "/units/1").status == 400)
            #expect(try await harness.client.send("DELETE", "/products/10002").status == 204)
            #expect(try await harness.client.send("POST", "/projectsapi/v1.1.0/ProjectGroups", body: #"{"name":"Interne","type":1}"#).status == 201)
            await harness.emulator.stop()
            try harness.emulator.save(to: file)
        }
        let (header, trailer) = try SnapshotReader.verify(path: file, strict: true)
        #expect(header.agreement == 1_118_081)
        #expect(trailer.counts["customer"] == 31)
        #expect(trailer.counts["unit"] == 3)
        #expect(trailer.counts["product"] == 49)
        #expect(trailer.counts["projectGroup"] == 3 + 1, "the agreement's three standard project groups and the new one")
        #expect(trailer.counts["supplierGroup"] == 1, "the standard supplier group")
        #expect(header.kinds.contains("timeEntry"))
        let reader = try SnapshotReader(path: file)
        var created: Record?
        while let line = try reader.next() {
            if line.kind == "customer", line.key == .int(1031) { created = try line.record() }
        }
        #expect(created?.data["name"] == .string("Mr. Anderson"))
        #expect(created?.data["self"] == nil)

        let reloaded = try EconomicEmulator(snapshotPath: file)
        let expected = 201 + 4 + 1 - 1 + 1  // seed, four standard groups, the edits
        #expect(reloaded.records().count == expected, "nothing added twice")
    }

    @Test("an empty emulator saves an empty, valid snapshot")
    func emptySave() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("empty.ndjson.gz")
        let emulator = EconomicEmulator(kinds: ["customer"], agreement: 7)
        try emulator.save(to: file)
        let (header, trailer) = try SnapshotReader.verify(path: file)
        #expect(header.agreement == 7)
        #expect(trailer.records == 0)
    }
}
