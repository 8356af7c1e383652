import Foundation

/// Word lists for realistic Danish field-service data: names, trades,
/// streets and towns, materials, project kinds, hour types, wholesalers.
///
/// ```swift
/// let town = DanishNames.towns[0]   // ("8000", "Aarhus C")
/// ```
public enum DanishNames {
    /// A name as it appears in an e-mail address or domain: lower case, æ, ø
    /// and å spelt ae, oe and aa, only letters and digits; `fallback` when
    /// nothing is left.
    public static func slug(_ name: String, fallback: String = "kunde") -> String {
        var slug = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "æ", "Æ": slug += "ae"
            case "ø", "Ø": slug += "oe"
            case "å", "Å": slug += "aa"
            case "A"..."Z": slug.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            case "a"..."z", "0"..."9": slug.unicodeScalars.append(scalar)
            default: continue
            }
        }
        return slug.isEmpty ? fallback : slug
    }

    public static let surnames = [
        "Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
        "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
        "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Lauridsen",
    ]
    public static let firstNames = [
        "Anders", "Bo", "Carsten", "Dorthe", "Emil", "Frederik", "Gitte", "Henrik", "Ida", "Jesper",
        "Karina", "Lars", "Mette", "Niels", "Ole", "Pia", "Rasmus", "Søren", "Tina", "Ulrik", "Vibeke",
    ]
    public static let trades = ["VVS", "El", "Tømrer", "Murer", "Maler", "Byg", "Entreprise", "Ejendomme", "Kloak", "Tag"]
    public static let companyForms = ["ApS", "A/S", "I/S", "& Søn ApS", "Holding ApS"]
    public static let institutions = ["Boligforeningen Vesterbo", "Andelsboligforeningen Solgården", "Ejerforeningen Havnen",
                               "Skolen ved Søerne", "Plejecenter Egebo", "Grundejerforeningen Skovly"]
    public static let streets = [
        "Vestergade", "Nørregade", "Algade", "Jernbanegade", "Søndergade", "Kirkevej", "Skovvej",
        "Strandvejen", "Industrivej", "Møllevej", "Åboulevarden", "Bredgade", "Ryesgade", "Fælledvej",
    ]
    public static let towns: [(zip: String, city: String)] = [
        ("8000", "Aarhus C"), ("5000", "Odense C"), ("9000", "Aalborg"), ("7100", "Vejle"), ("6000", "Kolding"),
        ("4000", "Roskilde"), ("2100", "København Ø"), ("8600", "Silkeborg"), ("7400", "Herning"),
        ("8700", "Horsens"), ("6700", "Esbjerg"), ("3000", "Helsingør"), ("8900", "Randers C"),
    ]
    public static let materials: [(name: String, unit: String, price: ClosedRange<Int>)] = [
        ("Kobberrør 15 mm", "stk.", 40...120), ("PEX-rør 16 mm", "stk.", 15...40), ("Kugleventil 1/2\"", "stk.", 60...180),
        ("Blandingsbatteri", "stk.", 600...2400), ("Toiletskål, væghængt", "stk.", 1500...4200),
        ("Radiator 600x1000", "stk.", 900...2600), ("Termostatventil", "stk.", 150...420),
        ("Elkabel 3x1,5 mm²", "stk.", 8...25), ("Stikkontakt, 1-fag", "stk.", 45...120), ("LED-spot", "stk.", 90...260),
        ("Gipsplade 12,5 mm", "stk.", 55...95), ("Spær 45x195", "stk.", 120...300), ("Skruer 5x50, pakke", "stk.", 60...140),
        ("Silikonefuge", "stk.", 50...110), ("Gulvafløb", "stk.", 300...900), ("Vandlås", "stk.", 80...240),
        ("Kørsel", "km", 3...4), ("Svejsning", "timer", 550...750),
    ]
    public static let projectKinds = [
        "Badeværelse", "Renovering af køkken", "Service", "Nybyggeri", "Fjernvarmeunit", "Tagudskiftning",
        "El-tjek", "Vinduesudskiftning", "Kloakering", "Tilbygning",
    ]
    public static let hourTypes: [(name: String, activity: Int?)] = [
        ("Montage", 1), ("Service", 2), ("Kørsel", 3), ("Overtid", 4), ("Lærlingetimer", nil),
    ]
    public static let suppliers: [(name: String, city: String)] = [
        ("Brødrene Dahl A/S", "Brøndby"), ("Sanistål A/S", "Aalborg"), ("Lemvigh-Müller A/S", "Ishøj"),
        ("Solar Danmark A/S", "Vejen"), ("STARK Danmark A/S", "Kolding"), ("AO Johansen A/S", "Glostrup"),
    ]
    public static let notes = ["Udskiftet pakning", "Ventetid på materialer", "Kunden ikke hjemme", "Ekstra arbejde aftalt", "Oprydning"]
}
