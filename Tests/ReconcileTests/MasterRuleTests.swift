import Reconcile
import Testing
import Vocabulary

/// The rule a conflict was decided by: kept as English text in the journal, read back to be worded in another language.
@Suite("MasterRule: the journal's text and back")
struct MasterRuleTests {
    @Test("every rule reads back from its text; the text is what the journal has always kept; a rule in other words reads as none")
    func roundTrip() {
        for configured in [false, true] {
            for module in Module.allCases {
                for master in Side.allCases {
                    let rule = MasterRule(configured: configured, module: module, master: master)
                    #expect(MasterRule(text: rule.text) == rule, "\(rule.text)")
                }
            }
        }
        #expect(MasterRule(configured: false, module: .products, master: .mobilplan).text == "default master of the products module: mobilplan")
        #expect(MasterRule(text: "configured master of the projects module: economic") == MasterRule(configured: true, module: .projects, master: .economic))
        #expect(MasterRule(text: "master of products") == nil && MasterRule(text: "default master of the payroll module: economic") == nil)
    }
}
