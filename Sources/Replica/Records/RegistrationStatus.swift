/// Where a registration stands: recorded, approved, transferred to e-conomic,
/// exported on an order, or deleted.
///
/// ```swift
/// entry.status   // .approved
/// ```
public enum RegistrationStatus: String, CaseIterable, Codable, Sendable {
    case open, approved, transferred, exported, deleted
}

extension Registration {
    /// Where the registration stands; an export outranks a transfer, a deletion both.
    public var status: RegistrationStatus {
        if tombstone { return .deleted }
        if orderId != nil { return .exported }
        if transferredAt != nil { return .transferred }
        return isApproved ? .approved : .open
    }
}
