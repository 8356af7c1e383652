/// A project group's `type` (REFERENCE §5.5): only projects in an internal
/// group may be without a customer.
enum ProjectGroupType: Int64, CaseIterable, Sendable {
    case `internal` = 1
    case externalInvoiceable = 2
    case externalNonInvoiceable = 3
}
