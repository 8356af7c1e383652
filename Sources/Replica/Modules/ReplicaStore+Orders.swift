internal import GRDB
import Vocabulary

extension ReplicaStore {
    /// The approved registrations of type `R` on project `projectID` that are
    /// on no order yet, live ones only, by date then id: what an order export takes.
    ///
    /// ```swift
    /// let hours = try replica.approvedUnexported(TimeEntry.self, project: 4)
    /// ```
    public func approvedUnexported<R: Registration>(_ type: R.Type, project projectID: Int64) throws -> [R] {
        try read { db in try Self.approvedUnexportedRequest(R.self, project: projectID).fetchValues(db) }
    }

    static func approvedUnexportedRequest<R: Registration>(_ type: R.Type, project projectID: Int64) -> QueryInterfaceRequest<StoredRecord<R>> {
        StoredRecord<R>.all().forProject(projectID).approved().notOnOrder().live().byDate()
    }

    /// The live products that may invoice an hour type's hours: the one numbered
    /// `number`, and those named `name` in the product group with e-conomic key `groupKey`.
    ///
    /// ```swift
    /// let candidates = try replica.hourProductCandidates(number: "TIMER", name: "Svend", groupKey: 3)
    /// ```
    public func hourProductCandidates(number: String?, name: String, groupKey: Int?) throws -> [Product] {
        let product = TableAlias(name: "p"), group = TableAlias(name: "g")
        return try read { db in
            try SQLRequest<StoredRecord<Product>>(literal: """
                SELECT p.* FROM \(sql: Kind.product.table) p
                LEFT JOIN \(sql: Kind.productGroup.table) g
                       ON \(group[ProductGroup.Columns.id.column]) = \(product[Product.Columns.productGroupId.column])
                WHERE \(product[Product.Columns.tombstone.column]) = 0
                  AND (\(product[Product.Columns.number.column]) = \(number)
                       OR (\(group[ProductGroup.Columns.foreignKey.column]) = \(groupKey) AND \(product[Product.Columns.name.column]) = \(name)))
                """).fetchValues(db)
        }
    }

    /// The name of the record of `kind` with local id `id`; nil when there is
    /// none, or when records of `kind` have no name.
    public func name(of kind: Kind, id: Int64) throws -> String? {
        guard let column = kind.recordType.columnName(forProperty: "name") else { return nil }
        return try read { db in
            // Whole, a NUL inside included (see ``WholeTexts``).
            try WholeTexts.first(db, SQLRequest<Row>(literal: "SELECT \(Column(column)) FROM \(sql: kind.table) WHERE \(RecordColumn.id) = \(id)")) {
                $0[0] as String?
            } ?? nil
        }
    }
}
