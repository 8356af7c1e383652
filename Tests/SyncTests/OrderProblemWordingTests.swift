import Reconcile
import Sync
import Testing
import Vocabulary

/// An order export's refusals as data: English as econsync has always said
/// them, Danish of their own, e-conomic's words kept as it gave them.
@Suite("order refusals in words")
struct OrderProblemWordingTests {
    static let every: [OrderProblem] = [
        .notInReplica(.timeEntry, id: 4), .noProject(12), .otherDepartment(project: "Carport", id: 12, department: 2),
        .otherDepartment(project: "Carport", id: 12, department: nil), .projectWithoutCustomer(project: "Carport", id: 12),
        .customerNotInEconomic(customer: "Ærø VVS", id: 7, project: "Carport"), .noPaymentTerms(customer: "Ærø VVS"),
        .noHoursProduct(hourType: "Svendetimer", id: 2, hoursProduct: "T-1"), .noHoursProduct(hourType: "Svendetimer", id: 2, hoursProduct: nil),
        .noRegistration(.material, id: 9), .registration(.timeEntry, id: 4, .onProject(3, not: 12)), .registration(.timeEntry, id: 4, .notApproved),
        .registration(.material, id: 9, .exported(order: 2)), .template(setting: "orders.hoursText", .unknownVariable("nvan", template: "$nvan")),
        .noLayout, .nothingToExport(project: "Carport", lastOrder: 35), .nothingToExport(project: "Carport", lastOrder: nil),
        .productsMissing(["KR-22 (Kobberrør)", "10/20 \"A\""]),
        .productsNotCreated([.init(product: "KR-22", reason: .autoCreateOff), .init(product: "KR-23", reason: nil)]),
        .exportedMeanwhile(.timeEntry, id: 4), .noSuchOrder(35, releasedAt: nil), .noSuchOrder(35, releasedAt: "2026-11-02T08:00:00Z"),
        .stillDraft(35), .sent(35, stage: "booked"), .noOrderNumber,
    ]

    @Test("every refusal has Danish words of its own; English is its description and the message a SyncError carries")
    func danish() {
        for problem in Self.every {
            #expect(problem.words(.en) == problem.description)
            let danish = problem.words(.da)
            #expect(danish != problem.description, "\(problem)")
            #expect(![" is ", " has ", " not ", "there ", "lacks", "export it"].contains { danish.contains($0) }, "English left in: \(danish)")
            #expect(SyncError(.invalidRequest, .order(problem), module: "orders").message == problem.description)
        }
    }

    @Test("e-conomic's words and the transport's stay as they are, inside Danish")
    func recorded() {
        let refusal = "400 Bad Request: {\"message\": \"Customer is barred\"}"
        #expect(OrderProblem.refused(refusal).words(.da) == "e-conomic afviste ordren: \(refusal)")
        #expect(OrderProblem.uncertain("timed out").words(.da).hasPrefix("ordren nåede måske ikke frem til e-conomic (timed out)"))
        #expect(OrderProblem.refused(refusal).words(.en) == "e-conomic refused the order: \(refusal)")
    }
}
