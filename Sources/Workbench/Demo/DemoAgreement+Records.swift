import Replica
import Snapshot

/// The scalable kinds of ``DemoAgreement``, each a pure function of its index.
extension DemoAgreement {
    static func money(_ cents: Int) -> JSONValue {
        let text = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
        return .number(CanonicalJSON.canonicalNumber(text)!)
    }

    /// A Projects API `objectVersion` (opaque to clients; e-conomic's look like base64).
    static func objectVersion(_ kind: Int, _ index: Int) -> String {
        "AAAAAA" + String(kind, radix: 16).uppercased() + String(format: "%07X", index + 1)
    }

    /// A valid CVR number: seven random digits, the last bumped until a check digit exists.
    static func cvr(_ random: inout SeededRandom) -> String {
        var first7 = [random.int(1...9)] + (0..<6).map { _ in random.int(0...9) }
        while CVR.checkDigit(for: first7) == nil { first7[6] = (first7[6] + 1) % 10 }
        return (first7 + [CVR.checkDigit(for: first7)!]).map(String.init).joined()
    }

    /// A time of `lastUpdated` during 2026.
    static func lastUpdated(_ random: inout SeededRandom) -> JSONValue {
        let date = LocalDate(daysSinceEpoch: LocalDate("2026-01-05")!.daysSinceEpoch + random.int(0...290))
        return .string("\(date)T\(random.int(10...23)):\(random.int(10...59)):\(random.int(10...59))Z")
    }

    func customerName(_ index: Int) -> String {
        var random = random(1, index)
        if index % 10 == 7 { return "\(random.pick(DanishNames.institutions)) \(index + 1)" }
        return "\(random.pick(DanishNames.surnames)) \(random.pick(DanishNames.trades)) \(random.pick(DanishNames.companyForms))"
    }

    static func slug(_ name: String) -> String { DanishNames.slug(name) }

    func customer(_ index: Int) -> Record {
        var random = random(2, index)
        let name = customerName(index)
        let cvr = Self.cvr(&random)
        let town = random.pick(DanishNames.towns)
        var data: [String: JSONValue] = [
            "customerNumber": .int(Int64(1001 + index)), "name": .string(name), "currency": .string("DKK"),
            "customerGroup": .object(["customerGroupNumber": .int(index % 10 == 7 ? 2 : 1)]),
            "paymentTerms": .object(["paymentTermsNumber": .int(Int64(random.pick([1, 2, 4, 5])))]),
            "vatZone": .object(["vatZoneNumber": .int(1)]),
            "corporateIdentificationNumber": .string(cvr),
            "address": .string("\(random.pick(DanishNames.streets)) \(random.int(1...180))"),
            "zip": .string(town.zip), "city": .string(town.city), "country": .string("Danmark"),
            "telephoneAndFaxNumber": .string(String(random.int(20_000_000...99_999_999))),
            "email": .string("info@\(Self.slug(name)).dk"),
            "balance": Self.money(random.chance(0.4) ? random.int(0...25_000_000) : 0), "dueAmount": Self.money(0),
            "lastUpdated": Self.lastUpdated(&random),
        ]
        if random.chance(0.3) { data["layout"] = .object(["layoutNumber": .int(19)]) }
        return Record(kind: "customer", key: .int(Int64(1001 + index)), data: data)
    }

    /// One contact for every customer, a second for every other one.
    func contacts(ofCustomer index: Int) -> [Record] {
        let domain = Self.slug(customerName(index))
        return (0..<(index % 2 == 0 ? 2 : 1)).map { position in
            var random = random(3, index * 2 + position)
            let first = random.pick(DanishNames.firstNames)
            let number = index * 2 + position + 1
            return Record(kind: "contact", key: .int(Int64(number)), data: [
                "customerContactNumber": .int(Int64(number)), "name": .string("\(first) \(random.pick(DanishNames.surnames))"),
                "email": .string("\(Self.slug(first))@\(domain).dk"), "phone": .string(String(random.int(20_000_000...99_999_999))),
                "customer": .object(["customerNumber": .int(Int64(1001 + index))]),
            ])
        }
    }

    func product(_ index: Int) -> Record {
        var random = random(4, index)
        let material = DanishNames.materials[index % DanishNames.materials.count]
        let round = index / DanishNames.materials.count
        let number = size.products < 90_000 ? String(10_001 + index) : "P-" + String(100_000_000 + index).dropFirst()
        let cents = random.int(material.price.lowerBound * 100...material.price.upperBound * 100)
        let unit = Self.units.first { $0.1 == material.unit } ?? Self.units[0]
        let group = Self.productGroups[material.unit == "timer" ? 1 : 2]
        var data: [String: JSONValue] = [
            "productNumber": .string(number), "name": .string(round == 0 ? material.name : "\(material.name), variant \(round + 1)"),
            "salesPrice": Self.money(cents), "costPrice": Self.money(cents * 6 / 10), "recommendedPrice": Self.money(cents),
            "unit": .object(["unitNumber": .int(Int64(unit.0)), "name": .string(unit.1)]),
            "productGroup": .object(["productGroupNumber": .int(Int64(group.0)), "name": .string(group.1)]),
            "lastUpdated": Self.lastUpdated(&random),
        ]
        if random.chance(0.04) { data["barred"] = .bool(true) }
        return Record(kind: "product", key: .string(number), data: data)
    }

    func employee(_ index: Int) -> Record {
        var random = random(5, index)
        let first = random.pick(DanishNames.firstNames)
        return record("employee", index + 1, [
            "number": .int(Int64(index + 1)), "groupNumber": .int(1), "name": .string("\(first) \(random.pick(DanishNames.surnames))"),
            "isBarred": .bool(false),  // the Projects API spec requires it on employees, false included
            "objectVersion": .string(Self.objectVersion(5, index)),
            "email": .string("\(Self.slug(first)).\(index + 1)@mobilplan-demo.dk"), "phone": .string(String(random.int(20_000_000...99_999_999))),
        ])
    }

    /// Projects come in groups of three: a main project and two sub-projects.
    func project(_ index: Int) -> Record {
        var random = random(6, index / 3)
        let street = "\(random.pick(DanishNames.streets)) \(random.int(1...180))"
        let kind = random.pick(DanishNames.projectKinds)
        let customer = 1001 + random.int(0...max(0, size.customers - 1))
        var data: [String: JSONValue] = [
            "number": .int(Int64(index + 1)), "projectGroupNumber": .int(2), "customerNumber": .int(Int64(customer)),
            "lastUpdated": Self.lastUpdated(&random), "objectVersion": .string(Self.objectVersion(6, index)),
        ]
        switch index % 3 {
        case 0:
            data["name"] = .string("\(kind), \(street)")
            data["isMainProject"] = .bool(true)
        default:
            data["name"] = .string("Etape \(index % 3), \(street)")
            data["mainProjectNumber"] = .int(Int64(index / 3 * 3 + 1))
        }
        return record("project", index + 1, data)
    }

    func supplier(_ index: Int, _ supplier: (name: String, city: String)) -> Record {
        var random = random(7, index)
        let cvr = Self.cvr(&random)
        return record("supplier", index + 1, [
            "supplierNumber": .int(Int64(index + 1)), "name": .string(supplier.name), "currency": .string("DKK"), "city": .string(supplier.city),
            "supplierGroup": .object(["supplierGroupNumber": .int(1)]), "paymentTerms": .object(["paymentTermsNumber": .int(5)]),
            "vatZone": .object(["vatZoneNumber": .int(1)]), "layout": .object(["layoutNumber": .int(19)]),
            "corporateIdentificationNumber": .string(cvr),
            "email": .string("ordre@\(Self.slug(supplier.name)).dk"),
        ])
    }

    /// Time entries on sub-projects, already approved in e-conomic.
    func timeEntry(_ index: Int) -> Record {
        var random = random(8, index)
        let subProjects = (0..<size.projects).filter { $0 % 3 != 0 }.map { $0 + 1 }
        let date = LocalDate(daysSinceEpoch: LocalDate("2026-10-01")!.daysSinceEpoch + random.int(0...30))
        var data: [String: JSONValue] = [
            "number": .int(Int64(index + 1)), "projectNumber": .int(Int64(subProjects.isEmpty ? 1 : random.pick(subProjects))),
            "activityNumber": .int(Int64(random.int(1...4))), "employeeNumber": .int(Int64(random.int(1...max(1, size.employees)))),
            "date": .string("\(date)T00:00:00"), "numberOfHours": .number(CanonicalJSON.canonicalNumber(String(Double(random.int(1...16)) / 2))!),
            "lastUpdated": Self.lastUpdated(&random), "objectVersion": .string(Self.objectVersion(8, index)),
        ]
        data["isApproved"] = .bool(true)
        if random.chance(0.3) { data["text"] = .string(random.pick(DanishNames.notes)) }
        return record("timeEntry", index + 1, data)
    }
}
