import Vocabulary

extension PlanReason: CustomStringConvertible {
    /// The reason in English, as plan files, `reconcile --json`, `why --json` and the run log have always had it.
    public var description: String {
        switch self {
        case .newInEconomic: "new in e-conomic"
        case .changedInEconomic: "changed in e-conomic"
        case .changedInEconomicImporting(let module): "changed in e-conomic or edited locally; the \(module) module imports"
        case .deletedInEconomic: "deleted in e-conomic"
        case .linked(let kind, let key, let field): "linked to e-conomic \(kind) \(key) by \(field): never duplicated"
        case .newInReplica: "new in the replica"
        case .changedInReplica: "changed in the replica"
        case .deletedInReplica: "deleted in the replica"
        case .historical(let changed, let activation): "historical: last changed \(changed), before activation \(activation)"
        case .goneFromEconomic(let kind, let key): "\(kind) \(key) is gone from e-conomic"
        case .readOnly(let fields):
            "\(fields.joined(separator: ", ")) changed in the replica only: e-conomic's API does not take it (read-only); "
                + "change it in e-conomic, and the next sync brings it back"
        case .deletedImporting(let module): "deleted in the replica, but the \(module) module only imports"
        case .newImporting(let module): "new in the replica, but the \(module) module only imports"
        case .autoCreateOff: "new in the replica, but product auto-creation is off (setting products.autoCreate)"
        case .notApproved: "not approved: only approved hours are transferred"
        case .switchedOff(.employees): "employee sync is off (projects.syncEmployees)"
        case .switchedOff(.hours): "hour transfer is off (projects.syncHours)"
        case .switchedOff(.customerGroups): "customer groups are not imported (customers.syncGroups)"
        case .mergedSubProject: "a sub-project, merged into its main project (projects.subProjects is merge-into-parent)"
        case .heldBack(let kind, let record, let because): "held back: replica \(kind) \(record) \(because)"
        case .unitChange(let product, let from, let to): "the unit of product \(product) cannot change once it exists in e-conomic (from \(from) to \(to))"
        case .cannotBar(let kind): "deleted in the replica, but e-conomic's \(kind) records cannot be barred; delete it in e-conomic"
        case .requiredMissing(let kind, let key, let field, let setting):
            "\(kind) \(key) has no \(field), which e-conomic requires: set one, or a default (setting \(setting))"
        case .employeeMissingID(let record):
            "Employee is missing an e-conomic ID: \(record?.description ?? "the employee"): set the employee's e-conomic id or enable employee sync"
        case .activityUnmapped(let record):
            "the hour type \(record.map { "\($0) " } ?? "")is not mapped to an e-conomic activity: map it (activity mapping)"
        case .customerNotFound(let record):
            "Customer not found in e-conomic: \(record?.description ?? "the customer"): sync customers or force a sync"
        case .unresolved(let field, let record): "\(field) refers to \(record?.description ?? "a record") e-conomic does not have yet"
        case .sameValue(let kind, let records, let field, let value):
            "\(kind) \(records.joined(separator: " and ")) have the same \(field) \(value): neither is sent until one is corrected, merged or deleted"
        case .duplicate(let kind, let record, let field, let value, let economic, let replica):
            "\(kind) \(record) has the \(field) \(value) of e-conomic \(kind) \(economic), which replica \(kind) \(replica) already is: "
                + "merge the two or correct it; never duplicated"
        case .ambiguous(let kind, let field, let matches, let rivals):
            "matches \(matches.count == 1 ? "" : "several ")e-conomic \(kind)s by \(field) (\(matches.joined(separator: ", ")))"
                + "\(rivals ? " that other replica records match too" : ""): ambiguous, so none is linked; set the e-conomic id on the right one"
        case .dependencyMissing(let field, let kind, let key, let because):
            "\(field) refers to \(kind) \(key), which is not created in e-conomic\(because.map { ": \($0)" } ?? " in this plan")"
        case .productMissing(let product):
            "product \(product) does not exist in e-conomic: create it there, or turn on product auto-creation (setting products.autoCreate)"
        case .productNotCreatable(let product, let because):
            "product \(product) does not exist in e-conomic and cannot be created: \(because?.description ?? "it is not in this plan")"
        case .numberTaken(let number, let name): "project number \(number) is taken in e-conomic by \"\(name)\": give the project another number (it is never renumbered)"
        case .recorded(let words): words
        }
    }
}
