import Snapshot

/// The reference records an agreement has from its first day, added to a
/// seeded emulator whose seed lacks them, so that e-conomic's rules about them
/// (a project's group must exist, a supplier's group must exist) can hold.
///
/// A snapshot holds the kinds econsync pulls; project groups and supplier
/// groups are not among them, yet every project and supplier names one.
/// Which groups a new e-conomic agreement starts with is not documented: the
/// emulator adds one group of each project group type (1 Internal, 2 External
/// invoiceable, 3 External non-invoiceable) and supplier group 1, each only
/// when the seed has no record of that kind.
enum StandardRecords {
    static func adding(to seed: [Record]) -> [Record] {
        guard !seed.isEmpty else { return seed }
        let kinds = Set(seed.map(\.kind))
        var records = seed
        if !kinds.contains("projectGroup") {
            let groups: [(Int64, String)] = [(1, "Interne projekter"), (2, "Kundeprojekter"), (3, "Kundeprojekter uden fakturering")]
            records += groups.map { number, name in
                Record(kind: "projectGroup", key: .int(number), data: [
                    "number": .int(number), "name": .string(name), "type": .int(number),
                    "includeCostPriceInFinance": .bool(false), "includeSalesPriceInFinance": .bool(false),
                ])
            }
        }
        if !kinds.contains("supplierGroup") {
            records.append(Record(kind: "supplierGroup", key: .int(1), data: [
                "supplierGroupNumber": .int(1), "name": .string("Leverandører"), "account": .object(["accountNumber": .int(6800)]),
            ]))
        }
        return records
    }
}
