import Foundation
import Replica
import Snapshot
@testable import Sync
import Testing
import TestSupport

/// A ``FieldReadable`` record read in order must be the record `Decodable`
/// decodes from the same values: same properties, same values, the same
/// field named when a value does not fit.
@Suite("Records read in order")
struct FieldReadableTests {
    static let customer = Customer(id: 7, foreignKey: 1001, department: 2, name: "Tømrer Hansen ApS", cvr: "12345678",
                                   address: "Vestergade 1", zip: "8000", city: "Aarhus C", country: "Danmark", phone: "86120000",
                                   email: "kontor@hansen.dk", currency: "DKK", customerGroupId: 1, paymentTermId: 2, vatZoneId: 3,
                                   barred: true, tombstone: true)
    static let product = Product(id: 8, foreignKey: "P-1", department: 2, number: "P-1", name: "Kobberrør 15 mm", salesPrice: 12.5,
                                 costPrice: -3, unitId: 4, productGroupId: 5, barred: true, tombstone: true)

    /// Values of every shape a field may meet: of each JSON type, numbers whole, negative, fractional and out of range.
    static let shapes: [JSONValue] = [
        .null, .string(""), .string("x"), .number("12"), .number("-3"), .number("1.5"), .number("1e30"),
        .number("99999999999999999999"), .bool(true), .bool(false), .object([:]), .array([]),
    ]

    /// A record's properties as `Encodable` names them (with `syncedHash` set, so that every property is there).
    static func properties<R: ReplicaRecord>(_ record: R) throws -> [String: JSONValue] {
        var record = record
        record.syncedHash = "abc"
        return try #require(CanonicalJSON.parse(Array(JSONEncoder().encode(record))).objectValue)
    }

    @Test("readFields names every property the type encodes and decodes, each once", arguments: [Customer.readFields, Product.readFields])
    func everyProperty(_ names: [String]) throws {
        let encoded = names == Customer.readFields ? try Self.properties(Self.customer) : try Self.properties(Self.product)
        #expect(Set(names) == Set(encoded.keys))
        #expect(Set(names).count == names.count)
    }

    @Test("a customer read in order is the customer decoded, or both refuse the same field", arguments: [1, 2, 3] as [UInt64])
    func customers(seed: UInt64) throws {
        try compare(Self.customer, seed: seed)
    }

    @Test("a product read in order is the product decoded, or both refuse the same field", arguments: [1, 2, 3] as [UInt64])
    func products(seed: UInt64) throws {
        try compare(Self.product, seed: seed)
    }

    /// Reads and decodes 400 sets of properties: each of `record`'s properties
    /// kept, left out, or given another shape, at random.
    func compare<R: FieldReadable & Equatable>(_ record: R, seed: UInt64) throws {
        let valid = try Self.properties(record)
        var random = TestRandom(seed: seed)
        var (read, refused) = (0, 0)
        for _ in 0..<400 {
            var properties: [String: JSONValue] = [:]
            for name in R.readFields {
                if random.chance(0.85) { properties[name] = valid[name] } else if random.chance(0.7) { properties[name] = random.pick(Self.shapes) }
            }
            let decoded = Result { try JSONValueDecoder.decode(R.self, fields: properties) }
            let inOrder = Result { () throws -> R in
                var reader = FieldReader(names: R.readFields, values: R.readFields.map { properties[$0] })
                return try R(reading: &reader)
            }
            switch (decoded, inOrder) {
            case (.success(let decoded), .success(let inOrder)):
                #expect(decoded == inOrder, "\(properties)")
                read += 1
            case (.failure(let decoded), .failure(let inOrder)):
                #expect(Self.refusal(decoded) == Self.refusal(inOrder), "\(properties)")
                #expect(Self.refusal(inOrder) != nil, "a DecodingError naming a field: \(inOrder)")
                refused += 1
            default:
                Issue.record("decoded \(decoded), read in order \(inOrder), from \(properties)")
            }
        }
        #expect(read > 20 && refused > 20, "both outcomes met: \(read) read, \(refused) refused")
    }

    /// The kind of `DecodingError` and the field it names; nil for any other error.
    static func refusal(_ error: any Error) -> String? {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context): "missing \(key.stringValue) at \(context.codingPath.map(\.stringValue))"
        case .valueNotFound(_, let context): "null \(context.codingPath.map(\.stringValue))"
        case .typeMismatch(let type, let context): "\(type) \(context.codingPath.map(\.stringValue))"
        case .dataCorrupted(let context): "corrupted \(context.codingPath.map(\.stringValue))"
        default: nil
        }
    }
}
