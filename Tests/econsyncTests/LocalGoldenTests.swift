import Foundation
import Testing

@Suite("econsync local: golden output")
struct LocalGoldenTests {
    static let setup: [[String]] = [
        ["init"],
        ["local", "customer", "add", "--name", "Hansen VVS ApS", "--cvr", "13748136", "--address", "Vestergade 12", "--zip", "8000",
         "--city", "Aarhus C", "--phone", "86121212", "--email", "info@hansenvvs.dk"],
        ["local", "contact", "add", "--customer", "1", "--name", "Jens Hansen", "--email", "jens@hansenvvs.dk"],
        ["local", "product", "add", "--number", "P-100", "--name", "Kobberrør 15 mm", "--sales-price", "45.50", "--cost-price", "27.30"],
        ["local", "employee", "add", "--number", "7", "--name", "Mette Jensen", "--cost-rate", "320", "--sales-rate", "595", "--economic-id", "7"],
        ["local", "employee", "add", "--number", "8", "--name", "Ole Olsen"],
        ["local", "hour-type", "add", "--name", "Montage", "--activity", "1"],
        ["local", "hour-type", "add", "--name", "Lærlingetimer"],
        ["local", "project", "add", "--number", "100", "--name", "Badeværelse, Vestergade 12", "--customer", "1", "--employee", "1"],
        ["local", "project", "add", "--number", "101", "--name", "Etape 1", "--customer", "1", "--parent", "n:100", "--employee", "n:7",
         "--employee", "2"],
    ]

    @Test("human output of the local commands, errors and exit codes included")
    func human() throws {
        let cli = try CLI()
        let badImport = cli.outside.appendingPathComponent("bad.ndjson")
        try Data(#"{"kind":"customer","data":{"name":"Ny Kunde ApS"}}\#n{"kind":"customer","data":{"name":"Forkert","cvr":"11111111"}}\#n"#.utf8)
            .write(to: badImport)
        let transcript = try cli.transcript(Self.setup + [
            ["local", "customer", "add", "--name", "Forkert ApS", "--cvr", "13748137"],
            ["local", "customer", "add", "--cvr", "13748136"],
            ["local", "customer", "edit", "1", "--city", "Aarhus N", "--zip", "8200"],
            ["local", "customer", "list"],
            ["local", "contact", "list"],
            ["local", "product", "list"],
            ["local", "employee", "list"],
            ["local", "hour-type", "list"],
            ["local", "project", "list"],
            ["local", "project", "list", "--wide"],
            ["local", "hours", "record", "--employee", "1", "--project", "2", "--type", "1", "--date", "2026-11-02", "--hours", "7.5",
             "--note", "Rør lagt"],
            ["local", "hours", "record", "--employee", "n:8", "--project", "n:101", "--type", "2", "--hours", "4"],
            ["local", "hours", "record", "--employee", "1", "--project", "2", "--type", "1", "--hours", "25"],
            ["local", "hours", "approve", "1", "--by", "Formand Jens"],
            ["local", "hours", "approve", "1", "--by", "Someone Else"],
            ["local", "hours", "edit", "1", "--hours", "8"],
            ["local", "hours", "edit", "2", "--hours", "3.5", "--note", "Oprydning"],
            ["local", "hours", "list"],
            ["local", "hours", "list", "--status", "approved"],
            ["local", "hours", "list", "--from", "2026-13-01"],
            ["local", "materials", "record", "--product", "n:P-100", "--project", "2", "--quantity", "12", "--date", "2026-11-02"],
            ["local", "materials", "approve", "1"],
            ["local", "materials", "list"],
            ["local", "customer", "delete", "1"],
            ["local", "hours", "unapprove", "1"],
            ["local", "hours", "delete", "1"],
            ["local", "import", badImport.path],
            ["local", "changes", "--since", "12"],
            ["local", "unsynced"],
            ["local", "check"],
        ])
        try Golden.check(transcript, against: "local-human.txt")
    }

    @Test("--json output of the local commands")
    func json() throws {
        let cli = try CLI()
        let goodImport = cli.outside.appendingPathComponent("good.ndjson")
        try Data(#"{"kind":"customer","ref":"k","data":{"name":"Møller Tag ApS","cvr":"29403473"}}\#n{"kind":"contact","data":{"customer":"@k","name":"Pia Møller"}}\#n"#.utf8)
            .write(to: goodImport)
        _ = try cli.transcript(Self.setup)
        let transcript = try cli.transcript([
            ["init", "--json"],
            ["local", "customer", "list", "--json"],
            ["local", "project", "list", "--json"],
            ["local", "hours", "record", "--employee", "1", "--project", "2", "--type", "1", "--hours", "6", "--json"],
            ["local", "hours", "approve", "1", "--json"],
            ["local", "hours", "list", "--json"],
            ["local", "import", goodImport.path, "--json"],
            ["local", "changes", "--since", "14", "--json"],
            ["local", "unsynced", "--kind", "customer", "--json"],
        ])
        try Golden.check(transcript, against: "local-json.txt")
    }

    @Test("exit codes: 3 when the replica cannot be used, 2 for usage errors, 0 for help")
    func exitCodes() throws {
        let cli = try CLI()
        let missing = try cli.run(["local", "customer", "list"])
        #expect(missing.status == 3 && missing.stderr.contains("run `econsync init` first"))
        try Data("ikke en database".utf8).write(to: cli.home.appendingPathComponent("replica.sqlite"))
        let garbage = try cli.run(["local", "customer", "list"])
        #expect(garbage.status == 3 && garbage.stderr.contains("not an econsync replica"))
        #expect(try cli.run(["local", "customer", "frobnicate"]).status == 2)
        #expect(try cli.run(["local", "changes", "--since", "-4"]).status == 2)
        let help = try cli.run(["local", "hours", "--help"])
        #expect(help.status == 0 && help.stdout.contains("approve"))
        let other = try CLI()
        other.environment["ECONSYNC_NOW"] = "i går"
        #expect(try other.run(["init"]).status == 1)
    }

    @Test("--data-dir overrides $ECONSYNC_HOME, before or after the subcommand")
    func dataDirectory() throws {
        let cli = try CLI()
        let elsewhere = cli.home.appendingPathComponent("elsewhere")
        #expect(try cli.run(["--data-dir", elsewhere.path, "init"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("replica.sqlite").path))
        #expect(try cli.run(["local", "customer", "add", "--name", "Hansen", "--data-dir", elsewhere.path]).status == 0)
        #expect(try cli.run(["local", "customer", "list"]).status == 3, "$ECONSYNC_HOME itself was never initialised")
    }
}
