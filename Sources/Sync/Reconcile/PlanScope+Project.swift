import Reconcile
import Replica
import Vocabulary

extension PlanScope {
    /// A trial run on one project (the brief's "test with one project before
    /// activating automatic sync"): the project, its main project when it is a
    /// sub-project, their customers, its registrations (deleted ones too), the
    /// employees who recorded its hours and the products its materials use.
    ///
    /// ```swift
    /// let scope = try PlanScope.project(12, in: replica)   // "project 1042 (Tagrenovering)"
    /// ```
    public static func project(_ id: Int64, in replica: ReplicaStore) throws -> PlanScope {
        guard let project = try replica.fetch(Project.self, id: id) else {
            throw ReplicaError(.notFound, .doesNotExist, kind: .project, row: id)
        }
        let main = try project.parentId.flatMap { try replica.fetch(Project.self, id: $0) }
        let all = RegistrationFilter(project: id, includeDeleted: true)
        let hours = try replica.registrations(TimeEntry.self, matching: all)
        let materials = try replica.registrations(Material.self, matching: all)
        let rows: [Kind: [Int64]] = [
            .project: [id] + (main?.id.map { [$0] } ?? []),
            .customer: [project.customerId, main?.customerId].compactMap { $0 },
            .timeEntry: hours.compactMap(\.id),
            .employee: hours.map(\.employeeId),
            .product: materials.map(\.productId),
        ]
        var keys: [Kind: Set<String>] = [:]
        for (kind, ids) in rows {
            let economic = try replica.foreignKeys(kind, ids: ids)
            keys[kind] = Set(ids.map { economic[$0] ?? RecordRef.planKey(local: $0) })
        }
        let number = project.foreignKey.map(String.init) ?? project.number.map(String.init) ?? RecordRef.planKey(local: id)
        return PlanScope(.project, name: "\(number) (\(project.name))", keys: keys)
    }
}
