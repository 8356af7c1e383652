import Reconcile

extension OrderTemplate.Variable {
    /// What the variable shows, in words for the wizard.
    var meaning: String {
        switch self {
        case .employee: "the employee's name"
        case .type: "the hour type or product"
        case .date: "the date"
        case .quantity: "the quantity"
        case .unit: "the unit"
        case .text: "the note"
        case .project: "the project"
        }
    }
}
