import Foundation
import Replica
import Sync
import Testing
import Vocabulary

/// What the replica refused, as data: English as econsync has always said
/// it, Danish of its own, with the record or file it is about.
@Suite("replica refusals in words")
struct ReplicaProblemWordingTests {
    static let every: [ReplicaProblem] = [
        .empty, .tooLong(characters: 300, max: 250), .cvrLength("123"), .cvrLeadingZero("03748136"), .cvrChecksum("13748137"),
        .notEmail("nope"), .notDate("2. nov"), .notTime("kl. 8"), .negativeAmount("-5"), .tooManyDecimals("1.005"),
        .notPositive("0"), .nul, .controlCharacter(code: "000B", multiLine: false), .controlCharacter(code: "0007", multiLine: true),
        .notNumber("nan"), .tooLarge("1000000000"), .referenceDeleted(.customer, 7), .doesNotExist, .deleted, .inUse(by: .timeEntry, 5),
        .notApproved, .alreadyTransferred, .noLive(.customer, "e:1001"), .noneCalled(.employee, "Lars"), .noReplica, .emptyFile,
        .notSQLite, .notReplica, .busy, .outOfRange("0", .employeeNumber), .outOfRange("0", .projectNumber), .outOfRange("0", .activityNumber),
        .negative, .notCurrency("kr"), .notPaymentTermsType("x", ["net", "days"]), .ownMainProject, .mainIsSubProject(3), .hasSubProjects(2),
        .hoursOutOfRange("25"), .onMainProject(1, subProjects: 2), .projectBarred(4), .projectClosed(4), .transferredLocked, .sentUnapproved,
        .approvedLocked, .unreadable(nil), .unreadable(.noSuchFile), .unreadable(.permissionDenied), .notUTF8, .needsUpgrade(to: 10),
        .newerSchema(11, knows: 10), .damaged(missing: "tabellen customers"), .corrupt("SQLITE_CORRUPT"), .unusable("fejl 14"),
        .lineNotObject, .unknownLineKey("x"), .kindMissing, .unknownKind("kunde"), .dataNotObject, .refNotText, .refTaken("a"),
        .employeesNotList, .unknownField(.customer, ["city", "name"]), .referenceNotText, .notReference("?"), .wrongType(.text),
        .wrongType(.truth), .wrongType(.number), .wrongType(.wholeNumber), .required, .notValid("fejl"), .ambiguousName("Jens", ["1 (Jens)", "2 (Jens)"]),
        .onePerDepartment("e:1001", 2), .noNumber(.customer), .noName(.timeEntry), .noAlias("p"), .aliasOfKind("p", .project, not: .customer),
        .inTransfer(run: 3), .otherAgreement("1", 2), .neverConnected(2), .notPlainFile, .cannotTighten("fejl", mode: "700"),
        .snapshotUnknown("a.ndjson.gz"), .snapshotKnown("a.ndjson.gz"), .snapshotNeeded("a.ndjson.gz", baseOf: "r1"),
        .snapshotNeeded("a.ndjson.gz", baseOf: nil), .keyTaken("1001", .customer, 4), .referenceMissing(.unit, 9),
        .taken(.product, field: "number", value: "P-100", by: 3), .taken(.customer, field: "foreignKey", value: "1001", by: nil),
        .fixedOnceSynced(.product, .productNumber), .fixedOnceSynced(.product, .productUnit), .fixedOnceSynced(.project, .mainProject),
    ]

    @Test("every refusal has Danish words of its own; English is its description")
    func danish() {
        for problem in Self.every {
            #expect(problem.words(.en) == problem.description)
            let danish = problem.words(.da)
            #expect(danish != problem.description, "\(problem)")
            #expect(![" is ", " has ", " not ", "must ", "allows", "write it", "contains", "used by", "called", "here", "replica "]
                .contains { danish.contains($0) }, "English left in: \(danish)")
            #expect((problem.advice(.da) == nil) == (problem.advice == nil) && problem.advice(.en) == problem.advice, "\(problem)")
        }
        #expect(ReplicaProblem.inUse(by: .timeEntry, 5).words(.da) == "bruges stadig af timeregistrering 5")
        #expect(ReplicaProblem.noLive(.customer, "e:1001").words(.da) == "der er ingen kunde e:1001")
    }

    @Test("every reason a file cannot be read or written has Danish words; the system's own words kept; FileProblem worded whole")
    func fileReasons() {
        let reasons: [FileProblem.Reason] = [.noSuchFile, .permissionDenied, .isDirectory, .invalidName, .damaged, .tooLarge, .wrongEncoding,
                                             .exists, .noSpace, .readOnly, .locked]
        for reason in reasons {
            #expect(reason.words(.en) == reason.description && reason.words(.da) != reason.description, "\(reason)")
        }
        #expect(FileProblem.Reason(errno: ENOENT) == .noSuchFile && FileProblem.Reason(errno: EACCES) == .permissionDenied)
        #expect(FileProblem.Reason(errno: EIO) == .system("input/output error"))
        #expect(FileProblem.Reason.system("input/output error").words(.da) == "input/output error")
        let problem = FileProblem(.read, path: "/tmp/x.ndjson", reason: .noSuchFile)
        #expect(problem.describe(NeutralRemedyWording()) == "cannot read /tmp/x.ndjson: no such file")
        #expect(problem.describe(NeutralRemedyWording(), in: .da) == "kan ikke læse /tmp/x.ndjson: filen findes ikke")
    }

    @Test("a file's refusal in Danish: the file, the problem and what to do; the remedy worded by the front end")
    func file() {
        let empty = ReplicaError(.corrupt, .emptyFile, file: "/srv/econsync/replica.sqlite")
        #expect(empty.describe(NeutralRemedyWording())
                == "/srv/econsync/replica.sqlite: is empty (0 bytes): it is not a replica any more (restore it from a backup, or move it away and create a new replica)")
        #expect(empty.describe(NeutralRemedyWording(), in: .da)
                == "/srv/econsync/replica.sqlite: er tom (0 bytes): den er ikke længere en replika (gendan den fra en sikkerhedskopi, eller flyt den væk og opret en ny replika)")
        let none = ReplicaError(.notInitialised, .noReplica, file: "/srv/econsync/replica.sqlite", remedy: .initialise)
        #expect(none.describe(NeutralRemedyWording(), in: .da) == "/srv/econsync/replica.sqlite: her er ingen replika (initialise the replica first)",
                "the remedy as the wording given words it")
    }

    @Test("a replica's refusal names the record in Danish; English whole as before; an error without a problem as data stays English, never half Danish")
    func refusal() {
        var refused = ReplicaError(.invalidField, ReplicaProblem.cvrLength("123").description, kind: .customer, row: 7, field: "cvr",
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
