import Snapshot

/// e-conomic refuses to delete a record something still refers to (REFERENCE
/// §3.8 "Can't delete a unit in use", §3.9 "Can't delete a product in use"):
/// a unit named by a product, a customer named by a project (Projects API
/// `customerNumber`) or by an order (draft, sent or archived), a product
/// named by an order line. The refusal is e-conomic's legacy error shape, 400 with a message
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
        /// An order's `customer.customerNumber` (draft, sent or archived).
        case orderCustomer
        /// A product on an order line, `lines[].product.productNumber`.
        case orderLineProduct

        /// The kind of record this reference points at.
        var target: RecordKind {
            switch self {
            case .productUnit: .unit
            case .projectCustomer, .orderCustomer: .customer
            case .orderLineProduct: .product
            }
        }

        /// The kinds of record holding the reference.
        var holders: [RecordKind] {
            switch self {
            case .productUnit: [.product]
            case .projectCustomer: [.project]
            case .orderCustomer, .orderLineProduct: RecordKind.orderStages
            }
        }

        /// How a holder of `kind` is named in the message.
        func holderName(_ kind: RecordKind) -> String {
            switch self {
            case .productUnit: "product"
            case .projectCustomer: "project"
            case .orderCustomer: kind.orderName
            case .orderLineProduct: "a line of \(kind.orderName)"
            }
        }

        /// Whether `data` (a record of ``holder``) refers to `key`.
        func refers(_ data: [String: JSONValue], to key: RecordKey) -> Bool {
            switch self {
            case .productUnit: return data["unit"]?["unitNumber"]?.intValue.map(RecordKey.int) == key
            case .projectCustomer: return data["customerNumber"]?.intValue.map(RecordKey.int) == key
            case .orderCustomer: return data["customer"]?["customerNumber"]?.intValue.map(RecordKey.int) == key
            case .orderLineProduct:
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
            referrer.holders.flatMap { holder in
                store.all(holder).filter { referrer.refers($0.data, to: key) }.map { (name: referrer.holderName(holder), key: $0.key) }
            }
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
