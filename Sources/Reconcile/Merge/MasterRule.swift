import Vocabulary

/// The rule that decided a field changed on both sides: the module's master
/// won, the default one or one configured. The conflict journal keeps it as
/// ``text`` (English, as `econsync conflicts --json` shows it); a front end
/// reads it back with ``init(text:)`` to word it in its own language.
///
/// ```swift
/// MasterRule(configured: false, module: .projects, master: .mobilplan).text
/// // "default master of the projects module: mobilplan"
/// MasterRule(text: "configured master of the customers module: economic")?.master   // .economic
/// ```
public struct MasterRule: Sendable, Equatable {
    /// True when the master was set in the settings, false when it is the module's default.
    public var configured: Bool
    public var module: Module
    public var master: Side

    public init(configured: Bool, module: Module, master: Side) {
        (self.configured, self.module, self.master) = (configured, module, master)
    }

    /// The rule as the journal keeps it.
    public var text: String {
        "\(configured ? "configured" : "default") master of the \(module.rawValue) module: \(master.rawValue)"
    }

    /// The rule `text` names; nil for a text in other words (a rule a hand-written plan gave).
    public init?(text: String) {
        for configured in [false, true] {
            for module in Module.allCases {
                for master in Side.allCases where Self(configured: configured, module: module, master: master).text == text {
                    self.init(configured: configured, module: module, master: master)
                    return
                }
            }
        }
        return nil
    }
}
