import Foundation

/// Turns the approved registrations of one project into the lines of an e-conomic draft order.
///
/// Registrations are grouped (see ``OrderGrouping``), each group becomes one
/// line whose text is rendered from the hours or materials template, and the
/// lines come in a fixed order: hours before materials, then by the group's
/// first day, hour type or product name, employee name and lowest id. The
/// result does not depend on the order the registrations are given in.
///
/// ```swift
/// let builder = OrderLineBuilder(hoursTemplate: try OrderTemplate("$navn $regnavn $dato"), grouping: .typeEmployee)
/// let lines = builder.lines(registrations)   // e.g. "Jens Hansen Montage 23-11-2026–24-11-2026", 11.5 × 425.00
/// let net = builder.total(lines)
/// ```
public struct OrderLineBuilder: Sendable {
    /// The text of hour lines.
    public var hoursTemplate: OrderTemplate
    /// The text of material lines.
    public var materialsTemplate: OrderTemplate
    /// Which registrations share a line.
    public var grouping: OrderGrouping

    /// The most characters e-conomic accepts in a line description; longer texts are cut.
    public static let descriptionLimit = 2500

    /// Creates a builder; by default every registration is its own line, with the default templates.
    public init(hoursTemplate: OrderTemplate = .defaultHours, materialsTemplate: OrderTemplate = .defaultMaterials,
                grouping: OrderGrouping = .none) {
        self.hoursTemplate = hoursTemplate
        self.materialsTemplate = materialsTemplate
        self.grouping = grouping
    }

    /// The order lines for `registrations`, numbered from 1.
    public func lines(_ registrations: [OrderRegistration]) -> [OrderLineDraft] {
        // Date order first, so "first seen" (names, notes) means earliest and the input order does not matter.
        let sorted = registrations.sorted { ($0.day, $0.id) < ($1.day, $1.id) }
        var groups: [Group] = []
        var indexByKey: [OrderGrouping.Key: Int] = [:]
        for registration in sorted {
            let key = grouping.key(registration)
            if let index = indexByKey[key] {
                groups[index].add(registration)
            } else {
                indexByKey[key] = groups.count
                groups.append(Group(registration))
            }
        }
        let ordered = groups.sorted { $0.precedes($1) }
        return ordered.enumerated().map { offset, group in
            let first = group.registrations[0]
            let template = first.kind == .hours ? hoursTemplate : materialsTemplate
            let text = DanishFormat.truncated(template.render(group.values), to: Self.descriptionLimit)
            return OrderLineDraft(lineNumber: offset + 1, productNumber: first.productNumber, description: text,
                                  quantity: Double(group.quantity.description) ?? 0, unitPrice: first.unitPrice,
                                  unitNumber: first.unitNumber, registrationIDs: group.registrations.map(\.id))
        }
    }

    /// The order's net amount: the sum of the lines' rounded totals.
    public func total(_ lines: [OrderLineDraft]) -> Decimal {
        lines.reduce(Decimal(0)) { $0 + $1.total }
    }

    /// Registrations on one line, in date order, with what the template shows of them.
    struct Group {
        var registrations: [OrderRegistration]
        var quantity: Decimal
        var employees: [String] = []
        var types: [String] = []
        var notes: [String] = []
        var firstDay: String
        var lastDay: String
        var lowestID: Int64

        init(_ registration: OrderRegistration) {
            registrations = []
            quantity = 0
            firstDay = registration.day
            lastDay = registration.day
            lowestID = registration.id
            add(registration)
        }

        /// Adds a registration given in date order.
        mutating func add(_ registration: OrderRegistration) {
            registrations.append(registration)
            quantity += DanishFormat.decimal(registration.quantity)
            Self.appendDistinct(registration.employeeName, to: &employees)
            Self.appendDistinct(registration.typeName, to: &types)
            Self.appendDistinct(registration.note, to: &notes)
            firstDay = min(firstDay, registration.day)
            lastDay = max(lastDay, registration.day)
            lowestID = min(lowestID, registration.id)
        }

        /// The text for `$navn`: the distinct employee names in first-seen order.
        var employee: String { employees.joined(separator: ", ") }
        /// The text for `$regnavn`: one name, unless `product` grouping merged several.
        var type: String { types.joined(separator: ", ") }

        /// The formatted template values.
        var values: OrderTemplate.Values {
            let first = registrations[0]
            return OrderTemplate.Values(employee: employee, type: type, date: DanishFormat.dateRange(firstDay, lastDay),
                                        quantity: DanishFormat.quantity(quantity), unit: first.unitName,
                                        text: notes.joined(separator: "; "), project: first.projectName)
        }

        /// Line order: hours first, then first day, type name, employee name, lowest id.
        func precedes(_ other: Group) -> Bool {
            let kind = registrations[0].kind, otherKind = other.registrations[0].kind
            if kind != otherKind { return kind < otherKind }
            if firstDay != other.firstDay { return firstDay < other.firstDay }
            if type != other.type { return type < other.type }
            if employee != other.employee { return employee < other.employee }
            return lowestID < other.lowestID
        }

        private static func appendDistinct(_ value: String?, to list: inout [String]) {
            guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty, !list.contains(value) else { return }
            list.append(value)
        }
    }
}
