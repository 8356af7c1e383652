import Foundation
import Replica

/// An order export (or its dry run) as scripts read it: `econsync order
/// export --json`, and each export of `econsync order list --json` and the
/// panel's `/api/orders` (an ``ExportEntry``). Amounts are numbers rounded to two decimals.
///
/// ```swift
/// let orders = try replica.orderExports().map(OrderReport.ExportEntry.init)
/// ```
public struct OrderReport: Encodable, Sendable {
    /// One line of the draft order.
    public struct Line: Encodable, Sendable {
        public var lineNumber: Int
        public var productNumber: String
        public var description: String
        public var quantity: Double
        public var unitPrice: Decimal
        public var total: Decimal
        public var registrations: [Int64]
    }

    /// One export in the journal.
    public struct ExportEntry: Encodable, Sendable {
        public var orderNumber: Int64?
        public var project: Int64
        public var lines: Int
        public var netAmount: Decimal?
        public var state: String
        public var createdAt: String
        public var error: String?

        /// The journal's `export` as scripts read it.
        public init(_ export: OrderExport) {
            (orderNumber, project, lines, netAmount, state, createdAt, error) =
                (export.orderNumber, export.projectId, export.lines, Decimal(string: export.netAmount).map(OrderReport.amount), export.state.rawValue,
                 export.createdAt, export.error)
        }
    }

    public var project: Int64?
    public var customerNumber: Int?
    public var lines: [Line] = []
    public var netAmount: Decimal?
    public var hours: [Int64] = []
    public var materials: [Int64] = []
    public var productsToCreate: [String] = []
    public var export: ExportEntry?

    /// The order `draft` would make (nil when an interrupted export was finished) and the `export` made of it, if any.
    public init(draft: OrderDraft?, export: OrderExport?) {
        if let draft {
            project = draft.projectID
            customerNumber = draft.customerNumber
            lines = draft.lines.map {
                Line(lineNumber: $0.lineNumber, productNumber: $0.productNumber, description: $0.description, quantity: $0.quantity,
                     unitPrice: Self.amount($0.unitPrice), total: Self.amount($0.total), registrations: $0.registrationIDs)
            }
            netAmount = Self.amount(draft.total)
            hours = draft.hourIDs
            materials = draft.materialIDs
            productsToCreate = draft.missingProducts.sorted { $0.key < $1.key }.map(\.value)
        }
        self.export = export.map(ExportEntry.init)
    }

    /// An amount rounded to two decimals, as scripts read it (a number).
    public static func amount(_ value: Decimal) -> Decimal {
        var value = value, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        return rounded
    }
}
