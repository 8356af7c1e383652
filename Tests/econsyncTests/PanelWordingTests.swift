import Foundation
@testable import Panel
import Reconcile
import Sync
import Testing
import Vocabulary

/// The panel's words: every remedy in Danish for the office, every reason a
/// record waits in both languages, every text of the catalogue in both.
@Suite("the panel's catalogue and its remedies")
struct PanelWordingTests {
    @Test("every remedy is worded in Danish (not the English words) and in English, as a sentence")
    func remedies() {
        for remedy in RemedyWordingTests.samples {
            let (da, en) = (PanelRemedyWording(.da).words(for: remedy), PanelRemedyWording(.en).words(for: remedy))
            #expect(!da.isEmpty && da != en && da.hasSuffix(".") && en.hasSuffix(".") && en.first?.isUppercase == true, "\(remedy): \(da) / \(en)")
        }
        #expect(PanelRemedyWording(.da).words(for: .setEmployeeNumber).hasPrefix("Giv medarbejderen sit e-conomic-medarbejdernummer"))
    }

    @Test("every text of the catalogue has Danish and English words")
    func catalogue() {
        for text in PanelText.allCases {
            #expect(!text.in(.da).isEmpty && !text.in(.en).isEmpty, "\(text)")
        }
        for text in OrderText.allCases {
            #expect(!text.in(.da).isEmpty && !text.in(.en).isEmpty && text.in(.da) != text.in(.en), "\(text)")
        }
    }

    @Test("a reason the last run recorded is headed by the brief's words for its error and says its remedy, its detail worded in the page's language; any other block its own words")
    func lastRunReasons() throws {
        let lars = ReferencedRecord(kind: .employee, id: 9, name: "Lars")
        let employee = PanelText.reason(.lastRun(.employeeMissingID(lars)), .da)
        #expect(employee.headline == "Medarbejder mangler e-conomic ID"
                && employee.detail == "Medarbejder mangler e-conomic ID: Lars (medarbejder 9): angiv medarbejderens e-conomic ID, "
                + "eller slå synkronisering af medarbejdere til", "\(employee)")
        #expect(employee.remedy == PanelRemedyWording(.da).words(for: .setEmployeeNumber))
        let english = PanelText.reason(.lastRun(.employeeMissingID(lars)), .en)
        #expect(english.detail == "Employee is missing an e-conomic ID: Lars (employee 9): set the employee's e-conomic id or enable employee sync")
        let customer = PanelText.reason(.lastRun(.customerNotFound(ReferencedRecord(kind: .customer, id: 1044, name: nil))), .en)
        #expect(customer.headline == "Customer not found in e-conomic" && customer.remedy == PanelRemedyWording(.en).words(for: .syncCustomers))
        #expect(customer.detail == "Customer not found in e-conomic: customer 1044: sync customers or force a sync", "\(customer)")
        let other = PanelText.reason(.lastRun(.numberTaken(1, name: "Carport")), .da)
        #expect(other.headline == "Blokeret ved seneste kørsel"
                && other.detail == "projektnummer 1 er allerede brugt i e-conomic af \"Carport\": giv projektet et andet nummer (det omnummereres aldrig)",
                "\(other)")
        let refused = PanelText.reason(.lastRun(.recorded("e-conomic refused the push")), .da)
        #expect(refused.headline == "Blokeret ved seneste kørsel" && refused.detail == "e-conomic refused the push", "e-conomic's own words stay its own")
    }
}
