import Foundation
import Reconcile
import Replica
import Snapshot

/// Works out the draft order of an export from the replica: the project's
/// customer (which must be in e-conomic), the registrations that qualify, their
/// prices (the hour type's product, or the employee's rate with
/// `projects.useEmployeeRates`), lines from the templates and grouping, and
/// the layout, payment terms and recipient e-conomic requires. Reads only.
struct OrderDraftBuilder {
    let replica: ReplicaStore

    func draft(_ request: OrderExportRequest) throws -> OrderDraft {
        let settings = try OrderExportSettings(replica: replica)
        let projectSettings = try ProjectSettings(replica: replica)
        let rates = projectSettings.useEmployeeRates
        guard let project = try replica.fetch(Project.self, id: request.projectID), !project.tombstone else {
            throw SyncError(.invalidRequest, .order(.noProject(request.projectID)), module: "orders")
        }
        guard project.department == replica.department else {
            throw SyncError(.invalidRequest, .order(.otherDepartment(project: project.name, id: project.id!, department: project.department)),
                            module: "orders")
        }
        let customer = try self.customer(of: project)
        let onlyAsked = request.hours != nil || request.materials != nil
        let hours = request.hours ?? (!onlyAsked && settings.exportHours)
        let materials = request.materials ?? (!onlyAsked && settings.exportMaterials && projectSettings.syncMaterials)
        let entries = hours ? try registrations(TimeEntry.self, request, ids: request.hourIDs) : []
        let used = materials ? try registrations(Material.self, request, ids: request.materialIDs) : []
        var names = Names(replica: replica)
        var items: [OrderRegistration] = []
        var missing: [Int64: String] = [:]
        for entry in entries {
            let hourType = try names.record(HourType.self, entry.hourTypeId)
            let product = try names.record(Product.self, try product(of: hourType, settings))
            if product.foreignKey == nil { missing[product.id!] = "\(product.number) (\(product.name))" }
            let employee = try names.record(Employee.self, entry.employeeId)
            let price = rates ? employee.hourlySalesRate ?? product.salesPrice : product.salesPrice
            let unit = try product.unitId.map { try names.record(UnitType.self, $0) }
            items.append(OrderRegistration(kind: .hours, id: entry.id!, date: entry.date, quantity: entry.hours, unitName: unit?.name ?? "timer",
                                           note: entry.note, employeeName: employee.name, employeeNumber: employee.foreignKey ?? employee.number,
                                           typeName: hourType.name, productNumber: product.number, unitNumber: unit?.foreignKey,
                                           unitPrice: Self.decimal(price ?? 0), projectName: project.name))
        }
        for material in used {
            let product = try names.record(Product.self, material.productId)
            if product.foreignKey == nil { missing[product.id!] = "\(product.number) (\(product.name))" }
            let unit = try (material.unitId ?? product.unitId).map { try names.record(UnitType.self, $0) }
            let employee = try material.employeeId.map { try names.record(Employee.self, $0) }
            items.append(OrderRegistration(kind: .material, id: material.id!, date: material.date, quantity: material.quantity,
                                           unitName: unit?.name ?? "stk", note: material.note, employeeName: employee?.name,
                                           typeName: product.name, productNumber: product.number, unitNumber: unit?.foreignKey,
                                           unitPrice: Self.decimal(product.salesPrice ?? 0), projectName: project.name))
        }
        let builder = OrderLineBuilder(hoursTemplate: try template(settings.hoursText, "orders.hoursText"),
                                       materialsTemplate: try template(settings.materialsText, "orders.materialsText"),
                                       grouping: request.grouping ?? OrderGrouping(rawValue: settings.grouping) ?? .none)
        let lines = builder.lines(items)
        let layout = try self.layout(settings)
        var draft = OrderDraft(projectID: project.id!, projectName: project.name, customerID: customer.id!, customerNumber: customer.foreignKey!, customerName: customer.name,
                               lines: lines, total: builder.total(lines), hourIDs: entries.map { $0.id! }, materialIDs: used.map { $0.id! }, taken: items,
                               missingProducts: missing, body: .null, layout: layout)
        draft.body = try body(draft, customer: customer, project: project, date: request.date, names: &names)
        return draft
    }

    /// The product an hour type's hours are invoiced on: its own, else the
    /// product named like it in `hourTypes.productGroup`, else `orders.hoursProduct`.
    func product(of hourType: HourType, _ settings: OrderExportSettings) throws -> Int64 {
        if let own = hourType.productId { return own }
        let candidates = try replica.hourProductCandidates(number: settings.hoursProduct, name: hourType.name,
                                                           groupKey: settings.hourTypesProductGroup)
        if let named = candidates.first(where: { $0.name == hourType.name && settings.hourTypesProductGroup != nil }) {
            return named.id!
        }
        if let fallback = candidates.first(where: { $0.number == settings.hoursProduct }) { return fallback.id! }
        throw SyncError(.invalidRequest, .order(.noHoursProduct(hourType: hourType.name, id: hourType.id!, hoursProduct: settings.hoursProduct)),
                        module: "orders", action: .setHoursProduct(hourType: hourType.id!))
    }

    /// The project's customer, which must be in e-conomic ("Customer not found in e-conomic").
    func customer(of project: Project) throws -> Customer {
        guard let id = project.customerId, let customer = try replica.fetch(Customer.self, id: id) else {
            throw SyncError(.customerNotFound, .order(.projectWithoutCustomer(project: project.name, id: project.id!)),
                            module: "orders", action: .setProjectCustomer(project: project.id!))
        }
        guard customer.foreignKey != nil else {
            throw SyncError(.customerNotFound, .order(.customerNotInEconomic(customer: customer.name, id: customer.id!, project: project.name)),
                            module: "orders")
        }
        return customer
    }

    /// The project's approved registrations of type `R` that are not exported yet, narrowed as asked.
    func registrations<R: Registration>(_ type: R.Type, _ request: OrderExportRequest, ids: [Int64]?) throws -> [R] {
        if let ids {
            let found = try replica.fetch(R.self, ids: ids)
            for id in ids {
                guard let record = found.first(where: { $0.id == id }), !record.tombstone else {
                    throw SyncError(.invalidRequest, .order(.noRegistration(R.kind, id: id)), module: "orders")
                }
                let problem: OrderProblem.Pick? = record.projectId != request.projectID ? .onProject(record.projectId, not: request.projectID)
                    : !record.isApproved ? .notApproved
                    : record.orderId.map { .exported(order: $0) }
                if let problem { throw SyncError(.invalidRequest, .order(.registration(R.kind, id: id, problem)), module: "orders") }
            }
            return found.filter { Self.inRange($0.date, request) }
        }
        return try replica.approvedUnexported(R.self, project: request.projectID).filter { Self.inRange($0.date, request) }
    }

    static func inRange(_ date: String, _ request: OrderExportRequest) -> Bool {
        (request.from.map { date >= $0 } ?? true) && (request.to.map { date <= $0 } ?? true)
    }

    func template(_ text: String, _ setting: String) throws -> OrderTemplate {
        do {
            return try OrderTemplate(text)
        } catch {
            throw SyncError(.missingSetting, error.problem.map { .order(.template(setting: setting, $0)) } ?? .recorded("\(setting): \(error.message)"),
                            module: "orders")
        }
    }

    /// The layout: `orders.layout`, else the lowest-numbered layout e-conomic has.
    func layout(_ settings: OrderExportSettings) throws -> (local: Int64?, number: Int) {
        let layouts = try replica.list(Layout.self).filter { $0.foreignKey != nil }
        if let number = settings.layout { return (layouts.first { $0.foreignKey == number }?.id, number) }
        guard let first = layouts.min(by: { $0.foreignKey! < $1.foreignKey! }) else {
            throw SyncError(.missingSetting, .order(.noLayout), module: "orders", action: .setOrderLayout)
        }
        return (first.id, first.foreignKey!)
    }

    static func decimal(_ value: Double) -> Decimal {
        Decimal(string: String(value)) ?? Decimal(value)
    }
}
