/// The text of an order line, written with variables such as `$navn` and `$regnavn`.
///
/// A template is parsed once, so a typo is reported when it is configured,
/// not when an order is exported; rendering then only substitutes values.
/// Variables are named in Danish or English (`$navn` or `$employee`), a name
/// ends at the first character that is not a letter (`$navn,` works), and
/// `$$` is a literal `$`.
///
/// ```swift
/// let template = try OrderTemplate("$navn $regnavn $tekst")
/// template.render(.init(employee: "Jens Hansen", type: "Montage"))  // "Jens Hansen Montage"
/// ```
public struct OrderTemplate: Sendable, Equatable, CustomStringConvertible {
    /// A value a template can show, with its Danish name and English alias.
    public enum Variable: String, CaseIterable, Sendable {
        /// `$navn` (`$employee`): the employee's name, or names of a merged line.
        case employee = "navn"
        /// `$regnavn` (`$type`): the hour type's name, or the product's name for a material.
        case type = "regnavn"
        /// `$dato` (`$date`): the day as `dd-MM-yyyy`, or `first–last` for a line spanning days.
        case date = "dato"
        /// `$antal` (`$quantity`): the quantity with a decimal comma, e.g. `7,5`.
        case quantity = "antal"
        /// `$enhed` (`$unit`): the unit's name.
        case unit = "enhed"
        /// `$tekst` (`$text`): the registration's note, or the distinct notes of a merged line.
        case text = "tekst"
        /// `$projekt` (`$project`): the project's name.
        case project = "projekt"

        /// The Danish name, without `$`.
        public var danishName: String { rawValue }

        /// The English alias, without `$`.
        public var englishName: String {
            switch self {
            case .employee: "employee"
            case .type: "type"
            case .date: "date"
            case .quantity: "quantity"
            case .unit: "unit"
            case .text: "text"
            case .project: "project"
            }
        }

        /// The variable with this Danish or English name (without `$`), if any.
        public init?(name: String) {
            guard let found = Self.allCases.first(where: { $0.danishName == name || $0.englishName == name }) else { return nil }
            self = found
        }
    }

    /// The formatted values of one line, substituted for the variables.
    public struct Values: Sendable, Equatable {
        /// The text for `$navn`.
        public var employee: String
        /// The text for `$regnavn`.
        public var type: String
        /// The text for `$dato`.
        public var date: String
        /// The text for `$antal`.
        public var quantity: String
        /// The text for `$enhed`.
        public var unit: String
        /// The text for `$tekst`.
        public var text: String
        /// The text for `$projekt`.
        public var project: String

        /// Creates values; a variable without one renders as nothing.
        public init(employee: String = "", type: String = "", date: String = "", quantity: String = "",
                    unit: String = "", text: String = "", project: String = "") {
            self.employee = employee
            self.type = type
            self.date = date
            self.quantity = quantity
            self.unit = unit
            self.text = text
            self.project = project
        }

        /// The text for one variable.
        public subscript(variable: Variable) -> String {
            switch variable {
            case .employee: employee
            case .type: type
            case .date: date
            case .quantity: quantity
            case .unit: unit
            case .text: text
            case .project: project
            }
        }
    }

    /// A piece of a parsed template.
    enum Part: Sendable, Equatable {
        case literal(String)
        case variable(Variable)
    }

    /// The template as written.
    public let text: String
    /// The template split into literal text and variables.
    let parts: [Part]

    /// The default text of an hour line: `$navn $regnavn`, e.g. "Jens Hansen Montage".
    public static let defaultHours = OrderTemplate(text: "$navn $regnavn",
                                                   parts: [.variable(.employee), .literal(" "), .variable(.type)])
    /// The default text of a material line: `$regnavn`, the product's name.
    public static let defaultMaterials = OrderTemplate(text: "$regnavn", parts: [.variable(.type)])

    private init(text: String, parts: [Part]) {
        self.text = text
        self.parts = parts
    }

    /// Parses a template, rejecting an unknown variable (named in the error) and a `$` without a name after it.
    public init(_ text: String) throws(OrderExportError) {
        var parts: [Part] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            guard character == "$" else {
                literal.append(character)
                continue
            }
            guard index < text.endIndex else {
                throw Self.invalid(.loneDollarAtEnd(template: text))
            }
            if text[index] == "$" {
                literal.append("$")
                index = text.index(after: index)
                continue
            }
            let nameStart = index
            while index < text.endIndex, text[index].isLetter { index = text.index(after: index) }
            let name = String(text[nameStart..<index])
            guard !name.isEmpty else {
                throw Self.invalid(.loneDollar(before: String(text[index...].prefix(10)), template: text))
            }
            guard let variable = Variable(name: name) else {
                throw Self.invalid(.unknownVariable(name, template: text))
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(.variable(variable))
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.init(text: text, parts: parts)
    }

    /// The variables the template uses, in order of first use.
    public var variables: [Variable] {
        var seen: [Variable] = []
        for case .variable(let variable) in parts where !seen.contains(variable) { seen.append(variable) }
        return seen
    }

    /// The template with `values` substituted, runs of spaces collapsed to one and the ends trimmed.
    public func render(_ values: Values) -> String {
        var raw = ""
        for part in parts {
            switch part {
            case .literal(let text): raw += text
            case .variable(let variable): raw += values[variable]
            }
        }
        var result = ""
        result.reserveCapacity(raw.utf8.count)
        for character in raw where !(character == " " && (result.isEmpty || result.last == " ")) {
            result.append(character)
        }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        return result
    }

    /// The template as written.
    public var description: String { text }

}
