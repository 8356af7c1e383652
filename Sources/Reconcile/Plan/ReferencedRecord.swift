import Vocabulary

/// A replica record a field refers to, as a block's reason names it: its
/// kind, local id and name (`Jens Hansen (employee 3)`), so that each front
/// end names the kind in its own language.
public struct ReferencedRecord: Sendable, Hashable, Codable, CustomStringConvertible {
    public var kind: Kind
    public var id: Int64
    public var name: String?

    public init(kind: Kind, id: Int64, name: String?) {
        self.kind = kind
        self.id = id
        self.name = name
    }

    /// `Jens Hansen (employee 3)`, or `employee 3` without a name.
    public var description: String {
        name.map { "\($0) (\(kind.rawValue) \(id))" } ?? "\(kind.rawValue) \(id)"
    }
}
