import Replica
import Sync
import Testing
import Vocabulary

/// A refused field's value as data: English as econsync has always said it,
/// Danish of its own, with the record it is on.
@Suite("field refusals in words")
struct FieldProblemWordingTests {
    static let every: [FieldProblem] = [
        .empty, .tooLong(characters: 300, max: 250), .cvrLength("123"), .cvrLeadingZero("03748136"), .cvrChecksum("13748137"),
        .notEmail("nope"), .notDate("2. nov"), .notTime("kl. 8"), .negativeAmount("-5"), .tooManyDecimals("1.005"),
        .notPositive("0"), .nul, .controlCharacter(code: "000B", multiLine: false), .controlCharacter(code: "0007", multiLine: true),
        .notNumber("nan"), .tooLarge("1000000000"),
    ]

    @Test("every refusal has Danish words of its own; English is its description")
    func danish() {
        for problem in Self.every {
            #expect(problem.words(.en) == problem.description)
            let danish = problem.words(.da)
            #expect(danish != problem.description, "\(problem)")
            #expect(![" is ", " has ", " not ", "must ", "allows", "write it", "contains"].contains { danish.contains($0) }, "English left in: \(danish)")
        }
    }

    @Test("a replica's refusal names the record in Danish; English whole as before; an error without a problem as data stays English, never half Danish")
    func refusal() {
        var refused = ReplicaError(.invalidField, FieldProblem.cvrLength("123").description, kind: .customer, row: 7, field: "cvr",
                                   file: "kunder.ndjson", line: 3)
        refused.problem = .cvrLength("123")
        let english = refused.describe(NeutralRemedyWording())
        #expect(english == "kunder.ndjson:3: customer 7, field cvr: \"123\" is not a CVR number: a CVR number has exactly 8 digits")
        #expect(refused.describe(NeutralRemedyWording(), in: .en) == english)
        #expect(refused.describe(NeutralRemedyWording(), in: .da)
                == "kunder.ndjson:3: kunde 7, felt cvr: \"123\" er ikke et CVR-nummer: et CVR-nummer har præcis 8 cifre")
        #expect(refused.message(.da) == "\"123\" er ikke et CVR-nummer: et CVR-nummer har præcis 8 cifre")
        let missing = ReplicaError(.notFound, "no live customer is 99", kind: .customer)
        #expect(missing.describe(NeutralRemedyWording(), in: .da) == "customer: no live customer is 99")
    }
}
