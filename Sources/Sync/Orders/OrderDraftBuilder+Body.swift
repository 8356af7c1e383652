import Foundation
import Reconcile
import Replica
import Snapshot

extension OrderDraftBuilder {
    /// The replica's records an export refers to, each read once.
    struct Names {
        let replica: ReplicaStore
        private var cache: [String: Any] = [:]

        init(replica: ReplicaStore) {
            self.replica = replica
        }

        mutating func record<R: ReplicaRecord>(_ type: R.Type, _ id: Int64) throws -> R {
            let key = "\(R.kind.rawValue)/\(id)"
            if let found = cache[key] as? R { return found }
            guard let found = try replica.fetch(R.self, id: id) else {
                throw SyncError(.invalidRequest, .order(.notInReplica(R.kind, id: id)), module: "orders")
            }
            cache[key] = found
            return found
        }
    }

    /// The `POST /orders/drafts` body: customer, layout, payment terms and
    /// recipient from the customer (payment terms falling back to
    /// `customers.paymentTerms`), the project as heading, and the lines.
    func body(_ draft: OrderDraft, customer: Customer, project: Project, date: String, names: inout Names) throws -> JSONValue {
        let own = try customer.paymentTermId.map { try names.record(PaymentTerm.self, $0).foreignKey } ?? nil
        let fallback = try CustomerSettings(replica: replica).paymentTerms
        guard let terms = own ?? fallback else {
            throw SyncError(.missingSetting, .order(.noPaymentTerms(customer: customer.name)), module: "orders",
                            action: .setConfig(key: "customers.paymentTerms"))
        }
        let zone = try customer.vatZoneId.map { try names.record(VatZone.self, $0).foreignKey } ?? nil
        var recipient: [String: JSONValue] = ["name": .string(customer.name), "vatZone": .object(["vatZoneNumber": .int(Int64(zone ?? 1))])]
        for (field, value) in [("address", customer.address), ("zip", customer.zip), ("city", customer.city), ("country", customer.country)] {
            if let value, !value.isEmpty { recipient[field] = .string(value) }
        }
        let heading = "Projekt \(project.foreignKey.map { "\($0) " } ?? "")\(project.name)"
        var order: [String: JSONValue] = [
            "date": .string(date), "currency": .string(customer.currency),
            "customer": .object(["customerNumber": .int(Int64(customer.foreignKey!))]),
            "layout": .object(["layoutNumber": .int(Int64(draft.layout.number))]),
            "paymentTerms": .object(["paymentTermsNumber": .int(Int64(terms))]),
            "recipient": .object(recipient),
            "notes": .object(["heading": .string(String(heading.prefix(250)))]),
        ]
        if let number = project.foreignKey { order["project"] = .object(["projectNumber": .int(Int64(number))]) }
        order["lines"] = .array(draft.lines.map { line in
            var fields: [String: JSONValue] = [
                "lineNumber": .int(Int64(line.lineNumber)), "description": .string(line.description),
                "quantity": LocalRecords.number(line.quantity), "unitNetPrice": Self.amount(line.unitPrice),
                "product": .object(["productNumber": .string(line.productNumber)]),
            ]
            if let unit = line.unitNumber { fields["unit"] = .object(["unitNumber": .int(Int64(unit))]) }
            return .object(fields)
        })
        return .object(order)
    }

    /// An amount as a canonical JSON number.
    static func amount(_ value: Decimal) -> JSONValue {
        let text = "\(value)"
        return .number(CanonicalJSON.canonicalNumber(text) ?? text)
    }
}
