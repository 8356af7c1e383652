import ArgumentParser
import Replica

/// `econsync local check`: is the replica consistent?
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the replica: SQLite integrity, foreign keys, and change log against rows. Exits 1 on any problem.",
            discussion: Examples.text("econsync local check", "econsync local check --data-dir /srv/econsync"))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let problems = try global.openReplica().consistencyProblems()
        if output.json {
            try Output.json(["problems": problems])
        } else {
            print(problems.isEmpty ? "replica is consistent" : problems.joined(separator: "\n"))
        }
        if !problems.isEmpty { throw ExitCode.failure }
    }
}
