import Foundation

/// A remedy as a stable name and its values, for front ends that hand it
/// on rather than word it (`--json` errors, the admin panel's buttons).
///
/// ```swift
/// Remedy.setConfig(key: "orders.layout").action        // "setConfig"
/// Remedy.setConfig(key: "orders.layout").values        // ["key": .text("orders.layout")]
/// ```
extension Remedy {
    /// A value a remedy carries: a setting's name, a record's number, a file.
    public enum Value: Hashable, Sendable {
        case text(String)
        case number(Int64)
    }

    /// The remedy's name, stable across releases: the case's name.
    public var action: String {
        switch self {
        case .initialise: "initialise"
        case .upgradeReplica: "upgradeReplica"
        case .listSettings: "listSettings"
        case .setConfig: "setConfig"
        case .setOrderLayout: "setOrderLayout"
        case .setHoursProduct: "setHoursProduct"
        case .setProjectCustomer: "setProjectCustomer"
        case .syncCustomers: "syncCustomers"
        case .setEmployeeNumber: "setEmployeeNumber"
        case .mapActivity: "mapActivity"
        case .enableProductCreation: "enableProductCreation"
        case .deleteDraftOrder: "deleteDraftOrder"
        case .connect: "connect"
        case .checkGrantToken: "checkGrantToken"
        case .reconnect: "reconnect"
        case .disconnect: "disconnect"
        case .restrictCredentials: "restrictCredentials"
        case .reconcileFully: "reconcileFully"
        case .resumeReconcile: "resumeReconcile"
        case .finishSync: "finishSync"
        case .resumeIntegration: "resumeIntegration"
        case .retryLater: "retryLater"
        case .waitForCooldown: "waitForCooldown"
        }
    }

    /// The values the remedy carries, by their names in its case; empty for most.
    public var values: [String: Value] {
        switch self {
        case .setConfig(let key): ["key": .text(key)]
        case .setHoursProduct(let hourType): ["hourType": .number(hourType)]
        case .setProjectCustomer(let project): ["project": .number(project)]
        case .deleteDraftOrder(let number): ["number": .number(number)]
        case .restrictCredentials(let path): ["path": .text(path)]
        case .retryLater(let delay): ["after": .text(delay.rawValue)]
        case .waitForCooldown(let until): ["until": .text(until.formatted(.iso8601))]
        case .initialise, .upgradeReplica, .listSettings, .setOrderLayout, .syncCustomers, .setEmployeeNumber, .mapActivity,
             .enableProductCreation, .connect, .checkGrantToken, .reconnect, .disconnect, .reconcileFully, .resumeReconcile, .finishSync,
             .resumeIntegration:
            [:]
        }
    }
}
