import Snapshot
import Vocabulary

/// The three-way comparison of one kind: the base snapshot (e-conomic at the
/// last reconcile), the new snapshot (e-conomic now) and the replica, merged
/// by key in one pass over the sorted streams, into plan operations that
/// follow the kind's module rules.
///
/// ```swift
/// let ops = ThreeWayDiff(mapping: KindMapping.named("product")!, master: .mobilplan)
///     .operations(base: baseProducts, remote: newProducts, local: replicaProducts)
/// ```
public struct ThreeWayDiff: Sendable {
    public var mapping: KindMapping
    /// Who wins fields changed on both sides (the mapping's default unless configured).
    public var master: Side
    /// Records e-conomic changed last before this time (UTC, ISO 8601) are not
    /// imported: the brief's "historical projects are imported only from the
    /// time of activation".
    public var importSince: String?
    /// Fields by which a replica record e-conomic does not have is linked to
    /// an e-conomic record with the same value instead of being duplicated,
    /// tried in order (customers: the CVR number; employees: number, e-mail,
    /// exact name). A value shared by several records links none: it blocks.
    public var linkBy: [FieldPath]
    /// Why nothing of this kind is pulled or pushed, when the kind is switched off.
    public var off: PlanReason.Switch?

    /// For products: whether records new in the replica are created in
    /// e-conomic (the brief's "new products can be created automatically").
    public var autoCreate: Bool
    /// Values a create sends for fields the replica record leaves empty
    /// (a product's default product group, a project's default project group).
    public var createDefaults: [FieldPath: JSONValue]

    public init(mapping: KindMapping, master: Side? = nil, importSince: String? = nil, linkBy: [FieldPath]? = nil, autoCreate: Bool = true,
                createDefaults: [FieldPath: JSONValue] = [:]) {
        self.mapping = mapping
        self.master = master ?? mapping.master
        self.importSince = importSince
        self.linkBy = linkBy ?? Self.defaultLinks[mapping.kind] ?? []
        self.off = nil
        self.autoCreate = autoCreate
        self.createDefaults = createDefaults
    }

    var canPush: Bool { mapping.direction != .importOnly }
    var canPull: Bool { mapping.direction != .exportOnly }
    var rule: String { MasterRule(configured: master != mapping.master, module: mapping.module, master: master).text }

    /// The operations for one kind. `base`, `remote` and the local records that
    /// e-conomic has must each be sorted by key; records e-conomic does not
    /// have yet may come in any order.
    public func operations(base: some Sequence<Record>, remote: some Sequence<Record>, local: [LocalRecord]) -> [PlanOperation] {
        let unkeyed = unkeyed(local)
        var walk = Walk(linkable: linkable(unkeyed))
        self.walk(base: base, remote: remote, known: local.filter(\.isInEconomic), into: &walk)
        return finish(walk, unkeyed: unkeyed)
    }

    func op(_ key: RecordKey, _ action: PlanOperation.Action, _ fields: [String: JSONValue] = [:], _ reason: PlanReason,
            conflicts: [FieldMerge.Conflict] = [], requires: [Dependency] = []) -> PlanOperation {
        PlanOperation(kind: mapping.kind, key: key.description, action: action, fields: fields, because: reason,
                      conflicts: conflicts, requires: requires)
    }

    func compare(key: RecordKey, base: Record?, remote: Record?, local: LocalRecord?) -> [PlanOperation] {
        switch (remote, local) {
        case (let remote?, nil):
            guard canPull else { return [] }
            // Kept out on every run, not only the first (it is in the next run's base), but reported
            // only while it is news: once the base holds it unchanged, a quiet run plans nothing for it.
            if let importSince, let changed = remote.data["lastUpdated"]?.stringValue, changed < importSince {
                if base?.data == remote.data { return [] }
                return [op(key, .skip, [:], .historical(changed: changed, activation: importSince))]
            }
            return [op(key, .pullInsert, Self.fields(remote.data, mapping.economicPaths), .newInEconomic)]
        case (nil, let local?):
            if local.tombstone { return [] }
            return [canPull ? op(key, .pullDelete, [:], .deletedInEconomic) : op(key, .skip, [:], .goneFromEconomic(mapping.kind, key: key.description))]
        case (let remote?, let local?):
            if local.tombstone { return deleteRemote(key, remote) }
            return merge(key, base: base, remote: remote, local: local)
        case (nil, nil):
            return []
        }
    }

    /// Both sides have the record: push what changed locally, pull what changed
    /// in e-conomic, and let the master decide fields changed on both sides.
    /// An import-only kind never pushes (its local edits give way to e-conomic's
    /// values); an export-only kind never pulls.
    func merge(_ key: RecordKey, base: Record?, remote: Record, local: LocalRecord) -> [PlanOperation] {
        let merge = FieldMerge.merge(base: base?.data, local: local.record.data, remote: remote.data, fields: mapping.economicPaths,
                                     master: canPush && canPull ? master : (canPush ? .mobilplan : .economic), rule: rule)
        var push = merge.push, pull = merge.pull
        if !canPush {
            for path in push.keys { pull[path] = .some(path.value(in: remote.data)) }
            push = [:]
        }
        if !canPull { pull = [:] }
        let notSent = readOnlyEdits(&push, &pull, base: base, remote: remote)
        func flatten(_ values: [FieldPath: JSONValue?]) -> [String: JSONValue] {
            var fields: [String: JSONValue] = [:]
            for (path, value) in values { fields[path.description] = value ?? .null }
            return fields
        }
        var operations: [PlanOperation] = []
        if !pull.isEmpty {
            let reason: PlanReason = merge.push.isEmpty || canPush ? .changedInEconomic : .changedInEconomicImporting(mapping.module)
            // Decisions are journaled once: with the push when there is one, else here.
            operations.append(op(key, .pullUpdate, flatten(pull), reason, conflicts: push.isEmpty ? merge.conflicts : []))
        }
        if !push.isEmpty {
            if mapping.kind == .product, let unit = push.first(where: { $0.key.description == "unit.unitNumber" }) {
                let from = FieldPath("unit.unitNumber").value(in: remote.data)?.description ?? "none"
                return operations + [op(key, .block, [:], .unitChange(product: key.description, from: from, to: (unit.value ?? .null).description))]
            }
            if let blocked = block(local) { return operations + [blocked] }
            if let skipped = skip(local) { return operations + [skipped] }
            let fields = flatten(push)
            operations.append(op(key, .update, fields, .changedInReplica, conflicts: merge.conflicts,
                                 requires: local.dependencies.filter { fields[$0.field] != nil }))
        }
        if !notSent.isEmpty {
            operations.append(op(key, .skip, [:], .readOnly(fields: notSent.map(\.description).sorted())))
        }
        return operations
    }

    /// Takes the read-only fields out of `push`: e-conomic's value is pulled
    /// where e-conomic changed it, and the paths changed in the replica only
    /// are returned (kept in the replica, never sent).
    func readOnlyEdits(_ push: inout [FieldPath: JSONValue?], _ pull: inout [FieldPath: JSONValue?], base: Record?, remote: Record) -> [FieldPath] {
        let readOnly = mapping.readOnlyPaths
        guard !readOnly.isEmpty else { return [] }
        var notSent: [FieldPath] = []
        for path in Array(push.keys) where readOnly.contains(path) {
            push[path] = nil
            if canPull, base.map({ path.value(in: $0.data) != path.value(in: remote.data) }) ?? true {
                pull[path] = .some(path.value(in: remote.data))
            } else {
                notSent.append(path)
            }
        }
        return notSent
    }

    /// A record deleted in the replica: barred in e-conomic where the resource has `barred`.
    func deleteRemote(_ key: RecordKey, _ remote: Record) -> [PlanOperation] {
        guard canPush else { return [op(key, .skip, [:], .deletedImporting(mapping.module))] }
        if let barred = mapping.fields.first(where: { $0.local == "barred" })?.economic {
            if barred.value(in: remote.data) == .bool(true) { return [] }
            return [op(key, .bar, [barred.description: .bool(true)], .deletedInReplica)]
        }
        return [op(key, .block, [:], .cannotBar(mapping.kind))]
    }

    /// A record e-conomic does not have yet.
    func create(_ local: LocalRecord) -> PlanOperation {
        let key = local.record.key
        guard canPush || mapping.createsNew else { return op(key, .skip, [:], .newImporting(mapping.module)) }
        if mapping.kind == .product, !autoCreate {
            return op(key, .skip, [:], .autoCreateOff)
        }
        if let blocked = block(local) { return blocked }
        if let skipped = skip(local) { return skipped }
        var fields = Self.fields(local.record.data, mapping.createPaths)
        for (path, value) in createDefaults where fields[path.description] == nil { fields[path.description] = value }
        if let (path, setting) = Self.requiredForCreate[mapping.kind]?.first(where: { fields[$0.0.description] == nil }) {
            return op(key, .block, [:], .requiredMissing(mapping.kind, key: key.description, field: path.description, setting: setting))
        }
        return op(key, .create, fields, .newInReplica, requires: local.dependencies)
    }

    /// Fields e-conomic refuses a create without, and the setting that gives a default.
    static let requiredForCreate: [Kind: [(FieldPath, String)]] = [
        .product: [("productGroup.productGroupNumber", "products.productGroup")],
        .project: [("projectGroupNumber", "projects.projectGroup")],
        .customer: [("customerGroup.customerGroupNumber", "customers.defaultGroup"), ("paymentTerms.paymentTermsNumber", "customers.paymentTerms")],
    ]

    /// Registrations are pushed only when approved.
    func skip(_ local: LocalRecord) -> PlanOperation? {
        local.approved == false ? op(local.record.key, .skip, [:], .notApproved) : nil
    }

    /// A push that cannot happen until something else exists in e-conomic, with
    /// the brief's wording; references to records this plan can create are not blocks.
    func block(_ local: LocalRecord) -> PlanOperation? {
        let waiting = Set(local.dependencies.map(\.field))
        guard let field = local.unresolved.filter({ !waiting.contains($0) }).sorted().first else { return nil }
        return op(local.record.key, .block, [:], .unresolved(field, naming: local.unresolvedNames[field]))
    }

    /// The mapped fields of `data`, flattened to dotted names.
    public static func fields(_ data: [String: JSONValue], _ paths: [FieldPath]) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for path in paths { if let value = path.comparable(in: data) { fields[path.description] = value } }
        return fields
    }
}
