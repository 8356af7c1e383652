import Foundation
import Reconcile
import Testing
import TestSupport

@Suite("OrderLines: templates, grouping, Danish formatting and totals of order export lines")
struct OrderLinesTests {
    static let project = "Villa Skovvej 12"

    static func hours(_ id: Int64, _ employee: String, _ employeeNumber: Int, _ type: String, _ product: String,
                      _ price: String, _ date: String, _ quantity: Double, _ note: String? = nil) -> OrderRegistration {
        OrderRegistration(kind: .hours, id: id, date: date, quantity: quantity, unitName: "timer", note: note,
                          employeeName: employee, employeeNumber: employeeNumber, typeName: type, productNumber: product,
                          unitNumber: 1, unitPrice: Decimal(string: price)!, projectName: project)
    }

    static func material(_ id: Int64, _ name: String, _ product: String, unit: String, _ unitNumber: Int, _ price: String,
                         _ date: String, _ quantity: Double, _ note: String? = nil) -> OrderRegistration {
        OrderRegistration(kind: .material, id: id, date: date, quantity: quantity, unitName: unit, note: note,
                          typeName: name, productNumber: product, unitNumber: unitNumber, unitPrice: Decimal(string: price)!,
                          projectName: project)
    }

    /// One week on a heating job: Montage is billed at the employee's rate (Mette's is higher), Service and
    /// Fejlfinding at product T2's price; copper pipe on two days, fittings once; notes missing, empty or repeated.
    /// Given out of order on purpose.
    static let fixture: [OrderRegistration] = [
        material(203, "Fittings", "FIT", unit: "stk", 4, "12.50", "2026-11-24", 8, ""),
        hours(105, "Mette Nielsen", 2, "Service", "T2", "395.00", "2026-11-24", 1.5, "Udluftning"),
        hours(101, "Jens Hansen", 1, "Montage", "T1", "425.00", "2026-11-23", 7.5, "Opsætning af radiatorer"),
        material(202, "Kobberrør 22 mm", "KR22", unit: "m", 3, "89.95", "2026-11-25", 3.5),
        hours(104, "Jens Hansen", 1, "Service", "T2", "395.00", "2026-11-24", 2.25, "Udluftning"),
        hours(103, "Mette Nielsen", 2, "Montage", "T1", "475.00", "2026-11-23", 6, ""),
        hours(106, "Mette Nielsen", 2, "Fejlfinding", "T2", "395.00", "2026-11-25", 0.75, "Termostat skiftet"),
        material(201, "Kobberrør 22 mm", "KR22", unit: "m", 3, "89.95", "2026-11-23", 12, "Fremløb"),
        hours(102, "Jens Hansen", 1, "Montage", "T1", "425.00", "2026-11-24", 4),
    ]

    static let hoursText = "$regnavn $dato $navn ($antal $enhed) $tekst"
    static let materialsText = "$regnavn $dato ($antal $enhed) $tekst"

    static func builder(_ grouping: OrderGrouping) throws -> OrderLineBuilder {
        OrderLineBuilder(hoursTemplate: try OrderTemplate(hoursText), materialsTemplate: try OrderTemplate(materialsText),
                         grouping: grouping)
    }

    /// An amount with at least two decimals: `425.00`, `0.333`.
    static func amount(_ value: Decimal) -> String {
        let text = value.description
        guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: text.index(after: dot), to: text.endIndex)
        return decimals < 2 ? text + String(repeating: "0", count: 2 - decimals) : text
    }

    /// A quantity as the decimal number it is written as: `7.5`, `4`.
    static func decimal(_ value: Double) -> Decimal { Decimal(string: "\(value)")! }

    static func table(_ lines: [OrderLineDraft], builder: OrderLineBuilder) -> String {
        var text = "# grouping \(builder.grouping.rawValue); hours \"\(builder.hoursTemplate)\"; materials \"\(builder.materialsTemplate)\"\n"
        text += "lineNumber | productNumber | description | quantity | unitPrice | total | ids\n"
        for line in lines {
            let ids = line.registrationIDs.map(String.init).joined(separator: ", ")
            text += "\(line.lineNumber) | \(line.productNumber) | \(line.description) | \(decimal(line.quantity)) | "
                + "\(amount(line.unitPrice)) | \(amount(line.total)) | \(ids)\n"
        }
        return text + "total \(amount(builder.total(lines)))\n"
    }

    @Test("each grouping renders the fixture as its golden table", arguments: OrderGrouping.allCases)
    func golden(grouping: OrderGrouping) throws {
        let builder = try Self.builder(grouping)
        try GoldenFile.check(Self.table(builder.lines(Self.fixture), builder: builder), against: "order-lines-\(grouping.rawValue).txt")
    }

    @Test("an unknown variable is named in the error, with the list of variables")
    func unknownVariable() {
        #expect(throws: OrderExportError.self) { try OrderTemplate("$nvan $regnavn") }
        do throws(OrderExportError) {
            _ = try OrderTemplate("$nvan $regnavn")
        } catch {
            #expect(error.code == .invalidTemplate)
            #expect(error.description == """
                unknown variable $nvan in "$nvan $regnavn"; variables are $navn ($employee), $regnavn ($type), \
                $dato ($date), $antal ($quantity), $enhed ($unit), $tekst ($text), $projekt ($project); $$ is a literal $
                """)
        }
        #expect(throws: OrderExportError.self) { try OrderTemplate("$Navn") }   // names are case-sensitive
        #expect(throws: OrderExportError.self) { try OrderTemplate("$navnet") } // a name is the whole run of letters
    }

    @Test("a $ with no variable name after it is rejected: at the end and before a non-letter")
    func loneDollar() {
        for text in ["Timer $", "$", "Pris $ 5", "$1"] {
            do throws(OrderExportError) {
                _ = try OrderTemplate(text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.code == .invalidTemplate)
                #expect(error.message.hasPrefix("lone $"), "\(error)")
                #expect(error.message.contains("\"\(text)\""), "\(error)")
                #expect(error.advice.hasPrefix("write $$ for a literal $"), "\(error)")
            }
        }
        #expect((try? OrderTemplate("Timer $"))?.text == nil)
    }

    @Test("$$ is a literal $, also before a variable's name; a name ends at the first non-letter")
    func literalsAndBoundaries() throws {
        let values = OrderTemplate.Values(employee: "Jens Hansen", type: "Montage", quantity: "7,5")
        #expect(try OrderTemplate("Pris i $$: $antal").render(values) == "Pris i $: 7,5")
        #expect(try OrderTemplate("$$navn").render(values) == "$navn")
        #expect(try OrderTemplate("$$$navn").render(values) == "$Jens Hansen")
        #expect(try OrderTemplate("$navn,$regnavn.").render(values) == "Jens Hansen,Montage.")
        #expect(try OrderTemplate("$regnavn/$navn").render(values) == "Montage/Jens Hansen")
        #expect(try OrderTemplate("$navn2").render(values) == "Jens Hansen2")
        #expect(try OrderTemplate("$regnavn $navn").variables == [.type, .employee])
    }

    @Test("English aliases render the same as the Danish names")
    func aliases() throws {
        let values = OrderTemplate.Values(employee: "Mette Nielsen", type: "Service", date: "24-11-2026", quantity: "1,5",
                                          unit: "timer", text: "Udluftning", project: Self.project)
        let danish = try OrderTemplate("$navn $regnavn $dato $antal $enhed $tekst $projekt")
        let english = try OrderTemplate("$employee $type $date $quantity $unit $text $project")
        #expect(danish.render(values) == english.render(values))
        #expect(english.render(values) == "Mette Nielsen Service 24-11-2026 1,5 timer Udluftning Villa Skovvej 12")
        #expect(try OrderTemplate("$employee $navn").variables == [.employee])
        for variable in OrderTemplate.Variable.allCases {
            #expect(OrderTemplate.Variable(name: variable.danishName) == variable)
            #expect(OrderTemplate.Variable(name: variable.englishName) == variable)
        }
    }

    @Test("an empty or missing note leaves no double space and no trailing space")
    func emptyNote() throws {
        let template = try OrderTemplate("$regnavn $tekst $navn  $tekst")
        #expect(template.render(.init(employee: "Jens Hansen", type: "Montage")) == "Montage Jens Hansen")
        #expect(template.render(.init(employee: "Jens Hansen", type: "Montage", text: "Ny")) == "Montage Ny Jens Hansen Ny")
        let builder = OrderLineBuilder(hoursTemplate: try OrderTemplate("$tekst $navn $regnavn $tekst"))
        let lines = builder.lines([Self.hours(1, "Jens Hansen", 1, "Montage", "T1", "425", "2026-11-23", 1, "  "),
                                   Self.hours(2, "Jens Hansen", 1, "Montage", "T1", "425", "2026-11-24", 1)])
        #expect(lines.map(\.description) == ["Jens Hansen Montage", "Jens Hansen Montage"])
    }

    @Test("default templates: hours \"$navn $regnavn\", materials \"$regnavn\"")
    func defaults() {
        #expect(OrderTemplate.defaultHours == (try? OrderTemplate("$navn $regnavn")))
        #expect(OrderTemplate.defaultMaterials == (try? OrderTemplate("$regnavn")))
        let lines = OrderLineBuilder().lines(Self.fixture)
        #expect(lines.count == Self.fixture.count)
        #expect(lines.first?.description == "Jens Hansen Montage")
        #expect(lines.last?.description == "Kobberrør 22 mm")
    }

    @Test("Danish formatting: dd-MM-yyyy dates, decimal comma without trailing zeros; project; description cut at 2500")
    func danishFormatting() throws {
        let builder = OrderLineBuilder(hoursTemplate: try OrderTemplate("$antal|$dato|$projekt"), grouping: .type)
        let registrations = [Self.hours(1, "Jens Hansen", 1, "Montage", "T1", "425", "2026-11-27", 0.25),
                             Self.hours(2, "Jens Hansen", 1, "Service", "T2", "395", "2026-11-27T00:00:00", 2),
                             Self.hours(3, "Jens Hansen", 1, "Kørsel", "T3", "5", "2026-12-01", 0.1),
                             Self.hours(4, "Jens Hansen", 1, "Kørsel", "T3", "5", "2026-12-02", 0.2),
                             Self.hours(5, "Jens Hansen", 1, "Kørsel", "T3", "5", "2026-12-03", 1e-5)]
        #expect(builder.lines(registrations).map(\.description)
            == ["0,25|27-11-2026|Villa Skovvej 12", "2|27-11-2026|Villa Skovvej 12", "0,30001|01-12-2026–03-12-2026|Villa Skovvej 12"])
        #expect(builder.lines(registrations).last?.quantity == 0.30001, "summed as decimals, not 0.30001000000000004")

        let long = String(repeating: "Radiator ", count: 400)
        let cut = OrderLineBuilder(hoursTemplate: try OrderTemplate("$tekst"))
            .lines([Self.hours(1, "Jens Hansen", 1, "Montage", "T1", "425", "2026-11-27", 1, long + "æøå🙂")])
        #expect(cut[0].description.count == OrderLineBuilder.descriptionLimit)
        #expect(long.hasPrefix(cut[0].description))
        let emoji = String(repeating: "🙂", count: 1300)
        let cutEmoji = OrderLineBuilder(hoursTemplate: try OrderTemplate("$tekst"))
            .lines([Self.hours(1, "Jens Hansen", 1, "Montage", "T1", "425", "2026-11-27", 1, emoji)])
        #expect(cutEmoji[0].description.utf16.count == 2500 && cutEmoji[0].description.count == 1250, "cut between characters")
    }

    @Test("line totals are quantity × unit price rounded half away from zero to two decimals, in Decimal")
    func totals() {
        func line(_ quantity: Double, _ price: String) -> OrderLineDraft {
            OrderLineDraft(lineNumber: 1, productNumber: "T1", description: "", quantity: quantity,
                           unitPrice: Decimal(string: price)!, unitNumber: nil, registrationIDs: [1])
        }
        #expect(line(7.5, "425.00").total == Decimal(string: "3187.50")!)
        #expect(line(3, "0.333").total == Decimal(string: "1.00")!)
        #expect(line(1, "0.333").total == Decimal(string: "0.33")!)
        #expect(line(0.5, "0.01").total == Decimal(string: "0.01")!)
        #expect(line(-0.5, "0.01").total == Decimal(string: "-0.01")!)
        #expect(line(3.5, "89.95").total == Decimal(string: "314.83")!)
        #expect(line(0.1, "3").total == Decimal(string: "0.3")!)
        let lines = [line(3, "0.333"), line(3, "0.333"), line(3, "0.333")]
        #expect(OrderLineBuilder().total(lines) == Decimal(string: "3.00")!, "the sum of rounded line totals, not 2.997")
    }

    @Test("different unit prices never share a line, whatever the grouping; 425 and 425.00 are one price", arguments: OrderGrouping.allCases)
    func pricesSeparate(grouping: OrderGrouping) {
        let registrations = [Self.hours(1, "Jens Hansen", 1, "Montage", "T1", "425", "2026-11-23", 2),
                             Self.hours(2, "Jens Hansen", 1, "Montage", "T1", "450", "2026-11-23", 3),
                             Self.hours(3, "Jens Hansen", 1, "Montage", "T1", "425.00", "2026-11-23", 1)]
        let lines = OrderLineBuilder(grouping: grouping).lines(registrations)
        #expect(Set(lines.map { Set($0.registrationIDs) }) == (grouping == .none ? [[1], [2], [3]] : [[1, 3], [2]]))
        #expect(lines.allSatisfy { line in line.registrationIDs.allSatisfy { id in registrations[Int(id) - 1].unitPrice == line.unitPrice } })
    }

    /// Registrations drawn from a fixed seed: several employees, types, products, prices and days.
    static func generated(count: Int, seed: UInt64) -> [OrderRegistration] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let types = [("Montage", "T1"), ("Service", "T2"), ("Fejlfinding", "T2"), ("Kørsel", "T3")]
        let employees = ["Jens Hansen", "Mette Nielsen", "Søren Østergaard"]
        let materials = [("Kobberrør 22 mm", "KR22", "m"), ("Fittings", "FIT", "stk"), ("Isolering", "ISO", "m")]
        let notes: [String?] = [nil, "", "Udluftning", "Termostat skiftet", "Ekstra arbejde"]
        return (0..<count).map { index in
            let date = "2026-11-\(String(20 + next(8)))"
            let quantity = Double(next(40) + 1) / 10
            let note = notes[next(notes.count)]
            if next(3) == 0 {
                let (name, product, unit) = materials[next(materials.count)]
                return material(Int64(index + 1), name, product, unit: unit, 3, ["89.95", "99.95"][next(2)], date, quantity, note)
            }
            let (type, product) = types[next(types.count)]
            let employee = next(employees.count)
            return hours(Int64(index + 1), employees[employee], employee + 1, type, product,
                         ["395", "425", "475"][next(3)], date, quantity, note)
        }
    }

    @Test("every grouping keeps quantities per kind and product, uses every registration once, ignores input order",
          arguments: OrderGrouping.allCases)
    func conservation(grouping: OrderGrouping) throws {
        let builder = try Self.builder(grouping)
        for registrations in [Self.fixture, Self.generated(count: 300, seed: 7), Self.generated(count: 50, seed: 2026)] {
            let lines = builder.lines(registrations)
            let byID = Dictionary(uniqueKeysWithValues: registrations.map { ($0.id, $0) })
            let ids = lines.flatMap(\.registrationIDs)
            #expect(ids.count == registrations.count && Set(ids) == Set(byID.keys), "every id in exactly one line")
            #expect(lines.map(\.lineNumber) == Array(1...lines.count))

            var expected: [String: Decimal] = [:], actual: [String: Decimal] = [:]
            for registration in registrations {
                expected["\(registration.kind) \(registration.productNumber)", default: 0] += Self.decimal(registration.quantity)
            }
            for line in lines {
                let members = line.registrationIDs.map { byID[$0]! }
                #expect(Set(members.map(\.kind)).count == 1 && members.allSatisfy { $0.productNumber == line.productNumber })
                #expect(members.allSatisfy { $0.unitPrice == line.unitPrice })
                actual["\(members[0].kind) \(line.productNumber)", default: 0] += Self.decimal(line.quantity)
            }
            #expect(actual == expected)
            if grouping == .none { #expect(lines.count == registrations.count) }

            let kinds = lines.map { byID[$0.registrationIDs[0]]!.kind }
            #expect(kinds == kinds.sorted(), "hours before materials")
            #expect(builder.lines(registrations.reversed()) == lines, "input order does not matter")
            #expect(builder.lines(registrations.sorted { $0.typeName > $1.typeName }) == lines, "input order does not matter")
            #expect(builder.total(lines) == lines.reduce(Decimal(0)) { $0 + $1.total })
        }
    }
}

/// Golden files beside this file, in `Golden/`, read through `#filePath` (no bundle resources);
/// `UPDATE_GOLDEN=1` rewrites them.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let problem = try GoldenComparison.compare(actual, with: directory.appendingPathComponent(name)) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }
}
