import Reconcile

/// The conflict journal's decisions in words every front end shares: the
/// side that won and the rule it won by.
///
/// ```swift
/// Side.economic.name                                                                   // "e-conomic"
/// MasterRule(configured: false, module: .customers, master: .economic).words(.da)     // "e-conomic er master for Kunder (standard)"
/// ```
extension MasterRule {
    /// The rule in words: in Danish which system is master of which module, by default or as set; in English as the journal keeps it.
    public func words(_ language: Language) -> String {
        guard language == .da else { return text }
        return "\(master.name) er master for \(module.name(.da)) (\(configured ? "valgt i indstillingerne" : "standard"))"
    }
}

extension Side {
    /// The system as the office names it, in any language: `Mobilplan` or `e-conomic`.
    public var name: String {
        switch self {
        case .mobilplan: "Mobilplan"
        case .economic: "e-conomic"
        }
    }
}
