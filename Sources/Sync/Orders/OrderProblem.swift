import Reconcile
import Vocabulary

/// Why an order export or release is refused or did not finish, as data the
/// catalogue words in each language (the panel's "Ordrer" and `order` in
/// Danish); in English its ``description``. e-conomic's own words stay as it gave them.
///
/// ```swift
/// SyncError(.nothingToExport, .order(.nothingToExport(project: "Carport", lastOrder: 35)), module: "orders")
/// // "project Carport has no approved registration that is not exported yet (the last export is order 35)"
/// ```
public enum OrderProblem: Sendable, Equatable, CustomStringConvertible {
    /// A record the export names is not in the replica.
    case notInReplica(Kind, id: Int64)
    /// No project with this id.
    case noProject(Int64)
    /// The project belongs to another department (or none).
    case otherDepartment(project: String, id: Int64, department: Int?)
    /// The project has no customer.
    case projectWithoutCustomer(project: String, id: Int64)
    /// The project's customer has no e-conomic customer number.
    case customerNotInEconomic(customer: String, id: Int64, project: String)
    /// The customer has no payment terms, and `customers.paymentTerms` is not set.
    case noPaymentTerms(customer: String)
    /// No product to invoice an hour type's hours on (`orders.hoursProduct`, when set, is not in the replica).
    case noHoursProduct(hourType: String, id: Int64, hoursProduct: String?)
    /// No registration of this kind with this id.
    case noRegistration(Kind, id: Int64)
    /// A registration picked for the export cannot be on it.
    case registration(Kind, id: Int64, Pick)
    /// A line template setting is not a template.
    case template(setting: String, OrderTemplate.Problem)
    /// Neither `orders.layout` nor a layout from e-conomic.
    case noLayout
    /// Nothing approved and not exported yet (the last export's order number, if any).
    case nothingToExport(project: String, lastOrder: Int64?)
    /// Products e-conomic lacks while auto-creation is off.
    case productsMissing([String])
    /// Products e-conomic lacks that could not be created, each with why.
    case productsNotCreated([NotCreated])
    /// A registration was put on another order while this one was recorded.
    case exportedMeanwhile(Kind, id: Int64)
    /// No export has this e-conomic order number (`releasedAt`: it was released then).
    case noSuchOrder(Int64, releasedAt: String?)
    /// The order is still a draft in e-conomic.
    case stillDraft(Int64)
    /// The order has gone on in e-conomic (booked, sent, archived …).
    case sent(Int64, stage: String)
    /// e-conomic refused the order, in its words.
    case refused(String)
    /// The order may not have reached e-conomic (the transport's words); it is recorded and resent with its idempotency key.
    case uncertain(String)
    /// e-conomic's answer to the order has no order number.
    case noOrderNumber

    /// Why a picked registration cannot be on the order.
    public enum Pick: Sendable, Equatable {
        /// It is on another project (`not`: the one exported).
        case onProject(Int64, not: Int64)
        case notApproved
        /// It is on a local order already.
        case exported(order: Int64)
    }

    /// A product that could not be created, and the plan's reason (nil: the plan did not name it).
    public struct NotCreated: Sendable, Equatable {
        public var product: String
        public var reason: PlanReason?

        public init(product: String, reason: PlanReason?) {
            self.product = product
            self.reason = reason
        }
    }

    public var description: String { words(.en) }
}
