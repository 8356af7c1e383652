internal import GRDB

/// One order export as the replica remembers it: the draft order sent to
/// e-conomic (recorded, with its idempotency key, before it is sent), the
/// local order its registrations were marked with, and how it ended. A
/// pending export is finished by exporting the project again.
public struct OrderExport: Codable, Equatable, Sendable {
    static let databaseTableName = "order_exports"

    /// How far an export got.
    public enum State: String, Codable, Sendable {
        /// Recorded; e-conomic may or may not have the order.
        case pending
        case confirmed
        /// e-conomic refused it; its registrations were released.
        case failed
        /// The draft was sent or archived in e-conomic: its registrations stay exported.
        case sent
        /// The draft was deleted in e-conomic: its registrations were released, to be exported again.
        case released

        /// Whether e-conomic holds the order, so its registrations stay on it (a pending one may hold it too).
        public var isLive: Bool { self == .confirmed || self == .sent }
    }

    public var id: Int64?
    public var orderId: Int64
    public var projectId: Int64
    public var idempotencyKey: String
    /// The draft order, as the JSON sent.
    public var body: String
    public var state: State
    /// e-conomic's order number, once confirmed.
    public var orderNumber: Int64?
    public var lines: Int
    /// The order's net amount, in the customer's currency.
    public var netAmount: String
    public var createdAt: String
    public var settledAt: String?
    public var error: String?

    public init(orderId: Int64, projectId: Int64, idempotencyKey: String, body: String, lines: Int, netAmount: String, createdAt: String) {
        self.orderId = orderId
        self.projectId = projectId
        self.idempotencyKey = idempotencyKey
        self.body = body
        self.state = .pending
        self.lines = lines
        self.netAmount = netAmount
        self.createdAt = createdAt
    }

    mutating func didInsert(rowID: Int64) {
        id = rowID
    }
}

extension ReplicaStore {
    /// The order exports of `project` (of every project when nil), newest first.
    public func orderExports(project: Int64? = nil) throws -> [OrderExport] {
        try read { db in
            var request = StoredEntry<OrderExport>.all().order(OrderExport.Columns.id.column.desc)
            if let project { request = request.filter(OrderExport.Columns.projectId.column == project) }
            return try request.fetchValues(db)
        }
    }

    /// The number e-conomic gave local order `orderID`: its newest live export's; nil when it has none (or no number yet).
    public func orderNumber(ofOrder orderID: Int64) throws -> Int64? {
        try read { db in
            try StoredEntry<OrderExport>.all().filter(OrderExport.Columns.orderId.column == orderID).order(OrderExport.Columns.id.column.desc)
                .fetchValues(db).first { $0.state.isLive }?.orderNumber
        }
    }
}

extension ReplicaWriter {
    /// Records an export before it is sent.
    public func insert(_ export: OrderExport) throws -> OrderExport {
        try StoredEntry.inserted(export, db)
    }

    /// Stores how an export ended.
    public func save(_ export: OrderExport) throws {
        try StoredEntry.update(export, db)
    }
}

extension OrderExport {
    /// The columns of `order_exports`, each named once: the case is the property, its raw
    /// value the column (`Columns.id.column` in requests).
    public enum Columns: String, CaseIterable, Sendable {
        case id
        case orderId = "order_id"
        case projectId = "project_id"
        case idempotencyKey = "idempotency_key"
        case body
        case state
        case orderNumber = "order_number"
        case lines
        case netAmount = "net_amount"
        case createdAt = "created_at"
        case settledAt = "settled_at"
        case error
    }
}

extension OrderExport: ColumnNaming {}

extension OrderExport: TableEntry {}
