extension OrderTemplate {
    /// Why a text is not a template: data a catalogue words in each language.
    ///
    /// ```swift
    /// OrderTemplate.problem(in: "$nvan $regnavn")   // .unknownVariable("nvan", template: "$nvan $regnavn")
    /// ```
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// A `$` that ends the template.
        case loneDollarAtEnd(template: String)
        /// A `$` followed by no letter, before `before` (up to 10 characters of what follows).
        case loneDollar(before: String, template: String)
        /// `$name` names no variable.
        case unknownVariable(String, template: String)

        public var description: String {
            switch self {
            case .loneDollarAtEnd(let template): "lone $ at the end of \(Self.quoted(template))"
            case .loneDollar(let before, let template): "lone $ before \(Self.quoted(before)) in \(Self.quoted(template))"
            case .unknownVariable(let name, let template): "unknown variable $\(name) in \(Self.quoted(template))"
            }
        }

        /// What to write instead, before the list of variables; nil when the list says it.
        var advice: String? {
            switch self {
            case .loneDollarAtEnd, .loneDollar: "write $$ for a literal $, or a variable after the $"
            case .unknownVariable: nil
            }
        }

        static func quoted(_ text: String) -> String { "\"\(text)\"" }
    }

    /// Why `text` is not a template; nil when it is one.
    public static func problem(in text: String) -> Problem? {
        do {
            _ = try OrderTemplate(text)
            return nil
        } catch {
            return error.problem
        }
    }

    /// The variables a template can use, for error messages: `$navn ($employee), …`.
    public static let variableList = Variable.allCases.map { "$\($0.danishName) ($\($0.englishName))" }.joined(separator: ", ")

    static func invalid(_ problem: Problem) -> OrderExportError {
        let list = "variables are \(variableList); $$ is a literal $"
        var error = OrderExportError(.invalidTemplate, problem.description, advice: problem.advice.map { "\($0); \(list)" } ?? list)
        error.problem = problem
        return error
    }
}
