import Reconcile
import Replica

/// The order export's settings (the wizard's step 2): what goes on an order,
/// the line texts, grouping, and the e-conomic layout.
public struct OrderExportSettings: Sendable, Equatable {
    static let keys: [ConfigKey] = [
        .flag("orders.exportHours", "put time registrations on exported orders", default: true),
        .flag("orders.exportMaterials", "put material registrations on exported orders", default: true),
        .text("orders.hoursText", "the text of hour lines; variables $navn $regnavn $dato $antal $enhed $tekst $projekt",
              max: 500, default: "$navn $regnavn", extra: OrderExportSettings.templateProblem),
        .text("orders.materialsText", "the text of material lines; same variables",
              max: 500, default: "$regnavn", extra: OrderExportSettings.templateProblem),
        .choice("orders.grouping", "how registrations are grouped into order lines", OrderGrouping.self, default: OrderGrouping.none),
        .number("orders.layout", "the e-conomic layout (order template) of exported orders", 1...Int.max),
        .text("orders.hoursProduct", "the product number hours are invoiced on when their hour type has no product of its own"),
        .number("hourTypes.productGroup", "the product group whose products, named like an hour type, price that hour type's hours", 1...Int.max),
    ]

    static func templateProblem(_ text: String) -> SettingProblem? {
        OrderTemplate.problem(in: text).map(SettingProblem.template)
    }

    public var exportHours = true
    public var exportMaterials = true
    public var hoursText = "$navn $regnavn"
    public var materialsText = "$regnavn"
    public var grouping = "none"
    public var layout: Int?
    public var hoursProduct: String?
    public var hourTypesProductGroup: Int?

    public init() {}

    /// The settings stored in `replica`.
    public init(replica: ReplicaStore) throws {
        self.init(try ConfigValues(replica: replica))
    }

    init(_ values: ConfigValues) {
        exportHours = values.bool("orders.exportHours")
        exportMaterials = values.bool("orders.exportMaterials")
        hoursText = values.string("orders.hoursText") ?? hoursText
        materialsText = values.string("orders.materialsText") ?? materialsText
        grouping = values.string("orders.grouping") ?? grouping
        layout = values.int("orders.layout")
        hoursProduct = values.string("orders.hoursProduct")
        hourTypesProductGroup = values.int("hourTypes.productGroup")
    }
}
