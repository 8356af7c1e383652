import Foundation
@testable import Panel
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

    @Test("a reason the last run recorded is headed by the brief's words for its error and says its remedy; any other block its own words")
    func lastRunReasons() throws {
        let employee = PanelText.reason(.lastRun("Employee is missing an e-conomic ID: Lars (employee 9)"), .da)
        #expect(employee.headline == "Medarbejder mangler e-conomic ID" && employee.detail == "Employee is missing an e-conomic ID: Lars (employee 9)")
        #expect(employee.remedy == PanelRemedyWording(.da).words(for: .setEmployeeNumber))
        let customer = PanelText.reason(.lastRun("Customer not found in e-conomic: 1044"), .en)
        #expect(customer.headline == "Customer not found in e-conomic" && customer.remedy == PanelRemedyWording(.en).words(for: .syncCustomers))
        let other = PanelText.reason(.lastRun("project number 1 is taken in e-conomic"), .da)
        #expect(other.headline == "Blokeret ved seneste kørsel" && other.detail == "project number 1 is taken in e-conomic", "\(other)")
    }
}
