import Snapshot

/// The kinds of record the emulator serves: e-conomic's resources, named as
/// snapshots name them (`"customer"`, `"timeEntry"`).
///
/// This is e-conomic's list, not econsync's: it has the groups econsync only
/// refers to by number (`projectGroup`, `supplierGroup`) and lacks what lives
/// only in Mobilplan (materials). The emulator is the instrument that checks
/// the client, so it spells e-conomic's resources on its own; a test in
/// `EconomicTests` holds econsync's kinds to it.
enum RecordKind: String, CaseIterable, Sendable {
    case unit, product, productGroup, customer, contact, customerGroup, paymentTerm, vatZone, layout
    case supplier, supplierGroup, employee, hourType, project, projectGroup, timeEntry, order, department
    /// Orders sent (`/orders/sent`) and archived (`/orders/archived`); `order` is a draft (`/orders/drafts`).
    /// An order keeps its number from draft to sent to archived.
    case sentOrder, archivedOrder

    /// The kinds an order is stored as on its way: draft, sent, archived. They share one number sequence.
    static let orderStages: [RecordKind] = [.order, .sentOrder, .archivedOrder]

    /// How an order of this kind is named in messages: "draft order", "sent order", "archived order".
    var orderName: String {
        switch self {
        case .sentOrder: "sent order"
        case .archivedOrder: "archived order"
        default: "draft order"
        }
    }
}

extension RecordStore {
    func count(_ kind: RecordKind) -> Int { count(kind.rawValue) }

    func get(_ kind: RecordKind, _ key: RecordKey) -> [String: JSONValue]? { get(kind.rawValue, key) }

    func contains(_ kind: RecordKind, _ key: RecordKey) -> Bool { contains(kind.rawValue, key) }

    /// The records of `kind`, sorted by key.
    func all(_ kind: RecordKind) -> [(key: RecordKey, data: [String: JSONValue])] { all(kind.rawValue) }

    mutating func put(_ kind: RecordKind, _ key: RecordKey, _ data: [String: JSONValue]) { put(kind.rawValue, key, data) }

    @discardableResult
    mutating func remove(_ kind: RecordKind, _ key: RecordKey) -> [String: JSONValue]? { remove(kind.rawValue, key) }

    /// The next server-assigned number of `kind`.
    func nextNumber(_ kind: RecordKind) -> Int64 { nextNumber(kind.rawValue) }
}
