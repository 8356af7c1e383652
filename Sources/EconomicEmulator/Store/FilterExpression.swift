import Foundation
import Snapshot

/// A parsed `filter=` expression in e-conomic's syntax, shared by legacy REST
/// and the OpenAPI services (REFERENCE §2.3):
/// `property$op:value` joined by `$and:` / `$or:`, parentheses for precedence,
/// `$null:` as a value, `$in:[a,b]`, `*` wildcards under `$like:`, and the
/// escapes `$$ $( $) $* $,` in values. As strict as e-conomic, and no
/// stricter: an unescaped `$` or `)` in a value is refused; an escaped bracket
/// (`$[`, `$]`, which the docs list but e-conomic does not take) is accepted
/// and matches nothing, as S5 saw.
///
/// ```swift
/// let filter = try FilterExpression.parse("name$like:*vvs*$and:(city$eq:Aarhus$or:zip$lt:5000)")
/// filter.matches(customerJSON)
/// ```
indirect enum FilterExpression: Sendable {
    case condition(property: String, op: Operator, value: Value)
    case and([FilterExpression])
    case or([FilterExpression])

    enum Operator: String, Sendable, CaseIterable {
        case eq, ne, gt, gte, lt, lte, like, `in`, nin
    }

    /// One character of a value, or a `*` wildcard (meaningful under `$like:`).
    enum Unit: Sendable, Equatable {
        case char(Character)
        case star
    }

    enum Value: Sendable {
        case null
        case text([Unit])
        case list([String])
        /// A value with an escaped bracket: the condition holds for no record
        /// (S5 saw `$[` match nothing; for `$ne:`/`$nin:` e-conomic's answer
        /// is undocumented, and nothing is the choice here too).
        case unmatchable
    }

    /// Why a filter cannot be used.
    struct Failure: Error, Sendable {
        var message: String
        /// The property that may not be filtered on, when that is the problem.
        var property: String?
    }

    /// The properties the expression names.
    var properties: [String] {
        switch self {
        case .condition(let property, _, _): [property]
        case .and(let parts), .or(let parts): parts.flatMap(\.properties)
        }
    }

    static func parse(_ text: String) throws(Failure) -> FilterExpression {
        var parser = Parser(characters: Array(text))
        let expression = try parser.parseOr()
        guard parser.index == parser.characters.count else {
            throw Failure(message: "Unexpected '\(parser.characters[parser.index])' at position \(parser.index + 1) of the filter.")
        }
        return expression
    }

    struct Parser {
        let characters: [Character]
        var index = 0
        var depth = 0
        /// Whether the value being read has an escaped bracket.
        var escapedBracket = false

        func starts(with text: String) -> Bool {
            let needle = Array(text)
            guard index + needle.count <= characters.count else { return false }
            return Array(characters[index..<index + needle.count]) == needle
        }

        mutating func consume(_ text: String) -> Bool {
            guard starts(with: text) else { return false }
            index += text.count
            return true
        }

        mutating func parseOr() throws(Failure) -> FilterExpression {
            var parts = [try parseAnd()]
            while consume("$or:") { parts.append(try parseAnd()) }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func parseAnd() throws(Failure) -> FilterExpression {
            var parts = [try parsePrimary()]
            while consume("$and:") { parts.append(try parsePrimary()) }
            return parts.count == 1 ? parts[0] : .and(parts)
        }

        mutating func parsePrimary() throws(Failure) -> FilterExpression {
            if consume("(") {
                depth += 1
                let inner = try parseOr()
                guard consume(")") else { throw Failure(message: "A '(' in the filter is not closed.") }
                depth -= 1
                return inner
            }
            return try parseCondition()
        }

        mutating func parseCondition() throws(Failure) -> FilterExpression {
            let start = index
            while index < characters.count, characters[index] != "$" { index += 1 }
            let property = String(characters[start..<index])
            guard !property.isEmpty, property.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }) else {
                throw Failure(message: "Expected a property name at position \(start + 1) of the filter.")
            }
            guard consume("$") else { throw Failure(message: "Expected an operator after '\(property)'.") }
            let opStart = index
            while index < characters.count, characters[index].isLetter { index += 1 }
            let opName = String(characters[opStart..<index]).lowercased()
            guard let op = Operator(rawValue: opName), consume(":") else {
                throw Failure(message: "Unknown operator '$\(opName)' on property '\(property)'.")
            }
            return .condition(property: property, op: op, value: try parseValue(op))
        }

        func atValueEnd() -> Bool {
            index >= characters.count || starts(with: "$and:") || starts(with: "$or:") || (depth > 0 && characters[index] == ")")
        }

        /// The characters a value escapes with a `$` (brackets are not escaped).
        static let escapable: Set<Character> = ["$", "(", ")", "*", ","]
        /// Escapes the docs list that e-conomic takes but then matches nothing for (S5).
        static let unmatchableEscapes: Set<Character> = ["[", "]"]

        /// The character the escape at the current position stands for,
        /// consumed; nil when no `$` is here. A `$` that starts no escape
        /// (nor `$and:`/`$or:`, which end the value first) is an error; a
        /// `$[` or `$]` is consumed and marks the value ``Value/unmatchable``.
        mutating func escape() throws(Failure) -> Character? {
            guard characters[index] == "$" else { return nil }
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            guard let next, Self.escapable.contains(next) || Self.unmatchableEscapes.contains(next) else {
                throw Failure(message: "An unescaped '$' at position \(index + 1) of the filter: write '$$' in a value.")
            }
            if Self.unmatchableEscapes.contains(next) { escapedBracket = true }
            index += 2
            return next
        }

        mutating func parseValue(_ op: Operator) throws(Failure) -> Value {
            escapedBracket = false
            let value = try parseValueText(op)
            return escapedBracket ? .unmatchable : value
        }

        mutating func parseValueText(_ op: Operator) throws(Failure) -> Value {
            if starts(with: "$null:") {
                index += 6
                guard atValueEnd() else { throw Failure(message: "$null: must be the whole value.") }
                return .null
            }
            if op == .in || op == .nin {
                guard consume("[") else { throw Failure(message: "$\(op.rawValue): takes a list in brackets, e.g. [1,2,3].") }
                var items: [String] = []
                var current = ""
                while true {
                    guard index < characters.count else { throw Failure(message: "A '[' in the filter is not closed.") }
                    let character = characters[index]
                    if let escaped = try escape() {
                        current.append(escaped)
                    } else if character == "," {
                        items.append(current)
                        current = ""
                        index += 1
                    } else if character == "]" {
                        items.append(current)
                        index += 1
                        break
                    } else {
                        current.append(character)
                        index += 1
                    }
                }
                guard items.count <= 200 else { throw Failure(message: "$\(op.rawValue): takes at most 200 values.") }
                return .list(items)
            }
            var units: [Unit] = []
            while !atValueEnd() {
                let character = characters[index]
                if let escaped = try escape() {
                    units.append(.char(escaped))
                } else if character == ")" {
                    throw Failure(message: "An unescaped ')' at position \(index + 1) of the filter: write '$)' in a value.")
                } else {
                    units.append(character == "*" ? .star : .char(character))
                    index += 1
                }
            }
            return .text(units)
        }
    }
}
