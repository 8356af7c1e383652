import Replica
import Snapshot

/// The messy agreement: the demo agreement as real agreements hold it, in
/// realistic proportions. Every value below is legal in e-conomic, and each
/// has been seen in a real agreement:
///
/// - CVR fields with placeholders (`12345678`, `1234567890`, `Test`), `DK`
///   prefixes, GUIDs, the empty string, duplicates, and foreign VAT numbers on
///   customers in the EU and abroad VAT zones (about 45% of customers);
/// - e-mail fields with several addresses (space or `;`), empty, shared;
/// - names with leading or trailing spaces, up to 255 characters, and
///   `$ ( ) * , [ ]` and Danish letters;
/// - product numbers with spaces, `_`, `:`, `/`, `.`, `%`, `#`, `+`;
/// - negative sales and cost prices (deposit returns, discounts);
/// - fields econsync does not model (`ean`, `website`, `attention`,
///   `publicEntryNumber`, `creditLimit`, `barCode`, `description`).
///
/// ```swift
/// try DemoAgreement(size: .messy, messy: true).write(to: "Snapshots/messy-agreement.ndjson.gz")
/// ```
extension DemoAgreement.Size {
    /// The embedded messy agreement: 2,000 customers, 300 products.
    public static let messy = Self(customers: 2000, products: 300, employees: 12, projects: 45, timeEntries: 120)
}

extension DemoAgreement {
    /// The customer's CVR field and VAT zone, as real agreements have them.
    static func messyTaxNumber(_ index: Int, valid: String) -> (cvr: String, vatZone: Int) {
        switch index % 20 {
        case 11: ("12345678", 1)
        case 12: ("1234567890", 1)
        case 13: ("DK" + valid, 1)
        case 14: ("Test", 1)
        case 15: ("6F9619FF-8B86-D011-B42D-00C04FC9\(String(format: "%04d", index % 10_000))", 1)
        case 16: ("", 1)
        case 17: ("SE55667788990\(index % 10)", 2)
        case 18: ("DE1234567\(String(format: "%02d", index % 100))", 2)
        case 19: ("NO9876543\(String(format: "%02d", index % 100))MVA", 3)
        default: (valid, 1)
        }
    }

    func messyCustomer(_ record: Record, _ index: Int) -> Record {
        var data = record.data
        let (cvr, zone) = Self.messyTaxNumber(index, valid: data["corporateIdentificationNumber"]?.stringValue ?? "")
        data["corporateIdentificationNumber"] = .string(cvr)
        data["vatZone"] = .object(["vatZoneNumber": .int(Int64(zone))])
        if zone != 1 { data["country"] = .string(zone == 2 ? "Sverige" : "Norge") }
        let name = data["name"]?.stringValue ?? ""
        switch index % 9 {
        case 0: data["email"] = .string("info@\(Self.slug(name)).dk bogholderi@\(Self.slug(name)).dk")
        case 1: data["email"] = .string("info@\(Self.slug(name)).dk;faktura@\(Self.slug(name)).dk")
        case 2: data["email"] = .string("")
        case 3: data["email"] = .string("faktura@fælleskontor.dk")
        default: break
        }
        if index % 11 == 0 {
            data["name"] = .string("Byg (Nord) $\(index) [A/S], *VVS* & Søn")
        } else if index % 13 == 0 {
            data["name"] = .string(" \(name)  ")
        } else if index % 17 == 0 {
            data["name"] = .string(String((name + " — " + String(repeating: "Ærø Rørservice ", count: 20)).prefix(255)))
        }
        if index % 5 == 0 {
            data["ean"] = .string("579000\(String(format: "%07d", index))")
            data["website"] = .string("https://www.\(Self.slug(name)).dk")
            data["attention"] = .object(["customerContactNumber": .int(Int64(index * 2 + 1))])
            data["publicEntryNumber"] = .string(String(index))
            data["creditLimit"] = Self.money((index % 7 + 1) * 1_000_000)
        }
        return Record(kind: record.kind, key: record.key, data: data)
    }

    /// A product number as real agreements spell them (a third with characters paths must escape).
    static func messyProductNumber(_ index: Int) -> String {
        switch index % 10 {
        case 0: "VVS 15-\(index)"
        case 1: "RØR_22_\(index)"
        case 2: "K:\(index)/22"
        case 3: "PANT.\(index)%"
        case 4: "#\(index)+A"
        default: String(10_001 + index)
        }
    }

    func messyProduct(_ record: Record, _ index: Int) -> Record {
        var data = record.data
        let number = Self.messyProductNumber(index)
        data["productNumber"] = .string(number)
        let name = data["name"]?.stringValue ?? ""
        if index % 25 == 3 {
            data["name"] = .string("Pant retur, \(name)")
            data["salesPrice"] = Self.money(-5000)
            data["costPrice"] = Self.money(-5000)
        } else if index % 25 == 8 {
            data["name"] = .string("Rabat, \(name)")
            data["costPrice"] = .number("-12.5")
        }
        if index % 7 == 0 { data["name"] = .string((data["name"]?.stringValue ?? name) + "  ") }
        if index % 4 == 0 {
            data["barCode"] = .string("570\(String(format: "%010d", index))")
            data["description"] = .string("Varenr. \(number), se datablad")
        }
        return Record(kind: "product", key: .string(number), data: data)
    }

    /// The messy products, in snapshot order (their numbers do not sort as they are made).
    func messyProducts() -> [Record] {
        (0..<size.products).map { messyProduct(product($0), $0) }.sorted { $0.key < $1.key }
    }

    /// The first main project is named with every character filters must escape.
    func messyProject(_ record: Record, _ index: Int) -> Record {
        guard index == 0 else { return record }
        var data = record.data
        data["name"] = .string("Byg (Nord) $2, *etape* 1,2")
        return Record(kind: record.kind, key: record.key, data: data)
    }
}
