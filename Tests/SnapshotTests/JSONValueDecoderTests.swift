import Foundation
import Snapshot
import Testing

/// `JSONValueDecoder` decodes what `JSONDecoder` decodes from the same
/// value's text, and refuses what it refuses, naming the field.
@Suite("JSON value decoder")
struct JSONValueDecoderTests {
    enum Colour: String, Codable, Equatable { case red, green }

    struct Inner: Codable, Equatable {
        var code: Int16
        var colours: [Colour]
    }

    struct Sample: Codable, Equatable {
        var name: String
        var number: Int
        var id: Int64?
        var price: Double
        var ratio: Float?
        var flag: Bool
        var note: String?
        var colour: Colour
        var inner: Inner?
        var tags: [String]
        var counts: [String: Int]
    }

    static func viaText<T: Decodable>(_ type: T.Type, _ value: JSONValue) throws -> T {
        try JSONDecoder().decode(type, from: Data(CanonicalJSON.string(value).utf8))
    }

    static let full = """
        {"name":"Ærø ApS","number":1002,"id":9007199254740993,"price":1.5,"ratio":0.25,"flag":true,"note":null,"colour":"green",
         "inner":{"code":-3,"colours":["red","green"]},"tags":["a","b"],"counts":{"x":1,"y":2}}
        """

    @Test("decodes the same value JSONDecoder decodes from the text", arguments: [
        full,
        #"{"name":"","number":0,"price":0,"flag":false,"colour":"red","tags":[],"counts":{}}"#,
        #"{"name":"x","number":-7,"price":1e2,"flag":false,"colour":"red","tags":["æ"],"counts":{},"extra":{"ignored":[1,2]}}"#,
    ])
    func sameAsJSONDecoder(text: String) throws {
        let value = try CanonicalJSON.parse(Array(text.utf8))
        let decoded = try JSONValueDecoder.decode(Sample.self, from: value)
        #expect(decoded == (try Self.viaText(Sample.self, value)))
    }

    @Test("a large integer keeps every digit")
    func exactInteger() throws {
        let decoded = try JSONValueDecoder.decode(Sample.self, from: try CanonicalJSON.parse(Array(Self.full.utf8)))
        #expect(decoded.id == 9_007_199_254_740_993 && decoded.inner?.colours == [.red, .green] && decoded.counts == ["x": 1, "y": 2])
    }

    static func failure(_ text: String) throws -> DecodingError {
        let value = try CanonicalJSON.parse(Array(text.utf8))
        #expect(throws: DecodingError.self) { try Self.viaText(Sample.self, value) }
        return try #require(throws: DecodingError.self) { try JSONValueDecoder.decode(Sample.self, from: value) }
    }

    static func path(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.map(\.stringValue).joined(separator: ".")
        @unknown default: "?"
        }
    }

    @Test("refuses what JSONDecoder refuses, naming the field")
    func refusals() throws {
        let missing = try Self.failure(#"{"number":1,"price":1,"flag":true,"colour":"red","tags":[],"counts":{}}"#)
        guard case .keyNotFound = missing else { Issue.record("\(missing)"); return }
        #expect(Self.path(missing) == "name")

        let text = try Self.failure(#"{"name":5,"number":1,"price":1,"flag":true,"colour":"red","tags":[],"counts":{}}"#)
        guard case .typeMismatch = text else { Issue.record("\(text)"); return }
        #expect(Self.path(text) == "name")

        let null = try Self.failure(#"{"name":"a","number":null,"price":1,"flag":true,"colour":"red","tags":[],"counts":{}}"#)
        guard case .valueNotFound = null else { Issue.record("\(null)"); return }
        #expect(Self.path(null) == "number")

        let fraction = try Self.failure(#"{"name":"a","number":1.5,"price":1,"flag":true,"colour":"red","tags":[],"counts":{}}"#)
        #expect(Self.path(fraction) == "number")

        let range = try Self.failure(#"{"name":"a","number":1,"price":1,"flag":true,"colour":"red","tags":[],"counts":{},"inner":{"code":40000,"colours":[]}}"#)
        #expect(Self.path(range) == "inner.code")

        let colour = try Self.failure(#"{"name":"a","number":1,"price":1,"flag":"yes","colour":"blue","tags":[],"counts":{}}"#)
        #expect(Self.path(colour) == "flag")

        let element = try Self.failure(#"{"name":"a","number":1,"price":1,"flag":true,"colour":"red","tags":["a",2],"counts":{}}"#)
        #expect(Self.path(element) == "tags.Index 1")
    }
}
