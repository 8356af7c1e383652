import Reconcile

/// A reconcile plan's operations in words every front end shares: what
/// happens to the records an action counts, as the office reads it.
///
/// ```swift
/// PlanOperation.Action.pullInsert.words(.da)   // "nye hentes fra e-conomic"
/// PlanOperation.Action.pullInsert.words(.en)   // "pull-insert"
/// ```
extension PlanOperation.Action {
    /// What happens to the records, in Danish to follow their count ("3 springes over"); in English the action as the plan names it.
    public func words(_ language: Language) -> String {
        guard language == .da else { return rawValue }
        return switch self {
        case .create: "oprettes i e-conomic"
        case .update: "opdateres i e-conomic"
        case .bar: "spærres i e-conomic"
        case .pullInsert: "nye hentes fra e-conomic"
        case .pullUpdate: "opdateres fra e-conomic"
        case .pullDelete: "fjernes (slettet i e-conomic)"
        case .skip: "springes over"
        case .block: "blokeret"
        }
    }
}
