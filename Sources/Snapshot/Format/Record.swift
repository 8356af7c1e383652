import Vocabulary

/// One record of a snapshot: an e-conomic entity of some kind, its key, and
/// its data as e-conomic sent it (less volatile fields such as `self` links
/// and `metaData`).
///
/// Its line in a snapshot file is canonical, so two records are equal exactly
/// when their lines are byte-equal:
///
/// ```swift
/// let record = Record(kind: "unit", key: .int(1), data: ["unitNumber": .int(1), "name": .string("stk.")])
/// String(decoding: record.line, as: UTF8.self)
/// // {"kind":"unit","key":1,"data":{"name":"stk.","unitNumber":1}}
/// ```
public struct Record: Hashable, Sendable {
    public var kind: String
    public var key: RecordKey
    public var data: [String: JSONValue]

    /// Fields that change on every read and say nothing about the entity (a list: two comparisons beat a hash).
    public static let volatileFields = ["self", "metaData"]

    public init(kind: String, key: RecordKey, data: [String: JSONValue]) {
        self.kind = kind
        self.key = key
        self.data = data
    }

    /// A record from an entity as e-conomic sends it, with volatile fields
    /// dropped (at every level of nesting).
    public init(kind: String, key: RecordKey, entity: [String: JSONValue]) {
        self.init(kind: kind, key: key, data: Self.droppingVolatile(entity))
    }

    /// A record from an entity as e-conomic sends it, with volatile fields
    /// dropped and, in its objects at every level (not inside arrays), the
    /// texts `isLink` matches; an object that held only such texts goes too.
    /// One walk over the entity does both.
    public init(kind: String, key: RecordKey, entity: [String: JSONValue], droppingLinks isLink: (String) -> Bool) {
        self.init(kind: kind, key: key, data: Self.pruned(entity, isLink).fields ?? entity)
    }

    static func droppingVolatile(_ fields: [String: JSONValue]) -> [String: JSONValue] {
        pruned(fields, noLinks).fields ?? fields
    }

    /// For a walk that drops volatile fields only.
    private static func noLinks(_ text: String) -> Bool { false }

    /// `fields` less its volatile fields and the link texts `isLink` matches
    /// (`fields` nil when it has none at any level, so that most of a page's
    /// objects are kept as parsed, not built again); `onlyLinks` when it is
    /// not empty and every field is a link text or an object of only those.
    private static func pruned(_ fields: [String: JSONValue], _ isLink: (String) -> Bool) -> (fields: [String: JSONValue]?, onlyLinks: Bool) {
        var changed: [String: JSONValue]?
        var onlyLinks = !fields.isEmpty
        for (name, value) in fields {
            var link = false
            var cleaned: JSONValue?   // the value less what goes inside it, when something does
            switch value {
            case .string(let text): link = isLink(text)
            case .object(let nested):
                let inner = pruned(nested, isLink)
                link = inner.onlyLinks
                cleaned = inner.fields.map(JSONValue.object)
            case .array(let items): cleaned = pruned(items)
            default: break
            }
            onlyLinks = onlyLinks && link
            let dropped = link || volatileFields.contains(name)  // two comparisons, no hashing: asked for every field pulled
            guard dropped || cleaned != nil else { continue }
            if changed == nil { changed = fields }
            changed![name] = dropped ? nil : cleaned
        }
        return (changed, onlyLinks)
    }

    /// `items` less the volatile fields of the objects in them (links stay), nil when none has any.
    private static func pruned(_ items: [JSONValue]) -> JSONValue? {
        var changed: [JSONValue]?
        for (index, item) in items.enumerated() {
            let cleaned: JSONValue? = switch item {
            case .object(let fields): pruned(fields, noLinks).fields.map(JSONValue.object)
            case .array(let nested): pruned(nested)
            default: nil
            }
            guard let cleaned else { continue }
            if changed == nil { changed = items }
            changed![index] = cleaned
        }
        return changed.map(JSONValue.array)
    }

    /// The canonical line: `{"kind":…,"key":…,"data":{…}}`, without a newline.
    public var line: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        appendLine(to: &output)
        return output
    }

    /// Appends the canonical line (without a newline) to `output`.
    public func appendLine(to output: inout [UInt8]) {
        output.append(contentsOf: #"{"kind":"#.utf8)
        CanonicalJSON.writeString(kind, into: &output)
        output.append(contentsOf: #","key":"#.utf8)
        CanonicalJSON.write(key.json, into: &output)
        output.append(contentsOf: #","data":"#.utf8)
        CanonicalJSON.writeObject(data, into: &output)
        output.append(UInt8(ascii: "}"))
    }

    /// Parses a record line; the line must be in canonical form (checked by
    /// writing the record again, unless `checkCanonical` is false: for lines of
    /// a snapshot verified when it entered the store).
    public init(line: [UInt8], checkCanonical: Bool = true) throws {
        let value: JSONValue
        do {
            value = try CanonicalJSON.parse(line)
        } catch let error as JSONError {
            throw RecordLineError("is not valid JSON: \(error)")
        }
        guard case .object(let fields) = value, fields.count == 3,
              case .string(let kind)? = fields["kind"], let keyValue = fields["key"], case .object(let data)? = fields["data"] else {
            throw RecordLineError("is not a record: a record line is {\"kind\":…,\"key\":…,\"data\":{…}}")
        }
        guard let key = RecordKey(keyValue) else {
            throw RecordLineError("has key \(keyValue), which is neither a whole number nor a string")
        }
        self.init(kind: kind, key: key, data: data)
        if checkCanonical && self.line != line {
            throw RecordLineError("is not in canonical form (sorted keys, no spaces, one spelling per number and string)")
        }
    }
}

/// What is wrong with a record line (the reader adds file and line number).
public struct RecordLineError: CodedError {
    public static let domain = "record"
    /// Always `bad-record`: the message says what is wrong.
    public var code: ErrorCode<RecordLineError> { "bad-record" }
    /// What is wrong with the line.
    public var message: String
    public init(_ message: String) { self.message = message }
    public func describe(_ wording: any RemedyWording) -> String { message }
}
