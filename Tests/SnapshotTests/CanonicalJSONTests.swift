import Foundation
import Testing
@testable import Snapshot

/// JSON values as Foundation sees them, for comparing our output with its parser.
indirect enum Plain: Equatable {
    case null, bool(Bool), number(Double), string(String), array([Plain]), object([String: Plain])

    init(_ any: Any) {
        switch any {
        case is NSNull: self = .null
        case let number as NSNumber where String(cString: number.objCType) == "c": self = .bool(number.boolValue)
        case let number as NSNumber: self = .number(number.doubleValue)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(Plain.init))
        case let object as [String: Any]: self = .object(object.mapValues(Plain.init))
        default: fatalError("unexpected \(type(of: any))")
        }
    }

    static func parse(_ bytes: [UInt8]) throws -> Plain {
        Plain(try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
    }
}

/// Writes a value in a random non-canonical spelling: random spaces, key
/// order, escapes and number forms.
func spell(_ value: JSONValue, _ random: inout TestRandom) -> String {
    let space = { (random: inout TestRandom) in random.pick(["", " ", "\n", "\t ", ""]) }
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let text):
        if !text.contains("e"), random.chance(0.3) { return text.contains(".") ? text + "000" : text + ".0" }
        if text == "100", random.chance(0.5) { return "1E2" }
        return text
    case .string(let text):
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += random.chance(0.5) ? "\\n" : "\\u000A"
            case "\t": output += "\\t"
            case "/": output += random.chance(0.5) ? "\\/" : "/"
            default:
                if scalar.value > 0x7F, scalar.value <= 0xFFFF, random.chance(0.3) {
                    output += String(format: "\\u%04X", scalar.value)
                } else if scalar.value > 0xFFFF, random.chance(0.5) {
                    let v = scalar.value - 0x10000
                    output += String(format: "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    case .array(let items):
        return "[" + space(&random) + items.map { spell($0, &random) }.joined(separator: "," + space(&random)) + "]"
    case .object(let fields):
        let keys = fields.keys.shuffled(using: &random)
        return "{" + keys.map { key in
            spell(.string(key), &random) + space(&random) + ":" + space(&random) + spell(fields[key]!, &random)
        }.joined(separator: ",") + space(&random) + "}"
    }
}

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("any spelling of a value gives one canonical text, which Foundation reads as the same value", arguments: 1...40)
    func randomValues(seed: UInt64) throws {
        var random = TestRandom(seed: seed)
        for _ in 0..<25 {
            let value = JSONValue.object(Fixtures.object(&random))
            let canonical = CanonicalJSON.bytes(value)
            let spelled = spell(value, &random)
            let parsed = try CanonicalJSON.parse(spelled)
            #expect(parsed == value, "\(spelled)")
            #expect(CanonicalJSON.bytes(parsed) == canonical)
            #expect(try Plain.parse(canonical) == Plain.parse(Array(spelled.utf8)), "\(spelled)")
            #expect(try CanonicalJSON.parse(canonical) == value)
        }
    }

    @Test("numbers have one spelling and keep their exact value", arguments: [
        ("0", "0"), ("-0", "0"), ("-0.0", "0"), ("100.000000", "100"), ("0.10", "0.1"), ("1.5E2", "150"), ("1e-3", "0.001"),
        ("12.340e1", "123.4"), ("-7", "-7"), ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("1e50", "1e50"), ("1.25e-60", "1.25e-60"), ("0.1", "0.1"), ("4.35", "4.35"),
    ])
    func numbers(_ text: String, _ canonical: String) throws {
        #expect(CanonicalJSON.canonicalNumber(text) == canonical)
        if let exact = Decimal(string: text), abs(exact) < Decimal(string: "1e30")!, exact == 0 || abs(exact) > Decimal(string: "1e-30")! {
            #expect(Decimal(string: canonical) == exact)
        }
    }

    @Test("strings escape only what JSON requires")
    func strings() throws {
        let value = JSONValue.string("a\"b\\c\n\u{1}/æ😀")
        #expect(CanonicalJSON.string(value) == #""a\"b\\c\n\u0001/æ😀""#)
        #expect(try CanonicalJSON.parse(#""\u00e6\ud83d\ude00\/""#) == .string("æ😀/"))
    }

    @Test("keys sort by their UTF-8 bytes")
    func keyOrder() {
        let value = JSONValue.object(["b": .null, "B": .null, "æ": .null, "a": .null, "": .null, "ab": .null])
        #expect(CanonicalJSON.string(value) == #"{"":null,"B":null,"a":null,"ab":null,"b":null,"æ":null}"#)
    }

    @Test("keys sharing their first eight bytes, NULs, non-ASCII and empty keys sort by their whole UTF-8 bytes", arguments: 1...20)
    func keyOrderPrefixes(seed: UInt64) throws {
        var random = TestRandom(seed: seed)
        let pieces = ["customer", "Customer", "customerGroup", "customerNumber", "\u{0}", "æ", "ø", "a", "b", "", "z", "self", "😀"]
        var fields: [String: JSONValue] = [:]
        for _ in 0..<random.int(1...40) {
            fields[(0..<random.int(0...3)).map { _ in random.pick(pieces) }.joined()] = .int(Int64(random.int(0...9)))
        }
        let expected = "{" + fields.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { key in
            CanonicalJSON.string(.string(key)) + ":" + CanonicalJSON.string(fields[key]!)
        }.joined(separator: ",") + "}"
        #expect(CanonicalJSON.string(.object(fields)) == expected)
        #expect(try CanonicalJSON.parse(expected) == .object(fields))
    }

    @Test("a key's first eight bytes order keys as their bytes do")
    func keyPrefix() {
        #expect(CanonicalJSON.keyPrefix("") == 0 && CanonicalJSON.keyPrefix("a") == 0x6100_0000_0000_0000)
        #expect(CanonicalJSON.keyPrefix("customerGroup") == CanonicalJSON.keyPrefix("customerNumber"), "equal: compared whole")
        #expect(CanonicalJSON.keyPrefix("B") < CanonicalJSON.keyPrefix("a") && CanonicalJSON.keyPrefix("ab") < CanonicalJSON.keyPrefix("b"))
        #expect(CanonicalJSON.keyPrefix("z") < CanonicalJSON.keyPrefix("æ"))
    }

    @Test("a pulled entity loses its volatile fields and link texts in one walk: an object of only links goes, one emptied by volatile fields stays, links inside arrays stay")
    func droppingLinks() throws {
        let entity = try #require(try CanonicalJSON.parse("""
            {"name":"A","self":"https://x/customers/1","web":"https://x/other","empty":{},
             "customerGroup":{"customerGroupNumber":1,"self":"https://x/customer-groups/1"},
             "layout":{"self":"https://x/layouts/5"},"meta":{"metaData":{"a":1}},
             "lines":[{"self":"https://x/l/1","text":"https://x/keep"}]}
            """).objectValue)
        let record = Record(kind: "customer", key: .int(1), entity: entity) { $0.hasPrefix("https://x/") }
        #expect(CanonicalJSON.string(.object(record.data))
                == #"{"customerGroup":{"customerGroupNumber":1},"empty":{},"lines":[{"text":"https://x/keep"}],"meta":{},"name":"A"}"#)
        let untouched = ["name": JSONValue.string("B"), "group": .object(["number": .int(2)])]
        #expect(Record(kind: "customer", key: .int(2), entity: untouched) { _ in false }.data == untouched)
    }

    @Test("malformed JSON is refused with its reason", arguments: [
        ("{\"a\":1,\"a\":2}", "duplicate key"), ("[1,2", "unexpected end"), ("01", "leading zero"), ("1.", "no digit after"),
        ("\"\\x\"", "invalid escape"), ("\"\\ud800\"", "lone high surrogate"), ("{\"a\" 1}", "expected ':'"), ("[1] 2", "after the JSON value"),
        ("\"a\u{1}\"", "control character"), ("tru", "invalid literal"), ("", "unexpected end"), ("1e", "no digit in the exponent"),
    ])
    func malformed(_ text: String, _ reason: String) {
        #expect {
            _ = try CanonicalJSON.parse(text)
        } throws: { error in
            (error as? JSONError)?.message.contains(reason) == true
        }
    }

    @Test("a value as a key names it: a string's text, a number's digits, anything else as JSON")
    func keyText() {
        #expect(JSONValue.string("A/1 \"x\"").keyText == "A/1 \"x\"")
        #expect(JSONValue.int(1001).keyText == "1001" && JSONValue.number("1.5").keyText == "1.5")
        #expect(JSONValue.bool(true).keyText == "true" && JSONValue.null.keyText == "null")
        #expect(JSONValue.object(["a": .int(1)]).keyText == #"{"a":1}"#)
    }

    @Test("invalid UTF-8 inside a string is refused")
    func invalidUTF8() throws {
        #expect(throws: JSONError.self) { try CanonicalJSON.parse([0x22, 0xC3, 0x28, 0x22]) }
        // A 4-byte sequence cut after 3 bytes: repaired, it would be one replacement character, also 3 bytes.
        #expect(throws: JSONError.self) { try CanonicalJSON.parse([0x22, 0xF0, 0x9F, 0x98, 0x22]) }
        #expect(throws: JSONError.self) { try CanonicalJSON.parse([0x22, 0x5C, 0x6E, 0xED, 0xA0, 0x80, 0x22]) }  // after an escape: an encoded surrogate
        #expect(throws: JSONError.self) { try CanonicalJSON.parse([0x22, 0xFF, 0x22]) }
        #expect(try CanonicalJSON.parse(Array(#""Ærø 😀 \u00e6""#.utf8)) == .string("Ærø 😀 æ"))
        #expect(try CanonicalJSON.parse([0x22, 0x22]) == .string(""))
    }

    @Test("record lines are canonical and round-trip; volatile fields are dropped")
    func recordLines() throws {
        let record = Record(kind: "customer", key: .int(1001), entity: [
            "name": .string("Hansen VVS ApS"), "self": .string("https://restapi.e-conomic.com/customers/1001"),
            "customerGroup": .object(["customerGroupNumber": .int(1), "self": .string("https://restapi.e-conomic.com/customer-groups/1")]),
            "balance": .number("0"),
        ])
        let line = String(decoding: record.line, as: UTF8.self)
        #expect(line == #"{"kind":"customer","key":1001,"data":{"balance":0,"customerGroup":{"customerGroupNumber":1},"name":"Hansen VVS ApS"}}"#)
        #expect(try Record(line: record.line) == record)
        #expect(throws: RecordLineError.self) { try Record(line: Array(#"{"kind":"customer","key":1001,"data":{"b":1, "a":2}}"#.utf8)) }
        #expect(throws: RecordLineError.self) { try Record(line: Array(#"{"kind":"customer","key":1.5,"data":{}}"#.utf8)) }
    }
}
