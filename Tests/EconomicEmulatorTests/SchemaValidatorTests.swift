@testable import EconomicEmulator
import Foundation
import Snapshot
import Testing

@Suite("Schema validator")
struct SchemaValidatorTests {
    /// e-conomic's files beside the repository (`../shared/economic`), as the model and conformance tests read them.
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/economic")

    static func recorded(_ name: String) throws -> JSONValue {
        let value = try CanonicalJSON.parse(Array(try Data(contentsOf: shared.appendingPathComponent("fixtures/recorded-rest/\(name).json"))))
        return value["collection"]?.arrayItems?.first ?? value
    }

    static func publishedSchema(_ name: String) throws -> JSONSchema {
        JSONSchema(try LenientJSON.parse(Array(try Data(contentsOf: shared.appendingPathComponent("schemas/\(name).schema.json")))))
    }

    static func schema(_ text: String) throws -> JSONSchema { JSONSchema(try CanonicalJSON.parse(text)) }

    static func violations(_ value: String, _ schema: String, components: [String: String] = [:], write: Bool = true) throws -> [SchemaViolation] {
        let parsed = try components.mapValues { JSONSchema(try CanonicalJSON.parse($0)) }
        return SchemaValidator(components: parsed, ignoresReadOnly: write).violations(of: try CanonicalJSON.parse(value), against: try Self.schema(schema))
    }

    @Test("recorded e-conomic answers validate against their GET schemas", arguments: [
        ("customer", "customers.customerNumber.get"), ("create_customer", "customers.customerNumber.get"),
        ("update_customer", "customers.customerNumber.get"), ("customer_contact", "customers.customerNumber.contacts.contactNumber.get"),
        ("product", "products.productNumber.get"), ("units", "units.get"), ("customer_groups", "customer-groups.get"),
        ("payment_terms", "payment-terms.get"), ("orders_drafts_one", "orders.drafts.orderNumber.get"), ("vat_zones", "vat-zones.get"),
        ("suppliers", "suppliers.get"), ("layouts", "layouts.get"), ("departments", "departments.get"),
    ])
    func recordedAnswers(fixture: String, schema: String) throws {
        let validator = SchemaValidator(components: [:], ignoresReadOnly: false)
        let found = validator.violations(of: try Self.recorded(fixture), against: try Self.publishedSchema(schema))
        // e-conomic documents `lastUpdated` as a full-date but answers a date-time (REFERENCE §2.9):
        // the one place its answers break its own schemas, and the validator sees it.
        let documentedMismatch = found.filter { $0.property == "lastUpdated" && $0.rule == .format }
        #expect(documentedMismatch.allSatisfy { $0.value?.stringValue.flatMap(Timestamps.parse) != nil })
        #expect(found.count == documentedMismatch.count, "\(found)")
    }

    @Test("a recorded supplier without a layout breaks the GET schema's required layout, as Python's jsonschema also finds")
    func recordedSupplierMissesLayout() throws {
        let validator = SchemaValidator(components: [:], ignoresReadOnly: false)
        let found = validator.violations(of: try Self.recorded("create_supplier"), against: try Self.publishedSchema("suppliers.supplierNumber.get"))
        #expect(found.map(\.rule) == [.required])
        #expect(found.first?.path == [.field("layout")])
    }

    @Test("recorded answers sent back as writes pass the shipped POST and PUT schemas", arguments: [
        ("customer", LegacyWriteSchema.customer), ("customer_contact", .contact), ("product", .product), ("units", .unit),
        ("create_supplier", .supplier), ("customer_groups", .customerGroup), ("payment_terms", .paymentTerm), ("orders_drafts_one", .order),
    ])
    func recordedWrites(fixture: String, schema: LegacyWriteSchema) throws {
        let body = try Self.recorded(fixture)
        for method in WriteMethod.allCases {
            let found = SchemaCatalog.legacyValidator.violations(of: body, against: SchemaCatalog.shared.legacy(schema, method))
            #expect(found.isEmpty, "\(schema) \(method): \(found)")
        }
    }

    @Test("every writable REST resource and Projects collection has a shipped schema")
    func everyWriteHasASchema() {
        let writable = RESTResource.catalog.values.filter(\.writable) + [RESTResource.contacts, RESTResource.draftOrders]
        #expect(writable.count == LegacyWriteSchema.allCases.count)
        for resource in writable { #expect(LegacyWriteSchema(kind: resource.kind) != nil, "\(resource.kind)") }
        for resource in ProjectsResource.catalog.values {
            let schema = ProjectsWriteSchema(rawValue: resource.name)
            #expect(schema.map { SchemaCatalog.shared.projectsComponents[$0.component] != nil } == true, "\(resource.name)")
        }
    }

    /// One crafted failure per keyword: value, schema, the violation's path and rule.
    static let failures: [(value: String, schema: String, path: [ValidationErrors.Step], rule: SchemaRule)] = [
        (#"{"a":"x"}"#, #"{"properties":{"a":{"type":"integer"}}}"#, [.field("a")], .type),
        (#"{"a":1.5}"#, #"{"properties":{"a":{"type":"integer"}}}"#, [.field("a")], .type),
        (#"{"a":true}"#, #"{"properties":{"a":{"type":["string","null"]}}}"#, [.field("a")], .type),
        (#"{"a":null}"#, #"{"properties":{"a":{"type":"string"}}}"#, [.field("a")], .type),
        (#"{}"#, #"{"properties":{"a":{"type":"string","required":true}}}"#, [.field("a")], .required),
        (#"{}"#, #"{"required":["a"],"properties":{"a":{"type":"string"}}}"#, [.field("a")], .required),
        (#"{"a":"abcd"}"#, #"{"properties":{"a":{"maxLength":3}}}"#, [.field("a")], .maxLength),
        (#"{"a":""}"#, #"{"properties":{"a":{"minLength":1}}}"#, [.field("a")], .minLength),
        (#"{"a":0}"#, #"{"properties":{"a":{"minimum":1}}}"#, [.field("a")], .minimum),
        (#"{"a":0}"#, #"{"properties":{"a":{"minimum":0,"exclusiveMinimum":true}}}"#, [.field("a")], .minimum),
        (#"{"a":10}"#, #"{"properties":{"a":{"maximum":9}}}"#, [.field("a")], .maximum),
        (#"{"a":9}"#, #"{"properties":{"a":{"maximum":9,"exclusiveMaximum":true}}}"#, [.field("a")], .maximum),
        (#"{"a":10.12345}"#, #"{"properties":{"a":{"type":"number","maxDecimal":2}}}"#, [.field("a")], .maxDecimals),
        (#"{"a":3000000000}"#, #"{"properties":{"a":{"type":"integer","format":"int32"}}}"#, [.field("a")], .maximum),
        (#"{"a":"DK1"}"#, #"{"properties":{"a":{"pattern":"^[a-zA-Z]{3}$"}}}"#, [.field("a")], .pattern),
        (#"{"a":"Net"}"#, #"{"properties":{"a":{"enum":["net","prepaid"]}}}"#, [.field("a")], .enumeration),
        (#"{"a":"2026-02-30"}"#, #"{"properties":{"a":{"format":"full-date"}}}"#, [.field("a")], .format),
        (#"{"a":"tomorrow"}"#, #"{"properties":{"a":{"format":"date-time"}}}"#, [.field("a")], .format),
        (#"{"a":"not a link"}"#, #"{"properties":{"a":{"format":"uri"}}}"#, [.field("a")], .format),
        (#"{"a":"nobody"}"#, #"{"properties":{"a":{"format":"email"}}}"#, [.field("a")], .format),
        (#"{"a":{"b":{"c":"x"}}}"#, #"{"properties":{"a":{"properties":{"b":{"properties":{"c":{"type":"boolean"}}}}}}}"#,
         [.field("a"), .field("b"), .field("c")], .type),
        (#"{"lines":[{"q":1},{"q":"x"}]}"#, #"{"properties":{"lines":{"type":"array","items":{"properties":{"q":{"type":"number"}}}}}}"#,
         [.field("lines"), .index(1), .field("q")], .type),
        (#"{"a":["orders","orders"]}"#, #"{"properties":{"a":{"type":"array","uniqueItems":true}}}"#, [.field("a")], .uniqueItems),
        (#"{"a":["Orders"]}"#, #"{"properties":{"a":{"type":"array","items":{"enum":["orders"]}}}}"#, [.field("a"), .index(0)], .enumeration),
        (#"{"type":4}"#, ##"{"properties":{"type":{"allOf":[{"$ref":"#/components/schemas/T"}]}}}"##, [.field("type")], .enumeration),
        (#"{"p":{"n":"x"}}"#, ##"{"properties":{"p":{"$ref":"#/components/schemas/P"}}}"##, [.field("p"), .field("n")], .maxLength),
    ]

    @Test("each keyword refuses what it forbids, at the property's path", arguments: 0..<failures.count)
    func crafted(index: Int) throws {
        let failure = Self.failures[index]
        let components = ["T": #"{"type":"integer","enum":[1,2,3]}"#, "P": #"{"properties":{"n":{"maxLength":0}}}"#]
        let found = try Self.violations(failure.value, failure.schema, components: components)
        #expect(found.map(\.path) == [failure.path])
        #expect(found.map(\.rule) == [failure.rule])
    }

    @Test("what the keywords allow passes: bounds, unions, nullable, unknown and read-only properties, lenient formats", arguments: [
        (#"{"a":1,"b":1.5,"c":"2026-01-31","d":"abc"}"#,
         #"{"properties":{"a":{"type":"integer","minimum":1},"b":{"type":"number","maximum":1.5},"c":{"format":"full-date"},"d":{"maxLength":3,"minLength":3}}}"#),
        (#"{"a":null,"b":null}"#, #"{"properties":{"a":{"type":"string","nullable":true},"b":{"type":["string","null"]}}}"#),
        (#"{"unknown":"x","ro":"anything"}"#, #"{"properties":{"ro":{"type":"integer","readOnly":true}}}"#),
        (#"{"a":"2026-01-05","b":"2026-01-05T10:00:00Z","c":"https://restapi.e-conomic.com/customers/1","d":"a@b.dk"}"#,
         #"{"properties":{"a":{"format":"date-time"},"b":{"format":"date-time"},"c":{"format":"uri"},"d":{"format":"email"}}}"#),
        (#"{"a":1.0}"#, #"{"properties":{"a":{"type":"integer"}}}"#),
        (#"{"a":10.12,"b":7}"#, #"{"properties":{"a":{"maxDecimal":2},"b":{"maxDecimal":0}}}"#),
    ])
    func allowed(value: String, schema: String) throws {
        #expect(try Self.violations(value, schema).isEmpty)
    }

    @Test("read-only properties are checked when an answer is validated, skipped on a write")
    func readOnlyDependsOnDirection() throws {
        let schema = #"{"required":["ro"],"properties":{"ro":{"type":"integer","readonly":true}}}"#
        #expect(try Self.violations(#"{"ro":"x"}"#, schema, write: false).map(\.rule) == [.type])
        #expect(try Self.violations(#"{}"#, schema, write: false).map(\.rule) == [.required])
        #expect(try Self.violations(#"{"ro":"x"}"#, schema, write: true).isEmpty)
        #expect(try Self.violations(#"{}"#, schema, write: true).isEmpty)
    }

    @Test("messages use e-conomic's wording for types and minimums and name the property otherwise")
    func messages() throws {
        let schema = #"{"properties":{"name":{"type":"string","maxLength":2},"n":{"type":"integer","minimum":1},"s":{"type":"string"}}}"#
        let found = try Self.violations(#"{"name":"abc","n":0,"s":null}"#, schema)
        #expect(found.map(\.message) == ["Integer 0 is less than minimum value of 1.", "name is 3 characters long; at most 2 are allowed.",
                                         "Expected String but got Null."])
    }

    @Test("schema files with trailing commas are read; commas inside strings are kept")
    func trailingCommas() throws {
        let value = try LenientJSON.parse(Array(#"{"a":[1,2,],"b":"x,}", "c":{"d":true,},}"#.utf8))
        #expect(value == .object(["a": .array([.int(1), .int(2)]), "b": .string("x,}"), "c": .object(["d": .bool(true)])]))
        #expect(throws: JSONError.self) { try LenientJSON.parse(Array(#"{"a":1,,}"#.utf8)) }
    }
}
