import ArgumentParser
import Replica
import Sync
import Vocabulary

/// `econsync local check`: is the replica consistent?
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: Speech.say(
            "Kontrollér replikaen: SQLite-integritet, fremmednøgler og ændringsloggen mod rækkerne. Afslutter med 1 ved ethvert problem.",
            "Check the replica: SQLite integrity, foreign keys, and change log against rows. Exits 1 on any problem."),
            discussion: Examples.text("econsync local check", "econsync local check --data-dir /srv/econsync"))

    @OptionGroup(visibility: .hidden) var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let line = ProgressLine()
        defer { line.finish() }
        let problems = try global.openReplica().consistencyProblems { step in
            if !output.json { line.show(Speech.say("tjekker", "checking") + " \(Self.words(step)) (\(step.number)/\(ConsistencyStep.count))") }
        }
        line.finish()
        if output.json {
            try Output.json(["problems": problems.map(\.description)])
        } else {
            print(Self.report(problems, in: Speech.language))
        }
        if !problems.isEmpty { throw ExitCode.failure }
    }

    /// What the check says for people: that the replica is consistent, or each finding on a line, in `language`.
    static func report(_ problems: [ConsistencyProblem], in language: Language) -> String {
        guard !problems.isEmpty else { return language == .da ? "replikaen er konsistent" : "replica is consistent" }
        return problems.map { $0.words(language) }.joined(separator: "\n")
    }

    /// A step in words: `integrity`, `foreign keys`, `the change log of hour type`; in Danish `integritet`, ….
    static func words(_ step: ConsistencyStep) -> String {
        switch step {
        case .integrity: Speech.say("integritet", "integrity")
        case .foreignKeys: Speech.say("fremmednøgler", "foreign keys")
        case .changeLog(let kind): Speech.say("ændringsloggen for \(LocalWords.noun(kind))", "the change log of \(kind.noun)")
        }
    }
}
