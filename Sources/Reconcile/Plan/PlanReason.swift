import Vocabulary

/// Why a plan operation does what it does, as data: the records and fields
/// it names are its associated values, so each front end words it in its
/// language (the shared catalogue's `words(_:)`); ``description`` is the
/// English wording plan files, `--json` and the run log keep.
///
/// ```swift
/// PlanReason.unresolved("employeeNumber", naming: ReferencedRecord(kind: .employee, id: 3, name: "Jens Hansen"))
///     .description   // "Employee is missing an e-conomic ID: Jens Hansen (employee 3): set the employee's e-conomic id or enable employee sync"
/// ```
public indirect enum PlanReason: Sendable, Hashable, Codable {
    // Pulls.
    /// A record e-conomic has and the replica does not.
    case newInEconomic
    /// Fields e-conomic changed.
    case changedInEconomic
    /// e-conomic's values put back over edits in the replica: the module only imports.
    case changedInEconomicImporting(Module)
    /// A record e-conomic no longer has.
    case deletedInEconomic
    /// A replica record linked to the e-conomic record it matches by `field`.
    case linked(Kind, key: String, field: String)

    // Pushes.
    /// A record new in the replica.
    case newInReplica
    /// Fields changed in the replica.
    case changedInReplica
    /// A record deleted in the replica, barred in e-conomic.
    case deletedInReplica

    // Skips.
    /// e-conomic changed it last before the integration was activated.
    case historical(changed: String, activation: String)
    /// Gone from e-conomic, and the module does not pull.
    case goneFromEconomic(Kind, key: String)
    /// Read-only fields changed in the replica only.
    case readOnly(fields: [String])
    /// Deleted in the replica, and the module only imports.
    case deletedImporting(Module)
    /// New in the replica, and the module only imports.
    case newImporting(Module)
    /// A product new in the replica, with product auto-creation off.
    case autoCreateOff
    /// A registration not approved.
    case notApproved
    /// The kind is switched off by a setting.
    case switchedOff(Switch)
    /// A sub-project merged into its main project.
    case mergedSubProject
    /// An e-conomic record held back while the replica record `record` matches it ambiguously (`why`).
    case heldBack(Kind, record: String, because: PlanReason)

    // Blocks.
    /// A product's unit changed in the replica after e-conomic has the product.
    case unitChange(product: String, from: String, to: String)
    /// Deleted in the replica, and e-conomic cannot bar records of the kind.
    case cannotBar(Kind)
    /// A create without a field e-conomic requires, and the setting that gives a default.
    case requiredMissing(Kind, key: String, field: String, setting: String)
    /// "Employee is missing an e-conomic ID".
    case employeeMissingID(ReferencedRecord?)
    /// An hour type without an e-conomic activity.
    case activityUnmapped(ReferencedRecord?)
    /// "Customer not found in e-conomic".
    case customerNotFound(ReferencedRecord?)
    /// Another field referring to a record e-conomic does not have yet.
    case unresolved(field: String, ReferencedRecord?)
    /// New replica records sharing a link field's value (`records` as ``ThreeWayDiff`` names them).
    case sameValue(Kind, records: [String], field: String, value: String)
    /// A new replica record with the link value of an e-conomic record another replica record already is.
    case duplicate(Kind, record: String, field: String, value: String, economic: String, replica: String)
    /// A replica record matching several e-conomic records (or one that other replica records match too).
    case ambiguous(Kind, field: String, matches: [String], rivals: Bool)
    /// A push needing a record the plan does not create (`because`: why not, when the plan has it).
    case dependencyMissing(field: String, Kind, key: String, because: PlanReason?)
    /// A material's product not in e-conomic, with auto-creation off.
    case productMissing(String)
    /// A material's product not in e-conomic that the plan cannot create (`because`: why not, when the plan has it).
    case productNotCreatable(String, because: PlanReason?)
    /// A project number e-conomic gives another project already.
    case numberTaken(Int64, name: String)
    /// Words recorded as they are: e-conomic's refusal of a push, or a
    /// reason an earlier econsync recorded in words only.
    case recorded(String)

    /// The settings that switch a kind off.
    public enum Switch: String, Sendable, Hashable, Codable, CaseIterable {
        /// `projects.syncEmployees`.
        case employees
        /// `projects.syncHours`.
        case hours
        /// `customers.syncGroups`.
        case customerGroups
    }

    /// Why a push is blocked when `field` refers to a record e-conomic does
    /// not have: the brief's troubleshooting case, naming the record when known.
    public static func unresolved(_ field: String, naming record: ReferencedRecord? = nil) -> PlanReason {
        switch field {
        case "employeeNumber": .employeeMissingID(record)
        case "activityNumber": .activityUnmapped(record)
        case "customerNumber", "customer.customerNumber": .customerNotFound(record)
        default: .unresolved(field: field, record)
        }
    }
}
