import ArgumentParser
import Replica
import Vocabulary

/// `econsync local check`: is the replica consistent?
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the replica: SQLite integrity, foreign keys, and change log against rows. Exits 1 on any problem.",
            discussion: Examples.text("econsync local check", "econsync local check --data-dir /srv/econsync"))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let line = ProgressLine()
        defer { line.finish() }
        let problems = try global.openReplica().consistencyProblems { step in
            if !output.json { line.show("checking \(Self.words(step)) (\(step.number)/\(ConsistencyStep.count))") }
        }
        line.finish()
        if output.json {
            try Output.json(["problems": problems])
        } else {
            print(problems.isEmpty ? "replica is consistent" : problems.joined(separator: "\n"))
        }
        if !problems.isEmpty { throw ExitCode.failure }
    }

    /// A step in words: `integrity`, `foreign keys`, `the change log of hour type`.
    static func words(_ step: ConsistencyStep) -> String {
        switch step {
        case .integrity: "integrity"
        case .foreignKeys: "foreign keys"
        case .changeLog(let kind): "the change log of \(kind.noun)"
        }
    }
}
