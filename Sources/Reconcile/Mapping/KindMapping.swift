import Snapshot
import Vocabulary

/// How one kind of record maps between the replica and e-conomic: which
/// module owns it, which way it flows, which system wins both-sided changes
/// by default, its key field, and each mapped field (e-conomic path ← replica
/// field).
///
/// ```swift
/// let customers = Kind.customer.mapping!
/// customers.fields.map(\.economic)   // ["name", "corporateIdentificationNumber", …]
/// ```
public struct KindMapping: Sendable {
    /// Which way records of a kind flow (ARCHITECTURE §5).
    public enum Direction: String, Sendable, CaseIterable {
        /// Both ways.
        case both
        /// e-conomic → replica only.
        case importOnly = "import"
        /// replica → e-conomic only.
        case exportOnly = "export"
    }

    /// How a replica value becomes e-conomic's.
    public enum Conversion: Sendable, Equatable {
        /// Taken as it is.
        case plain
        /// A local id of `kind`, sent as that record's e-conomic key.
        case reference(Kind)
        /// An hour type's local id, sent as its mapped activity number.
        case activity
        /// A `YYYY-MM-DD` date, sent as the Projects API's `YYYY-MM-DDT00:00:00`.
        case dateTime
    }

    /// One mapped field.
    public struct Field: Sendable, Equatable {
        public var economic: FieldPath
        /// The replica field (the record type's property name).
        public var local: String
        public var conversion: Conversion
        /// e-conomic sets the field and its API never takes it (a project's
        /// `isClosed`): pulled, never sent; e-conomic's change wins.
        public var readOnly: Bool

        public init(_ economic: FieldPath, _ local: String, _ conversion: Conversion = .plain, readOnly: Bool = false) {
            self.economic = economic
            self.local = local
            self.conversion = conversion
            self.readOnly = readOnly
        }
    }

    public var kind: Kind
    /// The module that owns the kind.
    public var module: Module { kind.module }
    public var direction: Direction
    /// Who wins a field changed on both sides unless configured otherwise.
    public var master: Side
    /// e-conomic's key field (`customerNumber`, `productNumber`, `number`).
    public var keyField: String
    public var fields: [Field]
    /// Fields a create sends and nothing else compares: e-conomic's key
    /// given by the replica (a project's number, kept as the field gave it).
    public var createFields: [Field]
    /// Whether a kind that only imports still creates the records new in the
    /// replica (customers, "primarily import": one made in the field reaches
    /// e-conomic, and e-conomic's values win every field after that).
    public var createsNew: Bool

    /// The e-conomic paths of the mapped fields.
    public var economicPaths: [FieldPath] { fields.map(\.economic) }

    /// What a create sends: the mapped fields, the create-only ones, and what
    /// the replica's structure says (`isMainProject` for a project with sub-projects).
    public var createPaths: [FieldPath] {
        fields.filter { !$0.readOnly }.map(\.economic) + createFields.map(\.economic) + (kind == .project ? [FieldPath("isMainProject")] : [])
    }

    /// The paths of the fields e-conomic's API never takes.
    public var readOnlyPaths: Set<FieldPath> { Set(fields.filter(\.readOnly).map(\.economic)) }

    public init(kind: Kind, direction: Direction, master: Side, keyField: String, fields: [Field], createFields: [Field] = [],
                createsNew: Bool = false) {
        self.kind = kind
        self.direction = direction
        self.master = master
        self.keyField = keyField
        self.fields = fields
        self.createFields = createFields
        self.createsNew = createsNew
    }

    /// Every kind econsync reconciles, in ``Kind`` order.
    public static let all: [KindMapping] = Kind.allCases.compactMap(\.mapping)
}
