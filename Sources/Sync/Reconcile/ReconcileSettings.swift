import Reconcile
import Vocabulary
import Replica
import Snapshot

/// The reconcile's settings, kept in the replica's settings table: who is
/// master of each module, which way projects flow, product auto-creation,
/// default groups for records created in e-conomic, and the activation time
/// before which historical projects are not imported.
///
/// ```swift
/// let settings = try ReconcileSettings(replica: replica)
/// settings.master(of: .projects)   // .mobilplan unless configured
/// ```
public struct ReconcileSettings: Sendable, Equatable {
    /// One setting a user may set.
    public typealias Key = ConfigKey

    /// The reconcile's settings.
    static let keys: [Key] = {
        let modules = Set(KindMapping.all.map(\.module))
        var keys = modules.sorted().map(\.rawValue).map { module in
            Key(name: "\(module).master", help: "who wins fields changed on both sides in the \(module) module: mobilplan or economic") {
                Side(rawValue: $0) == nil ? .notEither("mobilplan", "economic") : nil
            }
        }
        keys += [
            .choice("projects.direction", "which way projects flow", KindMapping.Direction.self),
            .flag("products.autoCreate", "create products new in the replica (and those materials need) in e-conomic", default: true),
            Key(name: "products.productGroup", help: "the e-conomic product group of products created without one") {
                (Int($0).map { $0 > 0 } ?? false) ? nil : .notGroupNumber(.product)
            },
            Key(name: "projects.projectGroup", help: "the e-conomic project group of projects created without one") {
                (Int($0).map { $0 > 0 } ?? false) ? nil : .notGroupNumber(.project)
            },
            Key(name: "activatedAt", help: "when the integration was activated (UTC, 2026-11-02T08:00:00Z): older projects are not imported") {
                Timestamp.date($0) == nil ? .notUTCTime : nil
            },
        ]
        return keys
    }()

    public var masters: [Module: Side] = [:]
    public var projectsDirection: KindMapping.Direction?
    public var autoCreateProducts = true
    public var productGroup: Int64?
    public var projectGroup: Int64?
    /// Wizard step 3: the debtor group and payment terms of customers created in the field.
    public var customers = CustomerSettings()
    public var activatedAt: String?
    /// The project module's settings (hours, employees, sub-projects).
    public var projects = ProjectSettings()
    /// Reconcile modules of sync modules switched off (suppliers without the finance module): left out of every plan.
    public var disabledModules: Set<Module> = []

    public init() {}

    /// The settings stored in `replica`.
    public init(replica: ReplicaStore) throws {
        self.init(try ConfigValues(replica: replica))
    }

    init(_ values: ConfigValues) {
        for key in Self.keys where key.name.hasSuffix(".master") {
            if let value = values.string(key.name), let side = Side(rawValue: value),
               let module = Module(rawValue: String(key.name.dropLast(".master".count))) {
                masters[module] = side
            }
        }
        projectsDirection = values.string("projects.direction").flatMap(KindMapping.Direction.init(rawValue:))
        autoCreateProducts = values.string("products.autoCreate") != "false"
        productGroup = values.string("products.productGroup").flatMap { Int64($0) }
        projectGroup = values.string("projects.projectGroup").flatMap { Int64($0) }
        customers = CustomerSettings(values)
        activatedAt = values.string("activatedAt")
        projects = ProjectSettings(values)
        let modules = ModuleSettings(values)
        disabledModules = Set(Module.allCases.filter { !modules.isEnabled($0) })
    }

    /// Every mapping, with the configured project direction.
    public var mappings: [KindMapping] {
        KindMapping.all.filter { !disabledModules.contains($0.module) }.map { mapping in
            var mapping = mapping
            if mapping.kind == .project, let projectsDirection { mapping.direction = projectsDirection }
            if mapping.kind == .project, projects.subProjects != .linked {
                // Standalone or merged: e-conomic sees no main-project links.
                mapping.fields.removeAll { $0.economic.description == "mainProjectNumber" }
            }
            if mapping.kind == .customer, !customers.syncGroups {
                // Groups not imported: a customer's group cannot be referred to (one created here gets customers.defaultGroup).
                mapping.fields.removeAll { $0.conversion == .reference(.customerGroup) }
            }
            return mapping
        }
    }

    /// The master of `module`: configured, or the default of its mappings.
    public func master(of module: Module) -> Side? {
        masters[module]
    }

    /// The kinds a reconcile may create in e-conomic.
    public var creatableKinds: Set<Kind> {
        Set(mappings.filter { ($0.direction != .importOnly || $0.createsNew) && ($0.kind != .product || autoCreateProducts) }.map(\.kind))
    }

    /// The three-way diff of one kind under these settings.
    public func diff(_ mapping: KindMapping) -> ThreeWayDiff {
        var defaults: [FieldPath: JSONValue] = [:]
        if mapping.kind == .product, let productGroup { defaults["productGroup.productGroupNumber"] = .int(productGroup) }
        if mapping.kind == .project, let projectGroup { defaults["projectGroupNumber"] = .int(projectGroup) }
        if mapping.kind == .customer {
            if let group = customers.defaultGroup { defaults["customerGroup.customerGroupNumber"] = .int(Int64(group)) }
            if let terms = customers.paymentTerms { defaults["paymentTerms.paymentTermsNumber"] = .int(Int64(terms)) }
            defaults["vatZone.vatZoneNumber"] = .int(1)  // e-conomic requires one; 1 is every agreement's "Domestic"
            defaults["currency"] = .string("DKK")
        }
        var diff = ThreeWayDiff(mapping: mapping, master: masters[mapping.module], importSince: mapping.kind == .project ? activatedAt : nil,
                                autoCreate: autoCreateProducts, createDefaults: defaults)
        if mapping.kind == .employee, !projects.syncEmployees { diff.off = .employees }
        if mapping.kind == .timeEntry, !projects.syncHours { diff.off = .hours }
        if mapping.kind == .customerGroup, !customers.syncGroups { diff.off = .customerGroups }
        if mapping.kind == .customer, !customers.syncCVR { diff.linkBy = [] }   // no matching on the CVR number
        return diff
    }
}
