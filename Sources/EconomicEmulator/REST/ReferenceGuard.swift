import Snapshot

/// e-conomic refuses to delete a record something still refers to (REFERENCE
/// §3.8 "Can't delete a unit in use", §3.9 "Can't delete a product in use"):
/// a unit named by a product, a customer named by a project (Projects API
/// `customerNumber`) or by a draft order, a product named by a draft order
/// line. The refusal is e-conomic's legacy error shape, 400 with a message
/// naming the records that refer to it.
///
/// e-conomic documents neither the status, the error code nor the wording of
/// this refusal; 400 `E06100` and the message are the emulator's choice.
enum ReferenceGuard {
    /// One kind of reference that keeps its target from being deleted.
    enum Referrer: CaseIterable, Sendable {
        /// A product's `unit.unitNumber`.
        case productUnit
        /// A project's `customerNumber` (Projects API).
        case projectCustomer
        /// A draft order's `customer.customerNumber`.
        case draftOrderCustomer
        /// A product on a draft order line, `lines[].product.productNumber`.
        case draftOrderLineProduct

        /// The kind of record this reference points at.
        var target: RecordKind {
            switch self {
            case .productUnit: .unit
            case .projectCustomer, .draftOrderCustomer: .customer
            case .draftOrderLineProduct: .product
            }
        }

        /// The kind of record holding the reference.
        var holder: RecordKind {
            switch self {
            case .productUnit: .product
            case .projectCustomer: .project
            case .draftOrderCustomer, .draftOrderLineProduct: .order
            }
        }

        /// How a holder is named in the message.
        var holderName: String {
            switch self {
            case .productUnit: "product"
            case .projectCustomer: "project"
            case .draftOrderCustomer: "draft order"
            case .draftOrderLineProduct: "a line of draft order"
            }
        }

        /// Whether `data` (a record of ``holder``) refers to `key`.
        func refers(_ data: [String: JSONValue], to key: RecordKey) -> Bool {
            switch self {
            case .productUnit: return data["unit"]?["unitNumber"]?.intValue.map(RecordKey.int) == key
            case .projectCustomer: return data["customerNumber"]?.intValue.map(RecordKey.int) == key
            case .draftOrderCustomer: return data["customer"]?["customerNumber"]?.intValue.map(RecordKey.int) == key
            case .draftOrderLineProduct:
                guard case .array(let lines)? = data["lines"] else { return false }
                return lines.contains { $0["product"]?["productNumber"]?.stringValue.map(RecordKey.string) == key }
            }
        }
    }

    /// How many referring records a message names before it says "and N more".
    static let namedInMessage = 3

    /// The records of `store` that keep `kind` `key` from being deleted, as
    /// `(how it is named, its key)`, in ``Referrer`` order, then key order.
    static func referrers(of kind: RecordKind, _ key: RecordKey, in store: RecordStore) -> [(name: String, key: RecordKey)] {
        Referrer.allCases.filter { $0.target == kind }.flatMap { referrer in
            store.all(referrer.holder).filter { referrer.refers($0.data, to: key) }.map { (name: referrer.holderName, key: $0.key) }
        }
    }

    /// The 400 to answer a DELETE of `resource` `key` while something refers to it; nil when it may go.
    static func refusal(_ resource: RESTResource, key: RecordKey, env: RequestEnvironment, store: RecordStore) -> EmulatorResponse? {
        let found = referrers(of: resource.kind, key, in: store)
        guard !found.isEmpty else { return nil }
        var named = found.prefix(namedInMessage).map { "\($0.name) \(quoted($0.key))" }.joined(separator: ", ")
        if found.count > namedInMessage { named += " and \(found.count - namedInMessage) more" }
        return LegacyErrors.body(400, "\(resource.keyField) \(quoted(key)) is used by \(named) and cannot be deleted.",
                                 hint: "Remove the references to it first.", env: env, errorCode: "E06100")
    }

    /// A key as a message names it: numbers as they are, product numbers in quotes.
    static func quoted(_ key: RecordKey) -> String {
        switch key {
        case .int(let value): String(value)
        case .string(let value): "'\(value)'"
        }
    }
}
