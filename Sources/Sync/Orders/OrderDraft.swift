import Foundation
import Reconcile
import Replica
import Snapshot

/// A draft order worked out from the replica, before anything is written:
/// its customer, lines and total, the registrations it takes, the products
/// e-conomic lacks, and the JSON body `POST /orders/drafts` gets.
public struct OrderDraft: Sendable {
    public var projectID: Int64
    public var projectName: String
    public var customerID: Int64
    public var customerNumber: Int
    public var customerName: String
    public var lines: [OrderLineDraft]
    public var total: Decimal
    public var hourIDs: [Int64]
    public var materialIDs: [Int64]
    /// The registrations taken, hours first, each with its date, who, what and price.
    public var taken: [OrderRegistration]
    /// Products on the lines that e-conomic does not have yet (local ids).
    public var missingProducts: [Int64: String]
    /// The order as e-conomic wants it; its lines refer to products by number.
    public var body: JSONValue
    /// The local layout and e-conomic layout number.
    var layout: (local: Int64?, number: Int)

    /// How many registrations it takes.
    public var registrations: Int { hourIDs.count + materialIDs.count }

    /// The registrations it takes, hours first, as `order export --entries` names them.
    public var refs: [RegistrationRef] { hourIDs.map(RegistrationRef.timeEntry) + materialIDs.map(RegistrationRef.material) }
}
