/// A way to name a record: by local id, by e-conomic key, by its own number
/// (products, employees, projects), inside an import file by the alias an
/// earlier line gave it, or, on the command line, by its name (`stk.`,
/// `Jens Hansen`: case-insensitive, exact, resolved only when one record has it).
///
/// It has two spellings, both parsed and printed here and nowhere else:
/// - on the command line and in import files: `42`, `e:1001`, `n:P-100`, `@hansen`,
///   and on the command line only, any other text as a name (``init(argument:)``);
/// - as a plan key (``planKey``): `local:42` for a record e-conomic does not
///   have yet, or the bare e-conomic key (`1001`).
///
/// ```swift
/// RecordRef("e:1001")                 // .economic("1001")
/// RecordRef(argument: "stk.")         // .name("stk.")
/// RecordRef(planKey: "local:12")      // .local(12)
/// RecordRef.local(12).planKey         // "local:12"
/// ```
public enum RecordRef: Hashable, Sendable, LosslessStringConvertible {
    case local(Int64)
    case economic(String)
    case number(String)
    case alias(String)
    /// A record's name, exact but for case; only on the command line.
    case name(String)

    /// Parses the command line's spelling: `42`, `e:KEY`, `n:NUMBER`, `@ALIAS`.
    public init?(_ text: String) {
        if let id = Int64(text), id > 0 {
            self = .local(id)
        } else if text.hasPrefix("e:"), text.count > 2 {
            self = .economic(String(text.dropFirst(2)))
        } else if text.hasPrefix("n:"), text.count > 2 {
            self = .number(String(text.dropFirst(2)))
        } else if text.hasPrefix("@"), text.count > 1 {
            self = .alias(String(text.dropFirst()))
        } else {
            return nil
        }
    }

    /// Parses the command line's spelling, where any text that is not one of
    /// the other forms (nor a number, nor a bare `e:`, `n:` or `@`) names a
    /// record by its name. Nil only for such malformed text and for blank text.
    public init?(argument text: String) {
        if let ref = RecordRef(text) {
            self = ref
        } else if Int64(text) != nil || ["e:", "n:", "@"].contains(text) || text.trimmingCharacters(in: .whitespaces).isEmpty {
            return nil
        } else {
            self = .name(text)
        }
    }

    /// Parses a plan key: `local:ID` is a replica row e-conomic does not have
    /// yet; anything else is an e-conomic key.
    public init(planKey: String) {
        if planKey.hasPrefix(Self.localPrefix), let id = Int64(planKey.dropFirst(Self.localPrefix.count)) {
            self = .local(id)
        } else {
            self = .economic(planKey)
        }
    }

    /// The command line's spelling.
    public var description: String {
        switch self {
        case .local(let id): String(id)
        case .economic(let key): "e:\(key)"
        case .number(let number): "n:\(number)"
        case .alias(let alias): "@\(alias)"
        case .name(let name): "\"\(name)\""
        }
    }

    /// The plan's spelling: `local:ID`, or the e-conomic key itself.
    /// Numbers, aliases and names are resolved before a plan is made, so they have none.
    public var planKey: String? {
        switch self {
        case .local(let id): Self.localPrefix + String(id)
        case .economic(let key): key
        case .number, .alias, .name: nil
        }
    }

    /// The local id this reference names directly, if it is one.
    public var localID: Int64? {
        if case .local(let id) = self { return id }
        return nil
    }

    /// The local id a plan key names, if it is `local:ID`.
    public static func localID(inPlanKey planKey: String) -> Int64? {
        RecordRef(planKey: planKey).localID
    }

    /// Whether a plan key names a record e-conomic does not have yet.
    public static func isLocal(planKey: String) -> Bool { localID(inPlanKey: planKey) != nil }

    /// The plan key of replica row `id`: `local:ID`.
    public static func planKey(local id: Int64) -> String { localPrefix + String(id) }

    private static let localPrefix = "local:"

    /// How to write a reference, for error messages.
    public static let syntax = "a local id (42), an e-conomic key (e:1001), a number (n:P-100) or, in import files, an alias (@name)"
}
