internal import GRDB

/// A record type that names each of its table's columns once, in its
/// `Columns` enum (the case is the Swift property, the raw value the column),
/// for the SQL the replica runs on its table.
///
/// ```swift
/// Product.Columns.salesPrice.column               // Column("sales_price"), for requests
/// Product.column(forProperty: "salesPrice")       // Product.Columns.salesPrice
/// ```
protocol ColumnNaming {
    associatedtype Columns: CaseIterable, RawRepresentable where Columns.RawValue == String
}

extension ColumnNaming {
    /// The column that stores the property named `property`, nil when none does.
    static func column(forProperty property: String) -> Columns? {
        Columns.allCases.first { "\($0)" == property }
    }

    /// The names of `columns`, in order: `names(.foreignKey, .name)` is `["foreign_key", "name"]`.
    static func names(_ columns: Columns...) -> [String] {
        columns.map(\.rawValue)
    }

    fileprivate static func columnName(_ property: String) -> String? {
        column(forProperty: property)?.rawValue
    }
}

extension RawRepresentable where RawValue == String, Self: CaseIterable & Sendable {
    /// The column, for GRDB requests and SQL interpolation.
    var column: Column { Column(rawValue) }
}

extension ReplicaRecord {
    /// The column (its name) that stores the property named `property` of
    /// this record type, nil when none does.
    static func columnName(forProperty property: String) -> String? {
        (Self.self as? any ColumnNaming.Type)?.columnName(property)
    }
}
