import Economic
import Foundation
import Reconcile
import Replica
import Snapshot
import Vocabulary

/// What the setup wizard offers, fetched from e-conomic: layouts, customer
/// groups, payment terms, product groups, activities, employees and the
/// products hours can be invoiced on; with the default it proposes for each
/// setting.
///
/// ```swift
/// let choices = try await SetupChoices.fetch(client)
/// choices.defaults(replica: replica)["orders.layout"]   // "19"
/// ```
public struct SetupChoices: Sendable, Equatable {
    /// One thing to choose: its number (or product number) and name.
    public struct Choice: Sendable, Equatable, CustomStringConvertible {
        public var number: String
        public var name: String
        public var description: String { "\(number) \(name)" }
    }

    public var layouts: [Choice] = []
    public var customerGroups: [Choice] = []
    public var paymentTerms: [Choice] = []
    public var productGroups: [Choice] = []
    public var activities: [Choice] = []
    public var employees: [Choice] = []
    /// Products whose unit is hours: what hours can be invoiced on.
    public var hourProducts: [Choice] = []
    /// Project groups (Projects API), for projects created in the field.
    public var projectGroups: [Choice] = []

    public init() {}

    /// Fetches every list from e-conomic (a handful of calls).
    public static func fetch(_ client: EconomicClient) async throws -> SetupChoices {
        var choices = SetupChoices()
        choices.layouts = try await list(client, .layout)
        choices.customerGroups = try await list(client, .customerGroup)
        choices.paymentTerms = try await list(client, .paymentTerm)
        choices.productGroups = try await list(client, .productGroup)
        choices.activities = try await list(client, .hourType)
        choices.employees = try await list(client, .employee)
        choices.projectGroups = try await projectGroups(client)
        let products = try await records(client, .product)
        choices.hourProducts = products.filter { record in
            let unit = FieldPath("unit.name").value(in: record.data)?.stringValue?.lowercased() ?? ""
            return unit.hasPrefix("time") || unit.hasPrefix("hour")
        }.map { Choice(number: $0.key.description, name: $0.data["name"]?.stringValue ?? "") }
        return choices
    }

    /// What a setting names in e-conomic ("layout", …), for the settings whose value is an e-conomic record's number.
    public static let namedRecords: [String: String] = [
        "orders.layout": "layout", "customers.defaultGroup": "customer group", "customers.paymentTerms": "payment terms",
        "products.productGroup": "product group", "projects.projectGroup": "project group", "orders.hoursProduct": "product",
    ]

    /// e-conomic's records a setting may name (see ``namedRecords``), fetched
    /// for that one setting; nil for a setting that names none.
    public static func choices(for setting: String, _ client: EconomicClient) async throws -> [Choice]? {
        switch setting {
        case "orders.layout": try await list(client, .layout)
        case "customers.defaultGroup": try await list(client, .customerGroup)
        case "customers.paymentTerms": try await list(client, .paymentTerm)
        case "products.productGroup": try await list(client, .productGroup)
        case "projects.projectGroup": try await projectGroups(client)
        case "orders.hoursProduct": try await list(client, .product)
        default: nil
        }
    }

    /// e-conomic's project groups (`/ProjectGroups`, not a kind econsync syncs), by number.
    static func projectGroups(_ client: EconomicClient) async throws -> [Choice] {
        var groups: [Choice] = []
        _ = try await client.forEachCursorPage("ProjectGroups", module: "setup") { page in
            guard case .array(let items)? = try CanonicalJSON.parse(page.body)["items"] else {
                throw EconomicError(.badResponse, message: "a ProjectGroups page has no items", request: "GET /ProjectGroups")
            }
            groups += items.compactMap { item in
                item["number"]?.intValue.map { Choice(number: String($0), name: item["name"]?.stringValue ?? "") }
            }
        }
        return groups.sorted { (Int($0.number) ?? 0) < (Int($1.number) ?? 0) }
    }

    static func list(_ client: EconomicClient, _ kind: Kind) async throws -> [Choice] {
        try await records(client, kind).map { Choice(number: $0.key.description, name: $0.data["name"]?.stringValue ?? "") }
    }

    static func records(_ client: EconomicClient, _ kind: Kind) async throws -> [Record] {
        guard let resource = kind.economic else { return [] }
        var found: [Record] = []
        try await resource.forEachPage(client, module: "setup") { page in found += try SnapshotPuller.records(in: page.body, kind: resource) }
        return found.sorted { $0.key < $1.key }
    }

    /// The value the wizard proposes for each setting it asks about: what is
    /// set already, else the setting's default, else the first of e-conomic's choices.
    public func defaults(replica: ReplicaStore) throws -> [String: String] {
        let stored = try replica.settings()
        var values: [String: String] = [:]
        for key in ConfigKey.all {
            if let value = stored[key.name] ?? key.defaultValue { values[key.name] = value }
        }
        let firsts: [(String, [Choice])] = [
            ("orders.layout", layouts), ("customers.defaultGroup", customerGroups), ("customers.paymentTerms", paymentTerms),
            ("products.productGroup", productGroups), ("orders.hoursProduct", hourProducts), ("projects.projectGroup", projectGroups),
        ]
        for (name, list) in firsts where values[name] == nil {
            if let first = list.first { values[name] = first.number }
        }
        if values["projects.direction"] == nil { values["projects.direction"] = "both" }
        return values
    }

    /// For each local hour type without an activity: the e-conomic activity with its exact name, if there is one.
    public func activityMatches(replica: ReplicaStore) throws -> [(hourType: HourType, activity: Choice?)] {
        try replica.list(HourType.self).filter { $0.activityNumber == nil }.map { hourType in
            (hourType, activities.first { $0.name == hourType.name })
        }
    }
}
