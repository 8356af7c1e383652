import EconomicWire
import Foundation
import Snapshot

/// `POST /orders/drafts` and `PUT /orders/drafts/{n}`: the order is checked
/// like e-conomic checks it (customer, layout, payment terms, recipient with
/// name and VAT zone, lines with products) and its amounts are computed:
/// each line `quantity × unitNetPrice × (1 − discountPercentage/100)`, VAT 25 %
/// for VAT zone 1 (domestic), gross = net + VAT.
enum DraftOrders {
    static let vatRate = Decimal(string: "0.25")!

    static func write(key pathKey: RecordKey?, env: RequestEnvironment, state: inout EmulatorState) -> EmulatorResponse {
        let resource = RESTResource.draftOrders
        let scope = RESTRouter.Scope(collectionPath: resource.path)
        var fields: [String: JSONValue]
        switch RESTWrites.parseObject(env) {
        case .success(let object): fields = object
        case .failure(let error): return error.response
        }
        if let refusal = WriteSchemaCheck.legacy(.order, body: fields, env: env) { return refusal }
        if let lines = fields["lines"] { fields["lines"] = resolvingProductLinks(lines) }
        var errors = ValidationErrors()
        errors.rejectNulls(in: .object(fields)) { RESTWrites.expectedType(.order, $0, store: state.store) }
        guard errors.isEmpty else { return LegacyErrors.validation(env, errors) }
        let existing = pathKey.flatMap { state.store.get(.order, $0) }
        if let pathKey, existing == nil, let stage = RecordKind.orderStages.first(where: { state.store.contains($0, pathKey) }) {
            // e-conomic's answer is not recorded; the emulator refuses rather than make a second order with the number.
            return LegacyErrors.body(400, "Order \(ReferenceGuard.quoted(pathKey)) is \(stage == .sentOrder ? "sent" : "archived") and is no draft.",
                                     hint: "A sent or archived order cannot be written as a draft.", env: env, errorCode: "E07010")
        }
        let settable = WriteSchemaCheck.settable(fields, of: resource, env: env, existing: existing)
        var data = RESTWrites.prepare(resource, settable, existing: existing, errors: &errors, store: state.store)
        if let date = data["date"]?.stringValue, Timestamps.parse(date) == nil || date.count != 10 {
            errors.add(field: "date", code: "E04300", message: "date must be a date (yyyy-MM-dd).", value: .string(date))
        }
        let vatZone = checkRecipient(&data, errors: &errors, store: state.store)
        let totals = computeLines(&data, errors: &errors, store: state.store)
        guard errors.isEmpty else { return LegacyErrors.validation(env, errors) }

        // Drafts, sent and archived orders share one number sequence: a new draft never takes a sent order's number.
        let key = pathKey ?? .int(RecordKind.orderStages.map { state.store.nextNumber($0) }.max()!)
        let vat = vatZone == 1 ? round2(totals.net * vatRate) : 0
        data["orderNumber"] = key.json
        data["exchangeRate"] = data["exchangeRate"] ?? .int(100)
        data["netAmount"] = .decimal(totals.net)
        data["netAmountInBaseCurrency"] = .decimal(totals.net)
        data["vatAmount"] = .decimal(vat)
        data["grossAmount"] = .decimal(totals.net + vat)
        data["grossAmountInBaseCurrency"] = .decimal(totals.net + vat)
        data["roundingAmount"] = .int(0)
        data["costPriceInBaseCurrency"] = .decimal(totals.cost)
        data["marginInBaseCurrency"] = .decimal(totals.net - totals.cost)
        data["marginPercentage"] = .decimal(totals.net == 0 ? 0 : round2((totals.net - totals.cost) / totals.net * 100))
        if let terms = data["paymentTerms"]?["paymentTermsNumber"]?.intValue, let term = state.store.get(.paymentTerm, .int(terms)) {
            var expanded: [String: JSONValue] = ["paymentTermsNumber": .int(terms)]
            for name in ["daysOfCredit", "name", "paymentTermsType"] { if let value = term[name] { expanded[name] = value } }
            data["paymentTerms"] = .object(expanded)
            if data["dueDate"] == nil, term["paymentTermsType"]?.stringValue == "net", let days = term["daysOfCredit"]?.intValue,
               let date = data["date"]?.stringValue.flatMap(Timestamps.parse) {
                data["dueDate"] = .string(Timestamps.day(date.addingTimeInterval(TimeInterval(days) * 86400)))
            }
        }
        data["lastUpdated"] = .string(env.timestamp)
        state.store.put(.order, key, data)
        let created = existing == nil
        let body = RESTRouter.present(resource, scope: scope, key: key, data: data, env: env)
        let location = RESTRouter.selfURL(resource, scope: scope, key: key, env: env)
        return .json(created ? 201 : 200, body, headers: created ? [("Location", location)] : [])
    }

    /// Checks `recipient` (required, with `name` and `vatZone`); returns the VAT zone number.
    static func checkRecipient(_ data: inout [String: JSONValue], errors: inout ValidationErrors, store: RecordStore) -> Int64? {
        guard case .object(var recipient)? = data["recipient"] else {
            errors.add(field: "recipient", code: "E04100", message: "Property recipient is required.")
            return nil
        }
        if (recipient["name"]?.stringValue ?? "").isEmpty {
            errors.add([.field("recipient"), .field("name")], code: "E04100", message: "Property name is required.")
        }
        guard let zone = recipient["vatZone"]?["vatZoneNumber"]?.intValue else {
            errors.add([.field("recipient"), .field("vatZone")], code: "E04100", message: "Property vatZone is required.")
            return nil
        }
        if zone >= 1, store.count(.vatZone) > 0, !store.contains(.vatZone, .int(zone)) {
            errors.add([.field("recipient"), .field("vatZone"), .field("vatZoneNumber")], code: "E06000",
                       message: "vatZone does not exist.", value: .int(zone))
        }
        recipient["vatZone"] = .object(["vatZoneNumber": .int(zone)])
        data["recipient"] = .object(recipient)
        return zone
    }

    /// `lines` with each product given by its `self` link alone numbered from
    /// the link (e-conomic takes either, REFERENCE §2.1), the link read in the
    /// `_N_` escaping (§2.9): a link not in it names no product.
    static func resolvingProductLinks(_ lines: JSONValue) -> JSONValue {
        guard case .array(let items) = lines else { return lines }
        return .array(items.map { item in
            guard case .object(var line) = item, case .object(var product)? = line["product"], product["productNumber"] == nil,
                  let link = product["self"]?.stringValue, let last = link.split(separator: "/").last,
                  let number = ProductNumberEncoding.decode(last) else { return item }
            product["productNumber"] = .string(number)
            line["product"] = .object(product)
            return .object(line)
        })
    }

    /// Checks the lines (a product must exist and come before quantity and price)
    /// and fills in each line's `totalNetAmount`; returns the order's net and cost.
    static func computeLines(_ data: inout [String: JSONValue], errors: inout ValidationErrors, store: RecordStore) -> (net: Decimal, cost: Decimal) {
        guard let value = data["lines"] else { return (0, 0) }
        guard case .array(let lines) = value else {
            errors.add(field: "lines", code: "E04300", message: "Expected Array but got \(value.typeName).")
            return (0, 0)
        }
        var net: Decimal = 0, cost: Decimal = 0
        var result: [JSONValue] = []
        for (index, item) in lines.enumerated() {
            guard case .object(var line) = item else {
                errors.add([.field("lines"), .index(index)], code: "E04300", message: "Expected Object but got \(item.typeName).")
                continue
            }
            let at: [ValidationErrors.Step] = [.field("lines"), .index(index)]
            var product: [String: JSONValue]?
            if let number = line["product"]?["productNumber"] {
                guard let text = number.stringValue, let found = store.get(.product, .string(text)) else {
                    errors.add(at + [.field("product"), .field("productNumber")], code: "E06000", message: "product does not exist.", value: number)
                    continue
                }
                product = found
                line["product"] = .object(["productNumber": .string(text)])
            } else if line["product"] != nil {
                errors.add(at + [.field("product"), .field("productNumber")], code: "E04500",
                           message: "product is missing its identifier productNumber.")
                continue
            } else if line["quantity"] != nil || line["unitNetPrice"] != nil {
                errors.add(at + [.field("quantity")], code: "E04730", message: "Property quantity must have a value when product is set.")
            }
            if let unit = line["unit"]?["unitNumber"]?.intValue, let found = store.get(.unit, .int(unit)) {
                line["unit"] = .object(["unitNumber": .int(unit), "name": found["name"] ?? .string("")])
            }
            let quantity = line["quantity"]?.decimalValue ?? 1
            let price = line["unitNetPrice"]?.decimalValue ?? product?["salesPrice"]?.decimalValue ?? 0
            let discount = line["discountPercentage"]?.decimalValue ?? 0
            let unitCost = line["unitCostPrice"]?.decimalValue ?? product?["costPrice"]?.decimalValue ?? 0
            let total = round2(quantity * price * (1 - discount / 100))
            line["quantity"] = .decimal(quantity)
            line["unitNetPrice"] = .decimal(price)
            line["discountPercentage"] = .decimal(discount)
            line["unitCostPrice"] = .decimal(unitCost)
            line["totalNetAmount"] = .decimal(total)
            line["lineNumber"] = line["lineNumber"] ?? .int(Int64(index + 1))
            line["sortKey"] = line["sortKey"] ?? .int(Int64(index + 1))
            if line["description"] == nil, let name = product?["name"] { line["description"] = name }
            net += total
            cost += round2(quantity * unitCost)
            result.append(.object(line))
        }
        data["lines"] = .array(result)
        return (net, cost)
    }

    /// Rounds half away from zero to two decimals, as amounts are.
    static func round2(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return output
    }
}
