import Replica

/// The customer module's settings (the wizard's step 3): CVR matching,
/// customer groups, the debtor group and payment terms of customers created
/// locally, and contact persons.
public struct CustomerSettings: Sendable, Equatable {
    static let keys: [ConfigKey] = [
        .flag("customers.syncCVR", "validate CVR numbers and match local customers to e-conomic's on them", default: true),
        .flag("customers.syncGroups", "import customer groups from e-conomic", default: true),
        .number("customers.defaultGroup", "the e-conomic customer (debtor) group of customers created locally", 1...Int.max),
        .number("customers.paymentTerms", "the e-conomic payment terms of customers created locally", 1...Int.max),
        .flag("customers.syncContacts", "import the contact persons of customers (one call per customer)", default: false),
    ]

    public var syncCVR = true
    public var syncGroups = true
    public var defaultGroup: Int?
    public var paymentTerms: Int?
    public var syncContacts = false

    public init() {}

    /// The settings stored in `replica`.
    public init(replica: ReplicaStore) throws {
        self.init(try ConfigValues(replica: replica))
    }

    init(_ values: ConfigValues) {
        syncCVR = values.bool("customers.syncCVR")
        syncGroups = values.bool("customers.syncGroups")
        defaultGroup = values.int("customers.defaultGroup")
        paymentTerms = values.int("customers.paymentTerms")
        syncContacts = values.bool("customers.syncContacts")
    }
}
