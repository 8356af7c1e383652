import Vocabulary

extension Kind {
    /// The kind's place in e-conomic's dependency order (ARCHITECTURE §5), for
    /// pulls and pushes: what a record refers to comes first.
    public var dependencyRank: Int {
        switch self {
        case .unit: 0
        case .productGroup: 1
        case .customerGroup: 2
        case .paymentTerm: 3
        case .vatZone: 4
        case .layout: 5
        case .department: 6
        case .customer: 7
        case .contact: 8
        case .supplier: 9
        case .product: 10
        case .project: 11
        case .employee: 12
        case .hourType: 13
        case .timeEntry: 14
        case .material: 15
        case .order: 16
        }
    }
}
