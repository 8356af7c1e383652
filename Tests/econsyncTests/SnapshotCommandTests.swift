import Foundation
import Testing

@Suite("econsync snapshot")
struct SnapshotCommandTests {
    static var repository: URL { Golden.repository }
    static var demo: String { repository.appendingPathComponent("Snapshots/demo-agreement.ndjson.gz").path }

    @Test("the checked-in demo agreement is exactly what `snapshot demo` writes")
    func demoIsReproducible() throws {
        let cli = try CLI()
        let out = cli.outside.appendingPathComponent("demo.ndjson.gz").path
        let result = try cli.run(["snapshot", "demo", "--out", out])
        #expect(result.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: Self.demo)))
    }

    @Test("verify, stats, show and diff on the demo agreement: golden output")
    func golden() throws {
        let cli = try CLI()
        let edited = cli.outside.appendingPathComponent("edited.ndjson.gz").path
        // An edited agreement: a renamed customer, a price change, a new unit, a removed contact.
        var lines = String(decoding: try Self.zcat(Self.demo), as: UTF8.self).split(separator: "\n").map(String.init)
        lines.removeAll { $0.hasPrefix(#"{"kind":"contact","key":3,"#) }
        lines = lines.map { line in
            line.hasPrefix(#"{"kind":"customer","key":1001,"#) ? line.replacingOccurrences(of: #""city":"#, with: #""city":"Vejle","oldCity":"#) : line
        }
        let records = Array(lines.dropFirst().dropLast())  // without header and trailer
        try Self.pack(records + [#"{"kind":"unit","key":4,"data":{"unitNumber":4, "name":"meter"}}"#], to: edited, cli: cli)
        let transcript = try cli.transcript([
            ["snapshot", "verify", Self.demo],
            ["snapshot", "stats", Self.demo],
            ["snapshot", "show", Self.demo, "--kind", "customer", "--key", "1001"],
            ["snapshot", "show", Self.demo, "--kind", "customer", "--key", "1001", "--wide"],
            ["snapshot", "show", Self.demo, "--kind", "unit", "--raw"],
            ["snapshot", "show", Self.demo, "--kind", "unit", "--json"],
            ["snapshot", "diff", Self.demo, edited],
            ["snapshot", "diff", Self.demo, edited, "--kind", "unit", "--json"],
        ]).replacingOccurrences(of: Self.repository.path, with: "$REPO")
        try Golden.check(transcript, against: "snapshot.txt")
    }

    @Test("show: a table per kind within 80 columns, every field kept by --wide; --raw the snapshot's own lines")
    func showTable() throws {
        let cli = try CLI()
        let shown = try cli.run(["snapshot", "show", Self.demo])
        #expect(shown.status == 0, "\(shown.stderr)")
        // After the line naming the file and its header.
        let lines = shown.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        let kinds = lines.filter { $0.wholeMatch(of: /[a-zA-Z]+: \d+ records?/) != nil }.map { String($0.prefix { $0 != ":" }) }
        #expect(kinds == ["contact", "customer", "customerGroup", "department", "employee", "hourType", "layout", "paymentTerm", "product",
                          "productGroup", "project", "supplier", "timeEntry", "unit", "vatZone"], "a table per kind, in the snapshot's order")
        #expect(lines.contains { $0.hasPrefix("1001  ") && $0.hasSuffix("…") }, "a customer's fields cut to fit")

        let wide = try cli.run(["snapshot", "show", Self.demo, "--kind", "customer", "--wide"]).stdout
        let customer = try #require(wide.split(separator: "\n").first { $0.hasPrefix("1001 ") })
        #expect(customer.count > 80 && customer.contains("customerGroup=1") && customer.contains("city=Kolding") && !customer.contains("…"),
                "\(customer)")

        let raw = try cli.run(["snapshot", "show", Self.demo, "--raw"]).stdout.split(separator: "\n")
        let records = String(decoding: try Self.zcat(Self.demo), as: UTF8.self).split(separator: "\n").dropFirst().dropLast()
        #expect(raw == Array(records), "--raw: the records' lines as the file holds them")
        #expect(try cli.run(["snapshot", "show", Self.demo, "--raw", "--json"]).status == 2)
    }

    @Test("verify exits 1 and names the defect for a damaged file")
    func verifyDamaged() throws {
        let cli = try CLI()
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.demo)))
        bytes.removeLast(200)
        let cut = cli.outside.appendingPathComponent("cut.ndjson.gz").path
        try Data(bytes).write(to: URL(fileURLWithPath: cut))
        let result = try cli.run(["snapshot", "verify", cut])
        #expect(result.status == 1)
        #expect(result.stderr.contains(cut) && result.stderr.contains("truncated"))
        let json = try cli.run(["snapshot", "verify", Self.demo, cut, "--json"])
        #expect(json.status == 1 && json.stdout.contains(#""code" : "truncated""#) && json.stdout.contains(#""ok" : true"#))
    }

    static func zcat(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zcat")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// Packs record lines into a snapshot with `econsync snapshot pack`, taking the demo's header.
    static func pack(_ records: [String], to path: String, cli: CLI) throws {
        let ndjson = cli.outside.appendingPathComponent("records.ndjson")
        try Data((records.joined(separator: "\n") + "\n").utf8).write(to: ndjson)
        let result = try cli.run(["snapshot", "pack", ndjson.path, "--header-from", Self.demo, "--out", path])
        precondition(result.status == 0, result.stderr)
    }
}

@Suite("econsync snapshot store")
struct SnapshotStoreCommandTests {
    @Test("import, list and prune: golden output")
    func storeCommands() throws {
        let cli = try CLI()
        var packs: [[String]] = []
        for day in 1...3 {
            let ndjson = cli.outside.appendingPathComponent("day\(day).ndjson")
            try Data(#"{"kind":"unit","key":1,"data":{"name":"stk.","unitNumber":1}}"#.utf8).write(to: ndjson)
            packs.append(["snapshot", "pack", ndjson.path, "--agreement", "1118081", "--taken-at", "2026-11-0\(day)T08:00:00Z",
                          "--out", cli.outside.appendingPathComponent("day\(day).ndjson.gz").path])
        }
        let transcript = try cli.transcript([["init"]] + packs + [
            ["snapshot", "import", cli.outside.appendingPathComponent("day1.ndjson.gz").path, cli.outside.appendingPathComponent("day2.ndjson.gz").path],
            ["snapshot", "import", SnapshotCommandTests.demo],
            ["snapshot", "import", cli.outside.appendingPathComponent("day3.ndjson.gz").path, "--json"],
            ["snapshot", "list"],
            ["snapshot", "list", "--wide"],
            ["snapshot", "prune", "--keep", "1", "--dry-run"],
            ["snapshot", "prune", "--keep", "1", "--json"],
            ["snapshot", "list", "--agreement", "1118081"],
            ["snapshot", "prune", "--keep", "-1"],
        ]).replacingOccurrences(of: Golden.repository.path, with: "$REPO")
        try Golden.check(transcript, against: "snapshot-store.txt")
        #expect(FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("snapshots/1118081/2026-11-03T080000Z.ndjson.gz").path))
        #expect(!FileManager.default.fileExists(atPath: cli.home.appendingPathComponent("snapshots/1118081/2026-11-01T080000Z.ndjson.gz").path))
    }
}

@Suite("econsync snapshot verify on damaged files")
struct VerifyDamagedTests {
    enum Damage: String, CaseIterable, Sendable {
        case truncated, flippedByte, notGzip, missingHeader, missingTrailer, unsorted, duplicate, edited, unknownVersion, invalidUTF8

        /// What the error message must say.
        var phrase: String {
            switch self {
            case .truncated: "truncated"
            case .flippedByte: "corrupt"
            case .notGzip: "not a gzip file"
            case .missingHeader: "not a snapshot header"
            case .missingTrailer: "without a trailer"
            case .unsorted: "must ascend"
            case .duplicate: "appears twice"
            case .edited: "SHA-256 does not match"
            case .unknownVersion: "format version 2"
            case .invalidUTF8: "not valid UTF-8"
            }
        }

        /// What the Danish message must start with (after the file).
        var danish: String {
            switch self {
            case .truncated: "er afkortet: filen slutter for tidligt ("
            case .flippedByte: "den komprimerede strøm er beskadiget ("
            case .notGzip: "er ikke en gzip-fil ("
            case .missingHeader: "første linje er ikke øjebliksbilledets hoved ("
            case .missingTrailer: "øjebliksbilledet mangler sin afslutning ("
            case .unsorted: "posterne står ikke i den rækkefølge, de skal ("
            case .duplicate: "to poster har samme type og nøgle ("
            case .edited: "posterne svarer ikke til øjebliksbilledets kontrolsum eller antal ("
            case .unknownVersion: "er skrevet i et format, denne econsync ikke kender ("
            case .invalidUTF8: "en linje er ikke gyldig UTF-8 ("
            }
        }
    }

    @Test("verify exits 1 and names the file for each kind of damage", arguments: Damage.allCases)
    func damaged(_ damage: Damage) throws {
        let cli = try CLI()
        let demo = try Data(contentsOf: URL(fileURLWithPath: SnapshotCommandTests.demo))
        let lines = String(decoding: try SnapshotCommandTests.zcat(SnapshotCommandTests.demo), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let bad = cli.outside.appendingPathComponent("bad.ndjson.gz")
        func gzip(_ lines: [String], raw bytes: [UInt8]? = nil) throws {
            let raw = cli.outside.appendingPathComponent("raw.ndjson")
            try Data(bytes ?? Array((lines.joined(separator: "\n") + "\n").utf8)).write(to: raw)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "gzip -c '\(raw.path)' > '\(bad.path)'"]
            try process.run()
            process.waitUntilExit()
        }
        switch damage {
        case .truncated: try demo.prefix(demo.count - 100).write(to: bad)
        case .flippedByte:
            var bytes = Array(demo)
            bytes[bytes.count / 2] ^= 0x40
            try Data(bytes).write(to: bad)
        case .notGzip: try Data(lines.joined(separator: "\n").utf8).write(to: bad)
        case .missingTrailer: try gzip(Array(lines.dropLast()))
        case .unsorted: try gzip([lines[0], lines[2], lines[1]] + lines[3...])
        case .edited: try gzip(lines.map { $0.replacingOccurrences(of: "Danmark", with: "Sverige") })
        case .missingHeader: try gzip(Array(lines.dropFirst()))
        case .duplicate: try gzip([lines[0], lines[1]] + lines[1...])
        case .unknownVersion: try gzip([lines[0].replacingOccurrences(of: #""version":1"#, with: #""version":2"#)] + lines[1...])
        case .invalidUTF8:
            var bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
            bytes[lines[0].utf8.count + 20] = 0xFE
            try gzip([], raw: bytes)
        }
        let result = try cli.run(["snapshot", "verify", bad.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: \(bad.path)") && result.stderr.contains(damage.phrase), "\(result.stderr)")
        let danish = try cli.run(["snapshot", "verify", bad.path, "--lang", "da"])
        #expect(danish.status == 1 && danish.stderr.hasPrefix("fejl: \(bad.path)") && danish.stderr.contains(": " + damage.danish)
                && danish.stderr.contains(damage.phrase), "Danish words, the reader's finding kept: \(danish.stderr)")
    }
}
