import Reconcile
import Snapshot
import Sync
import Testing
import Vocabulary

/// A plan operation's reason carried as data: worded in Danish by the shared
/// catalogue, in English as it always was, and kept whole by the plan file
/// and the replica's pending records.
@Suite("plan reasons in words")
struct PlanReasonWordingTests {
    static let lars = ReferencedRecord(kind: .employee, id: 3, name: "Lars Lærling")

    /// One of every case, the nested ones nesting another.
    static let every: [PlanReason] = [
        .newInEconomic, .changedInEconomic, .changedInEconomicImporting(.projects), .deletedInEconomic,
        .linked(.customer, key: "1042", field: "corporateIdentificationNumber"), .newInReplica, .changedInReplica, .deletedInReplica,
        .historical(changed: "2025-01-01T00:00:00Z", activation: "2026-01-01T00:00:00Z"), .goneFromEconomic(.unit, key: "4"),
        .readOnly(fields: ["isClosed"]), .deletedImporting(.units), .newImporting(.units), .autoCreateOff, .notApproved,
        .switchedOff(.employees), .switchedOff(.hours), .switchedOff(.customerGroups), .mergedSubProject,
        .heldBack(.employee, record: "local:4", because: .ambiguous(.employee, field: "name", matches: ["4 (Ole)", "5 (Ole)"], rivals: false)),
        .unitChange(product: "10003", from: "1", to: "2"), .cannotBar(.hourType),
        .requiredMissing(.customer, key: "local:8", field: "customerGroup.customerGroupNumber", setting: "customers.defaultGroup"),
        .employeeMissingID(lars), .employeeMissingID(nil), .activityUnmapped(ReferencedRecord(kind: .hourType, id: 2, name: "Svendetimer")),
        .customerNotFound(ReferencedRecord(kind: .customer, id: 7, name: nil)), .unresolved(field: "unit.unitNumber", nil),
        .sameValue(.customer, records: ["local:8 (Ny Kunde)", "local:9 (Ny Kunde ApS)"], field: "corporateIdentificationNumber", value: "29384756"),
        .duplicate(.customer, record: "local:8 (Ny)", field: "corporateIdentificationNumber", value: "29384756", economic: "1001 (Hansen)", replica: "1001"),
        .ambiguous(.employee, field: "name", matches: ["4 (Ole)"], rivals: true),
        .dependencyMissing(field: "projectNumber", .project, key: "local:12", because: .numberTaken(7, name: "Carport")),
        .dependencyMissing(field: "projectNumber", .project, key: "local:12", because: nil),
        .productMissing("KR-22 (Kobberrør 22 mm)"), .productNotCreatable("KR-22 (Kobberrør 22 mm)", because: .autoCreateOff),
        .productNotCreatable("KR-22", because: nil), .numberTaken(7, name: "Carport"), .recorded("e-conomic refused: 400"),
    ]

    @Test("every reason has Danish words of its own (the brief's for its errors), English is its description, and e-conomic's recorded words stay as they are")
    func danish() {
        for reason in Self.every {
            #expect(reason.words(.en) == reason.description)
            if case .recorded(let words) = reason {
                #expect(reason.words(.da) == words)
            } else {
                #expect(!reason.words(.da).isEmpty && reason.words(.da) != reason.description, "\(reason)")
            }
        }
        #expect(PlanReason.employeeMissingID(Self.lars).words(.da)
                == "Medarbejder mangler e-conomic ID: Lars Lærling (medarbejder 3): angiv medarbejderens e-conomic ID, eller slå synkronisering af medarbejdere til")
        #expect(PlanReason.employeeMissingID(Self.lars).description
                == "Employee is missing an e-conomic ID: Lars Lærling (employee 3): set the employee's e-conomic id or enable employee sync")
        #expect(PlanReason.customerNotFound(nil).words(.da) == "Kunde ikke fundet i e-conomic: kunden: synkronisér kunder, eller tving en synkronisering")
        #expect(PlanReason.dependencyMissing(field: "projectNumber", .project, key: "local:12", because: .numberTaken(7, name: "Carport")).words(.da)
                == "projectNumber henviser til projekt local:12, som ikke oprettes i e-conomic: projektnummer 7 er allerede brugt i e-conomic af \"Carport\": "
                + "giv projektet et andet nummer (det omnummereres aldrig)")
    }

    @Test("the brief's troubleshooting cases are told by the reason, not its words")
    func codes() {
        #expect(SyncError.Code.ofBlock(.employeeMissingID(nil)) == .employeeMissingID)
        #expect(SyncError.Code.ofBlock(.customerNotFound(Self.lars)) == .customerNotFound)
        #expect(SyncError.Code.ofBlock(.activityUnmapped(nil)) == .activityUnmapped)
        #expect(SyncError.Code.ofBlock(.recorded("Employee is missing an e-conomic ID")) == .blocked)
        #expect(SyncError.Code.ofBlock(.numberTaken(1, name: "x")) == .blocked)
    }

    @Test("a reason survives the replica's stored text and a plan file; text that is not a reason's data is recorded words")
    func stored() throws {
        for reason in Self.every {
            #expect(PlanReason(stored: reason.stored) == reason, "\(reason.stored)")
            let op = PlanOperation(kind: .timeEntry, key: "local:1", action: .block, because: reason)
            let read = try PlanOperation(json: CanonicalJSON.parse(CanonicalJSON.string(op.json)))
            #expect(read == op && read.reason == reason.description, "\(reason)")
        }
        #expect(PlanReason(stored: "{not a reason}") == .recorded("{not a reason}"))
        #expect(PlanReason(stored: "Employee is missing an e-conomic ID: Lars") == .recorded("Employee is missing an e-conomic ID: Lars"))
        let pull = PlanOperation(kind: .customer, key: "1001", action: .pullInsert, because: .newInEconomic)
        #expect(pull.json["because"] == .object(["newInEconomic": .object([:])]) && pull.json["reason"] == .string("new in e-conomic"))
        var written = pull.json
        if case .object(var fields) = written { fields["because"] = nil; written = .object(fields) }
        #expect(try PlanOperation(json: written).because == .recorded("new in e-conomic"), "a plan written before reasons were data: its words")
    }

    @Test("values as messy as a real agreement's (odd product numbers, free-text CVRs, e-mail lists, negative prices, quotes, new lines, Danish letters) survive the stored text and a plan file; e-conomic's JSON error body stays recorded words")
    func messyValues() throws {
        let reasons: [PlanReason] = [
            .productMissing("10/20 \"A\"_8_"), .productNotCreatable("Æblegrød 1/2", because: .autoCreateOff),
            .duplicate(.customer, record: "local:4", field: "corporateIdentificationNumber", value: "DK 12 34 56 78 (gl. CVR)",
                       economic: "1002", replica: "local:9"),
            .sameValue(.customer, records: ["local:1", "local:2"], field: "email", value: "bogholderi@firma.dk; faktura@firma.dk"),
            .unitChange(product: "-5%", from: "1", to: "-125,50"), .numberTaken(7001, name: "Byg (Nord) $2\n\"Øst\""),
            .employeeMissingID(ReferencedRecord(kind: .employee, id: 12, name: "Søren \\ Ærø")),
        ]
        for reason in reasons {
            #expect(PlanReason(stored: reason.stored) == reason, "\(reason.stored)")
            let op = PlanOperation(kind: .material, key: "local:1", action: .block, because: reason)
            #expect(try PlanOperation(json: CanonicalJSON.parse(CanonicalJSON.string(op.json))) == op, "\(reason)")
        }
        let refusal = #"{"message":"Validation exception.","errorCode":"E04300","errors":{"productNumber":{"errors":[{"propertyName":"productNumber"}]}}}"#
        #expect(PlanReason(stored: PlanReason.recorded(refusal).stored) == .recorded(refusal))
    }
}
