import Economic
import Foundation
@testable import Replica
import TestSupport
import Testing

/// What a person types or imports, and what econsync says back: the real binary.
@Suite("econsync input checks and messages")
struct InputChecksCommandTests {
    /// A data directory with an employee (1), a project (1) and an hour type (1).
    static func initialised() throws -> CLI {
        let cli = try CLI()
        #expect(try cli.run(["init"]).status == 0)
        let file = cli.outside.appendingPathComponent("master.ndjson")
        try Data("""
            {"kind":"employee","data":{"name":"Jens Jensen"}}
            {"kind":"project","data":{"name":"Badeværelse"}}
            {"kind":"hourType","data":{"name":"Montage"}}

            """.utf8).write(to: file)
        let imported = try cli.run(["local", "import", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        return cli
    }

    @Test("a negative number as an option value reaches validation, which names the field")
    func negativeOptionValues() throws {
        let cli = try Self.initialised()
        let hours = try cli.run(["local", "hours", "record", "--employee", "1", "--project", "1", "--type", "1", "--hours", "-1"])
        #expect(hours.status == 1 && hours.stderr.contains("field hours: -1 is not allowed: hours must be more than 0"), "\(hours.stderr)")
        #expect(!hours.stderr.contains("Missing value"))
        let price = try cli.run(["local", "product", "add", "--number", "P-1", "--name", "Rør", "--sales-price", "-5"])
        #expect(price.status == 1 && price.stderr.contains("field salesPrice: -5 is not a valid amount"), "\(price.stderr)")
        let huge = try cli.run(["local", "product", "add", "--number", "P-1", "--name", "Rør", "--sales-price", "1e300"])
        #expect(huge.status == 1 && huge.stderr.contains("field salesPrice: 1e+300 is too large"), "\(huge.stderr)")
    }

    @Test("numbers the Danish way: a decimal comma, dots grouping thousands; a malformed one is refused before anything is written")
    func decimalCommas() throws {
        let cli = try Self.initialised()
        let hours = try cli.run(["local", "hours", "record", "--employee", "1", "--project", "1", "--type", "1", "--hours", "7,5", "--json"])
        #expect(hours.status == 0 && hours.stdout.contains("\"hours\" : 7.5"), "\(hours.stdout) \(hours.stderr)")
        let product = try cli.run(["local", "product", "add", "--number", "P-1", "--name", "Rør", "--sales-price", "1.234,50", "--cost-price", "99.95", "--json"])
        #expect(product.stdout.contains("\"salesPrice\" : 1234.5") && product.stdout.contains("\"costPrice\" : 99.95"), "\(product.stdout) \(product.stderr)")
        for bad in ["7,5,3", "1.23,4", "7,", ",5", "12.34.56,7", "syv"] {
            let refused = try cli.run(["local", "hours", "record", "--employee", "1", "--project", "1", "--type", "1", "--hours", bad])
            #expect(refused.status == 2 && refused.stderr.contains("'\(bad)' is invalid for '--hours <hours>'"), "\(bad): \(refused.stderr)")
        }
        let list = try cli.run(["local", "hours", "list"])
        #expect(list.stdout.split(separator: "\n").count == 2, "one entry recorded, the refused ones not: \(list.stdout)")
    }

    @Test("a module in any of its spellings (hourTypes, hour-types, Hour types, 4); a wrong one is refused listing the right ones")
    func moduleSpellings() throws {
        let cli = try Self.initialised()
        for spelling in ["hourTypes", "hour-types", "Hour types", "HOUR_TYPES", "4"] {
            let log = try cli.run(["log", "--module", spelling])
            #expect(log.status == 0 && log.stdout == "no module run of hourTypes\n", "\(spelling): \(log.stdout) \(log.stderr)")
        }
        let wrong = try cli.run(["log", "--module", "timer"])
        #expect(wrong.status == 2 && wrong.stderr.contains("'timer' is invalid for '--module <module>'") && wrong.stderr.contains("hourTypes"),
                "\(wrong.stderr)")
        #expect(try cli.run(["log", "--module", "9"]).status == 2, "the brief has eight modules")
    }

    @Test("control characters in names are shown escaped, never sent raw to the terminal")
    func controlCharactersEscaped() throws {
        let cli = try Self.initialised()
        let store = try ReplicaStore.open(at: cli.home.appendingPathComponent(ReplicaStore.fileName))
        try store.write { writer in
            var pull = writer   // as a pull from e-conomic writes it: e-conomic's names are never refused
            pull.origin = .economic
            try pull.create(Customer(foreignKey: 42, name: "Rød \u{1B}[31mAnsi\u{1B}[0m\u{7}ApS"))
        }
        let list = try cli.run(["local", "customer", "list"])
        #expect(list.status == 0)
        #expect(!list.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control character is printed")
        #expect(list.stdout.contains(#"Rød \u{1B}[31mAnsi\u{1B}[0m\u{7}ApS"#), "\(list.stdout)")
        let json = try cli.run(["local", "customer", "list", "--json"])
        #expect(!json.stdout.contains("\u{1B}") && json.stdout.contains(#"\u001b[31m"#))
    }

    @Test("an import with CRLF line endings is read like one with LF")
    func crlfImport() throws {
        let cli = try Self.initialised()
        let file = cli.outside.appendingPathComponent("crlf.ndjson")
        try Data(#"{"kind":"customer","data":{"name":"Hansen VVS ApS"}}\#r\#n{"kind":"customer","data":{"name":"Jensen Kloak"}}\#r\#n"#.utf8)
            .write(to: file)
        let imported = try cli.run(["local", "import", file.path])
        #expect(imported.status == 0 && imported.stdout.contains("customer: 2"), "\(imported.stderr)")
        #expect(try cli.run(["local", "customer", "list"]).stdout.contains("Jensen Kloak"))
    }

    @Test("a replica that lacks a table is refused with exit 3, naming the file, not with an SQL error")
    func missingTable() throws {
        let cli = try Self.initialised()
        let replica = cli.home.appendingPathComponent(ReplicaStore.fileName)
        try ReplicaStore.open(at: replica).write { try $0.db.execute(sql: "DROP TABLE customers") }
        let list = try cli.run(["local", "customer", "list"])
        #expect(list.status == 3, "\(list.stderr)")
        #expect(list.stderr.contains(replica.path) && list.stderr.contains("the table customers is missing"), "\(list.stderr)")
        #expect(!list.stderr.contains("SQLite error"))
    }

    @Test("a file that cannot be read is named, with the reason in words, not Foundation's error text")
    func unreadableFiles() throws {
        let cli = try Self.initialised()
        let missing = try cli.run(["local", "import", cli.home.appendingPathComponent("nowhere.ndjson").path])
        #expect(missing.status == 1 && missing.stderr.contains("nowhere.ndjson: cannot be read: no such file"), "\(missing.stderr)")
        let directory = try cli.run(["local", "import", cli.home.path])
        #expect(directory.status == 1 && directory.stderr.contains("cannot be read: is a directory"), "\(directory.stderr)")
        for result in [missing, directory] {
            #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("operation could not be completed"))
        }
    }

    @Test("8,000 ids on one command line are parsed in linear time")
    func manyIDs() throws {
        let cli = try Self.initialised()
        let started = Date()
        let result = try cli.run(["local", "customer", "delete"] + (1...8000).map(String.init))
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 1 && result.stderr.contains("customer 1: does not exist"), "\(result.stderr)")
        #expect(seconds < 8, "took \(seconds) s (34 s when parsing was quadratic)")
    }

    @Test("a reconcile that gives up on 5xx says how to finish it: `econsync reconcile --resume`")
    func gaveUpSaysResume() async throws {
        try await ConnectedCLI.with { connected in
            try await connected.importLines([#"{"kind":"product","data":{"number":"NY-1","name":"Ny vare","salesPrice":10,"unit":"e:1","productGroup":"e:1"}}"#])
            let plan = connected.cli.outside.appendingPathComponent("plan.json").path
            try await connected.expect(["reconcile", "--plan-out", plan])
            connected.emulator.injectFaults(seed: 1, errorRate: 1, dropRate: 0, throttleBurst: 0)
            let applied = try await connected.run(["reconcile", "--apply", plan])
            connected.emulator.clearFaults()
            #expect(applied.status == 1, "\(applied.stdout)\(applied.stderr)")
            #expect(applied.stderr.contains("stopped part-way") && applied.stderr.contains("finish it with `econsync reconcile --resume`"), "\(applied.stderr)")
            let resumed = try await connected.expect(["reconcile", "--resume"])
            #expect(resumed.contains("1 pushed") && resumed.contains("0 failed"), "\(resumed)")
        }
    }
}
