import Foundation
import Testing

/// `-q/--quiet`, on any command: no notes, warnings or progress on standard
/// error; the results on standard output and the errors are as they were.
@Suite("econsync -q/--quiet")
struct QuietCommandTests {
    @Test("a warning and a note are left unsaid; the result is the same; an error still prints")
    func warningsAndNotes() throws {
        let cli = try CLI()
        #expect(try cli.run(["init"]).status == 0)
        #expect(try cli.run(["local", "customer", "add", "--name", "Imens ApS", "--cvr", "13748136"]).status == 0)
        let twin = try cli.run(["local", "customer", "add", "--name", "Imens VVS", "--cvr", "13748136"])
        #expect(twin.status == 0 && twin.stderr.contains("warning: customer 1 (Imens ApS) has the same CVR number"), "\(twin.stderr)")

        let edit = ["local", "customer", "edit", "2", "--phone", "86121212"]
        let loud = try cli.run(edit)
        #expect(loud.status == 0 && loud.stdout == "updated customer 2: Imens VVS\n" && loud.stderr.contains("warning: "), "\(loud.stderr)")
        for quiet in [edit + ["-q"], edit + ["--quiet"], ["local", "-q"] + Array(edit.dropFirst())] {
            let result = try cli.run(quiet)
            #expect(result.status == 0 && result.stdout == loud.stdout && result.stderr.isEmpty, "\(quiet): \(result.stderr)")
        }

        // A note: the data directory was made readable by others, and is tightened.
        chmod(cli.home.path, 0o755)
        let noted = try cli.run(["local", "customer", "list"])
        #expect(noted.status == 0 && noted.stderr.hasPrefix("note: ") && noted.stderr.contains("it is now 700"), "\(noted.stderr)")
        chmod(cli.home.path, 0o755)
        let silent = try cli.run(["local", "customer", "list", "--quiet"])
        #expect(silent.status == 0 && silent.stdout == noted.stdout && silent.stderr.isEmpty, "\(silent.stderr)")
        var info = stat()
        #expect(stat(cli.home.path, &info) == 0 && info.st_mode & 0o777 == 0o700, "tightened all the same")

        let failed = try cli.run(["local", "customer", "edit", "99", "--phone", "1", "-q"])
        #expect(failed.status == 1 && failed.stderr.hasPrefix("error: ") && failed.stdout.isEmpty, "\(failed.stderr)")
        let usage = try cli.run(["local", "customer", "edit", "-q"])
        #expect(usage.status == 2 && usage.stderr.hasPrefix("error: "), "\(usage.stderr)")
    }

    @Test("every command takes -q, also those that open no data directory")
    func everyCommand() throws {
        let cli = try CLI()
        for arguments in [["snapshot", "verify", "-q", SnapshotCommandTests.demo], ["snapshot", "show", SnapshotCommandTests.demo,
                          "--kind", "unit", "--key", "999", "-q"], ["init", "-q"], ["status", "--quiet"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(arguments): \(result.stderr)")
        }
        #expect(try cli.run(["snapshot", "show", SnapshotCommandTests.demo, "--kind", "unit", "--key", "999"]).stderr == "no record matches\n")
    }
}
