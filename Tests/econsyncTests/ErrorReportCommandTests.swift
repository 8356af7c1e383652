import Foundation
import Testing
import Vocabulary
@testable import econsync

/// A failed command as people and scripts see it: `error: …` on standard
/// error with "did you mean", or `{"error": …}` on standard output under `--json`.
@Suite("Errors: did you mean, and JSON for scripts")
struct ErrorReportCommandTests {
    @Test("a mistyped command or value is named with the closest one, exit 2, nothing on standard output", arguments: [
        (["statsu"], "unknown command 'statsu' for 'econsync' (did you mean 'status'?)"),
        (["--data-dir", "/nonexistent", "reconcil"], "unknown command 'reconcil' for 'econsync' (did you mean 'reconcile'?)"),
        (["local", "hourz", "list"], "unknown command 'hourz' for 'econsync local' (did you mean 'hours'?)"),
        (["sync", "custmers"], "'custmers' is invalid for '<module>' (did you mean 'customers'?); one of: units, products, customers"),
    ])
    func didYouMean(arguments: [String], expected: String) throws {
        let result = try CLI().run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: " + expected), "\(result.stderr)")
    }

    @Test("a far-off word keeps the parser's own words")
    func noGuess() throws {
        let result = try CLI().run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: Unexpected argument 'frobnicate'"), "\(result.stderr)")
    }

    @Test("with --json, a failure is one JSON object on standard output: code, message, exit status, records, remedy")
    func jsonError() throws {
        let cli = try CLI()
        let result = try cli.run(["status", "--json"])
        #expect(result.status == 3)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "replica.not-initialised")
        #expect(error["exitStatus"] as? Int == 3)
        #expect((error["message"] as? String)?.contains("no replica here") == true)
        #expect((error["records"] as? [Any])?.isEmpty == true)
        let remedy = try #require(error["remedy"] as? [String: Any])
        #expect(remedy["action"] as? String == "initialise")
        #expect(remedy["text"] as? String == "run `econsync init` first")

        let usage = try cli.run(["reconcil", "--json"])
        #expect(usage.status == 2 && usage.stderr.isEmpty)
        let refused = try #require(JSONSerialization.jsonObject(with: Data(usage.stdout.utf8)) as? [String: [String: Any]])
        #expect(refused["error"]?["code"] as? String == "usage")
        #expect((refused["error"]?["message"] as? String)?.contains("did you mean 'reconcile'?") == true)
    }

    @Test("every remedy has its own action name, and carries its values typed under their own names")
    func remedyValues() throws {
        for remedy in RemedyWordingTests.samples {
            #expect(remedy.action == String("\(remedy)".prefix { $0 != "(" }), "the action is the case's name")
        }
        struct Missing: MessageError {
            static let domain = "test"
            var code: ErrorCode<Missing> { "missing" }
            var message = "hour type 2 has no product"
            var remedy: Remedy? { .setHoursProduct(hourType: 2) }
            var records: [String] { ["hour type 2"] }
        }
        let report = ErrorReport(Missing(), arguments: [])
        let data = try JSONEncoder().encode(report)
        let error = try #require((JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])?["error"])
        #expect(error["code"] as? String == "test.missing")
        #expect(error["exitStatus"] as? Int == 1)
        #expect(error["records"] as? [String] == ["hour type 2"])
        let remedy = try #require(error["remedy"] as? [String: Any])
        #expect(remedy["action"] as? String == "setHoursProduct")
        #expect(remedy["hourType"] as? Int == 2, "a number, not text")
        #expect((remedy["text"] as? String)?.contains("econsync local hour-type edit 2 --product P") == true)
    }
}
