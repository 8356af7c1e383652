/// Decodes a `Decodable` value straight from a ``JSONValue``, without writing
/// the value out as JSON text and parsing it again (what `JSONDecoder` would
/// need). It follows `JSONDecoder`'s rules for the types records use:
/// numbers decode as integers only when whole and in range, `null` is absent
/// for optionals, and a mismatch is a `DecodingError` naming the coding path.
///
/// ```swift
/// struct Unit: Decodable { var name: String; var number: Int }
/// let unit = try JSONValueDecoder.decode(Unit.self, from: .object(["name": .string("Timer"), "number": .int(1)]))
/// ```
public struct JSONValueDecoder: Decoder {
    let value: JSONValue
    public let codingPath: [any CodingKey]
    public var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: JSONValue, codingPath: [any CodingKey]) {
        self.value = value
        self.codingPath = codingPath
    }

    /// Decodes `type` from `value`.
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try T(from: JSONValueDecoder(value, codingPath: []))
    }

    /// Decodes `type` from `fields`, as from an object of them.
    public static func decode<T: Decodable, Fields: JSONFields>(_ type: T.Type, fields: Fields) throws -> T {
        try T(from: FieldsDecoder(fields: fields))
    }

    public func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let fields) = value else { throw Self.mismatch([String: JSONValue].self, value, codingPath) }
        return KeyedDecodingContainer(Keyed<Key, [String: JSONValue]>(fields: fields, codingPath: codingPath))
    }

    public func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw Self.mismatch([JSONValue].self, value, codingPath) }
        return Unkeyed(elements: elements, codingPath: codingPath)
    }

    public func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(value: value, codingPath: codingPath)
    }
}

// MARK: - Scalars

extension JSONValueDecoder {
    /// `value` as `T`, for the scalar types; nil for any other type (decoded through its own `init(from:)`).
    /// The coding path is built only for an error (`path`): a record's fields decode without one array per field.
    static func scalar<T>(_ type: T.Type, _ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> T? {
        switch type {
        case is String.Type: return try string(value, path) as? T
        case is Bool.Type: return try bool(value, path) as? T
        case is Double.Type: return try double(value, path) as? T
        case is Float.Type:
            guard case .number(let text) = value, let number = Float(text) else { throw mismatch(type, value, path()) }
            return number as? T
        case is Int.Type: return try integer(Int.self, value, path) as? T
        case is Int64.Type: return try integer(Int64.self, value, path) as? T
        case is Int32.Type: return try integer(Int32.self, value, path) as? T
        case is Int16.Type: return try integer(Int16.self, value, path) as? T
        case is Int8.Type: return try integer(Int8.self, value, path) as? T
        case is UInt.Type: return try integer(UInt.self, value, path) as? T
        case is UInt64.Type: return try integer(UInt64.self, value, path) as? T
        case is UInt32.Type: return try integer(UInt32.self, value, path) as? T
        case is UInt16.Type: return try integer(UInt16.self, value, path) as? T
        case is UInt8.Type: return try integer(UInt8.self, value, path) as? T
        default: return nil
        }
    }

    static func string(_ value: JSONValue, _ path: () -> [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self, value, path()) }
        return text
    }

    static func bool(_ value: JSONValue, _ path: () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, value, path()) }
        return flag
    }

    static func double(_ value: JSONValue, _ path: () -> [any CodingKey]) throws -> Double {
        guard case .number(let text) = value, let number = Double(text) else { throw mismatch(Double.self, value, path()) }
        return number
    }

    /// A whole number that fits `type` (canonical numbers spell whole values without a fraction).
    static func integer<I: FixedWidthInteger>(_ type: I.Type, _ value: JSONValue, _ path: () -> [any CodingKey]) throws -> I {
        guard case .number(let text) = value else { throw mismatch(type, value, path()) }
        guard let number = I(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path(), debugDescription: "Number \(text) does not fit in \(type)."))
        }
        return number
    }

    static func decode<T: Decodable>(_ type: T.Type, _ value: JSONValue, _ path: @autoclosure () -> [any CodingKey]) throws -> T {
        if let scalar = try scalar(type, value, path()) { return scalar }
        return try T(from: JSONValueDecoder(value, codingPath: path()))
    }

    static func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
        if value == .null {
            return .valueNotFound(type, .init(codingPath: path, debugDescription: "Expected \(type) value but found null instead."))
        }
        return .typeMismatch(type, .init(codingPath: path, debugDescription: "Expected to decode \(type) but found \(value) instead."))
    }
}

// MARK: - Containers

extension JSONValueDecoder {
    /// The decoder of a top-level ``JSONFields``: only a keyed container reads it.
    struct FieldsDecoder<Fields: JSONFields>: Decoder {
        let fields: Fields
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Keyed<Key, Fields>(fields: fields, codingPath: []))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([JSONValue].self, .init(codingPath: [], debugDescription: "Expected an array but found an object instead."))
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            throw DecodingError.typeMismatch(JSONValue.self, .init(codingPath: [], debugDescription: "Expected a single value but found an object instead."))
        }
    }

    /// The standard library's `KeyedDecodingContainer` copies its container
    /// out of its box for every field decoded, so the container is one
    /// reference to its fields and path, not the fields and path themselves
    /// (copying those, through the generic value witnesses, was a quarter of
    /// decoding each of a first pull's 100,000 records).
    struct Keyed<Key: CodingKey, Fields: JSONFields>: KeyedDecodingContainerProtocol {
        private final class Storage {
            let fields: Fields
            let codingPath: [any CodingKey]

            init(fields: Fields, codingPath: [any CodingKey]) {
                self.fields = fields
                self.codingPath = codingPath
            }
        }

        private let storage: Storage
        var codingPath: [any CodingKey] { storage.codingPath }

        init(fields: Fields, codingPath: [any CodingKey]) {
            storage = Storage(fields: fields, codingPath: codingPath)
        }

        var allKeys: [Key] { storage.fields.names.compactMap(Key.init(stringValue:)) }

        func contains(_ key: Key) -> Bool { storage.fields[key.stringValue] != nil }

        func field(_ key: Key) throws -> JSONValue {
            guard let value = storage.fields[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
            }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool { try field(key) == .null }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONValueDecoder.decode(type, try field(key), codingPath + [key])
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let value = storage.fields[key.stringValue], value != .null else { return nil }
            return try JSONValueDecoder.decode(type, value, codingPath + [key])
        }

        // The scalar types records hold, each with its own overload: without
        // them a synthesized `init(from:)` reaches the generic ``decode(_:forKey:)``
        // through a type switch, and an optional field through the standard
        // library's `decodeIfPresent`, which looks the key up three times.
        // Same values, same errors (the ones ``JSONValueDecoder/scalar(_:_:_:)`` gives).

        func decode(_ type: String.Type, forKey key: Key) throws -> String {
            try string(try field(key), key)
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
            try bool(try field(key), key)
        }

        func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
            try double(try field(key), key)
        }

        func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
            try JSONValueDecoder.integer(type, try field(key)) { codingPath + [key] }
        }

        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
            try JSONValueDecoder.integer(type, try field(key)) { codingPath + [key] }
        }

        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            guard let value = storage.fields[key.stringValue], value != .null else { return nil }
            return try string(value, key)
        }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            guard let value = storage.fields[key.stringValue], value != .null else { return nil }
            return try bool(value, key)
        }

        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
            guard let value = storage.fields[key.stringValue], value != .null else { return nil }
            return try double(value, key)
        }

        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            guard let value = storage.fields[key.stringValue], value != .null else { return nil }
            return try JSONValueDecoder.integer(type, value) { codingPath + [key] }
        }

        func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
            guard let value = storage.fields[key.stringValue], value != .null else { return nil }
            return try JSONValueDecoder.integer(type, value) { codingPath + [key] }
        }

        func string(_ value: JSONValue, _ key: Key) throws -> String {
            try JSONValueDecoder.string(value) { codingPath + [key] }
        }

        func bool(_ value: JSONValue, _ key: Key) throws -> Bool {
            try JSONValueDecoder.bool(value) { codingPath + [key] }
        }

        func double(_ value: JSONValue, _ key: Key) throws -> Double {
            try JSONValueDecoder.double(value) { codingPath + [key] }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONValueDecoder(try field(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(try field(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            JSONValueDecoder(storage.fields["super"] ?? .null, codingPath: codingPath)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            JSONValueDecoder(storage.fields[key.stringValue] ?? .null, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let elements: [JSONValue]
        let codingPath: [any CodingKey]
        var currentIndex = 0

        init(elements: [JSONValue], codingPath: [any CodingKey]) {
            self.elements = elements
            self.codingPath = codingPath
        }

        var count: Int? { elements.count }
        var isAtEnd: Bool { currentIndex >= elements.count }

        struct Index: CodingKey {
            let intValue: Int?
            var stringValue: String { "Index \(intValue ?? 0)" }
            init(intValue: Int) { self.intValue = intValue }
            init?(stringValue: String) { nil }
        }

        mutating func next(_ type: Any.Type) throws -> (JSONValue, [any CodingKey]) {
            let path = codingPath + [Index(intValue: currentIndex)]
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "Unkeyed container is at end."))
            }
            defer { currentIndex += 1 }
            return (elements[currentIndex], path)
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, elements[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, path) = try next(type)
            return try JSONValueDecoder.decode(type, value, path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let (value, path) = try next([String: JSONValue].self)
            return try JSONValueDecoder(value, codingPath: path).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (value, path) = try next([JSONValue].self)
            return try JSONValueDecoder(value, codingPath: path).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (value, path) = try next(JSONValue.self)
            return JSONValueDecoder(value, codingPath: path)
        }
    }

    struct Single: SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { value == .null }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONValueDecoder.decode(type, value, codingPath)
        }
    }
}
